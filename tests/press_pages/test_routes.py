"""Routes that other apps contribute to a routable page."""

from press_pages.routes import page_path, page_re_path


def test_a_contributed_view_gets_the_request_then_the_page():
    calls = []

    def view(request, page, **kwargs):
        calls.append((request, page, kwargs))
        return "response"

    pattern = page_re_path(r"^item/(?P<token>\w+)/$", view, name="item")
    # RoutablePageMixin binds the callback to the page and calls it with the request.
    bound = pattern.callback.__get__("the page", object)
    assert bound("the request", token="abc") == "response"
    assert calls == [("the request", "the page", {"token": "abc"})]
    assert pattern.name == "item"
    assert page_path("item/", view, name="other").callback.__name__ == "view"

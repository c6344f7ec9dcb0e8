"""The admin's one way to refuse, responses kept out of caches, private files and
formula-safe spreadsheet cells."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.utils import translation

import pytest

from agency.admin import PlainSelect, forbidden, refuse_with_reason
from agency.http import no_store
from agency.private_files import PrivateFile, private_file_response
from agency.spreadsheets import safe_cell


@pytest.fixture
def request_():
    return RequestFactory().get("/admin/somewhere/")


class TestRefusal:
    def test_a_refusal_is_a_403_page_that_says_why(self, request_):
        def view(request):
            raise PermissionDenied("Only legal reviewers may waive findings.")

        response = refuse_with_reason(view, "not this")(request_)
        assert response.status_code == 403
        assert response.context_data["message"] == "Only legal reviewers may waive findings."
        assert response.template_name == "agency/admin/forbidden.html"

    def test_without_a_reason_the_default_is_given(self, request_):
        def view(request):
            raise PermissionDenied

        response = refuse_with_reason(view, "You may not do this here.")(request_)
        assert response.context_data["message"] == "You may not do this here."
        with translation.override("en"):
            assert forbidden(request_).context_data["message"] == "You are not allowed to do this."

    def test_other_views_and_errors_pass_through(self, request_):
        def view(request):
            return HttpResponse("fine")

        def missing(request):
            raise Http404

        assert refuse_with_reason(view)(request_).content == b"fine"
        with pytest.raises(Http404):
            refuse_with_reason(missing)(request_)

    def test_wrapping_twice_wraps_once(self):
        def view(request):
            return HttpResponse()

        wrapped = refuse_with_reason(view)
        assert refuse_with_reason(wrapped) is wrapped


class TestNoStore:
    def test_nothing_may_keep_the_response(self):
        response = no_store(HttpResponse())
        directives = set(response["Cache-Control"].split(", "))
        assert {"private", "no-store", "no-cache", "max-age=0"} <= directives
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "X-Robots-Tag" not in response

    def test_a_secret_address_is_neither_indexed_nor_passed_on(self):
        response = no_store(HttpResponse(), secret_address=True)
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Referrer-Policy"] == "no-referrer"


class TestPrivateFileResponse:
    def test_refused_before_the_file_is_looked_up_or_logged(self):
        calls = []
        with pytest.raises(PermissionDenied):
            private_file_response(False, lambda: calls.append("find"), calls.append)
        assert calls == []

    def test_the_access_is_logged_and_the_file_not_stored(self):
        logged = []
        response = private_file_response(
            True, lambda: PrivateFile(b"%PDF-1.4", "хат.pdf", "application/pdf"), logged.append
        )
        assert [file.filename for file in logged] == ["хат.pdf"]
        assert response.content == b"%PDF-1.4"
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "no-store" in response["Cache-Control"]

    def test_a_stored_file_is_streamed_inline_when_asked(self):
        photo = ContentFile(b"\xff\xd8\xff", name="photo.jpg")
        response = private_file_response(
            True, lambda: PrivateFile(photo, "photo.jpg", as_attachment=False), lambda file: None
        )
        assert b"".join(response.streaming_content) == b"\xff\xd8\xff"
        assert response["Content-Type"] == "image/jpeg"
        assert response["Content-Disposition"].startswith("inline;")


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+7 701", "'+7 701"),
        ("@SUM", "'@SUM"),
        ("Бюджет", "Бюджет"),
        (-5, -5),
        (None, None),
    ],
)
def test_cells_never_run_as_formulas(value, cell):
    assert safe_cell(value) == cell


def test_a_plain_select_renders_what_django_renders():
    choices = [("", "All"), ("a", "A & B"), ("b", "<b>")]
    plain = PlainSelect(choices=choices, attrs={"id": "id_kind"}).render("kind", "a")
    django = forms.Select(choices=choices, attrs={"id": "id_kind"}).render("kind", "a")
    assert plain == "".join(line.strip() for line in django.splitlines())

"""Hostile input never gives a 500: every public query parameter and every public form, fed NUL
bytes, lone surrogates (sent as the invalid UTF-8 a browser would never send), huge values and
values of the wrong type, answers with a page of ours below 500.

The values are raw bytes, percent-encoded by hand, so what reaches Django is exactly what an
attacker's client sends. Hypothesis runs derandomised with the ``ci`` profile of
``tests/conftest.py``.
"""

import uuid
from urllib.parse import quote, quote_from_bytes

from django.test import Client

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citizen_requests.kinds import RequestKind
from tests.accreditation.events_helpers import briefing, subpage
from tests.accreditation.factories import IntakeFactory, accreditation_page
from tests.accreditation.helpers import post_data
from tests.citizen_requests.helpers import form_page, status_page, valid_data
from tests.press_pages.factories import (
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    TopicFactory,
    kk_home,
)

pytestmark = pytest.mark.django_db

SPECIALS = [
    "",
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "%00",
    "x" * 20_000,
    "9" * 5_000,
    "-1",
    "0",
    "1e309",
    "NaN",
    "inf",
    "１２",
    "٣",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "[]",
    "2026-02-30",
    "99999-01-01",
    str(uuid.uuid4()),
]
values = st.one_of(
    st.sampled_from(SPECIALS),
    st.text(max_size=40),
    st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3),
    st.binary(max_size=24).map(lambda raw: raw.decode("latin-1")),
)


def encode(pairs) -> str:
    """``application/x-www-form-urlencoded`` of ``pairs``; lone surrogates become invalid UTF-8."""
    return "&".join(
        f"{quote(key)}={quote_from_bytes(str(value).encode('utf-8', 'surrogatepass'))}"
        for key, value in pairs
    )


def assert_ours(response) -> None:
    assert response.status_code < 500, response.status_code
    if response.status_code == 400 and "html" in response.get("Content-Type", ""):
        assert b"<html" in response.content


def build_module_data():
    """Every public page type, a form of every kind, an open intake and an open registration."""
    home = kk_home()
    news_index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news_index)
    TopicFactory(slug="budget")
    faq_index = FAQIndexPageFactory(parent=home)
    FAQAnswerPageFactory(parent=faq_index)
    IntakeFactory()
    event = briefing(title="Брифинг", slug="briefing")
    pages = {
        "news_index": news_index,
        "briefing_index": event.get_parent().specific,
        "briefing": event,
        "faq_index": faq_index,
    }
    accreditation = accreditation_page()
    return {
        "pages": pages,
        "forms": {kind: form_page(kind) for kind in RequestKind},
        "status": status_page(),
        "accreditation": accreditation,
        "event": event,
    }


@pytest.fixture
def site(module_data):
    return module_data


def query_targets(site) -> list[tuple[str, list[str]]]:
    pages = site["pages"]
    news, briefings, faq = pages["news_index"], pages["briefing_index"], pages["faq_index"]
    accreditation = site["accreditation"]
    return [
        ("/kk/search/", ["q", "page"]),
        (news.url, ["topic", "page", "year"]),
        (news.url + "feed/rss/", ["page"]),
        (news.url + "feed/atom/", ["topic"]),
        (briefings.url, ["page", "year"]),
        (briefings.url + "ical/", ["year"]),
        (pages["briefing"].url + "ical/", ["x"]),
        (faq.url, ["q", "page"]),
        (faq.url + "feed/rss/", ["q"]),
        (site["status"].url, ["number", "code"]),
        (site["forms"][RequestKind.INFORMATION].url, ["kind", "page"]),
        (accreditation.url, ["journalists", "event", "done"]),
        (subpage(accreditation, "temporary"), ["journalists", "event"]),
        (subpage(accreditation, "outlets"), ["page", "q"]),
        (subpage(accreditation, "interview"), ["done"]),
        (subpage(accreditation, "notices", signed="abc"), ["done"]),
        (subpage(site["event"], "register"), ["sent"]),
        ("/api/v3/pages/", ["search", "type", "fields", "limit", "offset", "order", "locale"]),
        ("/sitemap.xml", ["p", "page"]),
        ("/kk/", ["q", "preview"]),
    ]


#: Each example sends one request to every target: a few examples cover them all many times.
EVERY_TARGET = settings(max_examples=6)


@EVERY_TARGET
@given(data=st.data())
def test_query_parameters(site, data):
    client = Client()
    for url, names in query_targets(site):
        params = data.draw(st.lists(st.tuples(st.sampled_from(names), values), max_size=3))
        assert_ours(client.get(f"{url}?{encode(params)}"))


@EVERY_TARGET
@given(segment=values)
def test_path_segments(site, segment):
    """A hostile segment where a slug, a year, a token or a signed value goes."""
    client = Client()
    raw = quote_from_bytes(segment.encode("utf-8", "surrogatepass")) or "x"
    accreditation = site["accreditation"]
    for prefix in (
        "/kk/",
        site["pages"]["news_index"].url,
        site["pages"]["briefing_index"].url,
        accreditation.url + "verify/",
        accreditation.url + "notices/",
        site["event"].url + "confirm/",
        "/api/v3/pages/",
        "/documents/",
    ):
        assert_ours(client.get(f"{prefix}{raw}/"))
    token = ("A" * 20 + segment.encode("ascii", "ignore").decode())[:100]
    assert_ours(client.get(f"{accreditation.url}verify/{quote(token)}/photo/"))


def form_targets(site) -> list[tuple[str, dict]]:
    """(address, a valid submission) of every public form."""
    accreditation, event = site["accreditation"], site["event"]
    token = "A" * 40
    targets = [
        (page.url, valid_data(kind, iin="900115300122")) for kind, page in site["forms"].items()
    ]
    targets += [
        (site["status"].url, {"number": "АҚ-2026-000001", "code": "ABCD-EFGH", "letter": "1"}),
        (subpage(event, "register"), {"card_number": "АК-2026-0001", "website": ""}),
        (subpage(event, "confirm", token=token), {"action": "cancel"}),
        (subpage(event, "questions", token=token), {"text": "Сұрақ", "website": ""}),
        (
            subpage(accreditation, "interview"),
            {
                "card_number": "АК-2026-0001",
                "official": "Министр",
                "topic": "Тақырып",
                "interview_format": "in_person",
                "preferred_dates": "кез келген",
                "text": "Мәтін",
                "consent": "on",
                "submission_token": str(uuid.uuid4()),
            },
        ),
        (subpage(accreditation, "notices", signed="abc"), {"notices": "off"}),
    ]
    return targets


@EVERY_TARGET
@given(data=st.data())
def test_form_bodies(site, data):
    client = Client()
    for url, valid in form_targets(site):
        names = [*valid, "unexpected"]
        hostile = data.draw(
            st.lists(st.tuples(st.sampled_from(names), values), min_size=1, max_size=4)
        )
        keep = [(name, value) for name, value in valid.items() if name not in dict(hostile)]
        response = client.post(
            url, encode(keep + hostile), content_type="application/x-www-form-urlencoded"
        )
        assert_ours(response)


@given(data=st.data())
def test_accreditation_application(site, data):
    client = Client()
    url = site["accreditation"].url
    valid = post_data(client, url)
    photo = valid.pop("journalists-0-photo")
    names = [*valid, "journalists-1-full_name", "briefing"]
    hostile = dict(data.draw(st.lists(st.tuples(st.sampled_from(names), values), max_size=4)))
    fields = {**valid, **hostile}
    fields = {name: value.encode("utf-8", "surrogatepass") for name, value in fields.items()}
    photo.seek(0)
    body, boundary = multipart(fields, {"journalists-0-photo": ("p.jpg", photo.read())})
    response = client.post(url, body, content_type=f"multipart/form-data; boundary={boundary}")
    assert_ours(response)


@given(data=st.data())
def test_request_form_as_multipart(site, data):
    """The request form as browsers send it, with invalid bytes in the fields and the file's name."""
    client = Client()
    page = site["forms"][RequestKind.MEDIA]
    valid = valid_data(RequestKind.MEDIA)
    hostile = dict(data.draw(st.lists(st.tuples(st.sampled_from(list(valid)), values), max_size=4)))
    fields = {k: v.encode("utf-8", "surrogatepass") for k, v in {**valid, **hostile}.items()}
    name = data.draw(values).encode("utf-8", "surrogatepass").replace(b'"', b"")
    body, boundary = multipart(fields, {"attachments": (name, b"%PDF-1.4 not really")})
    response = client.post(page.url, body, content_type=f"multipart/form-data; boundary={boundary}")
    assert_ours(response)


def multipart(fields: dict[str, bytes], files: dict[str, tuple]) -> tuple[bytes, str]:
    boundary = "BoUnDaRy" + uuid.uuid4().hex
    parts = [
        b'--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
        % (boundary.encode(), name.encode(), value)
        for name, value in fields.items()
    ]
    for field, (filename, content) in files.items():
        filename = filename if isinstance(filename, bytes) else filename.encode()
        parts.append(
            b'--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\n'
            b"Content-Type: application/octet-stream\r\n\r\n%s\r\n"
            % (boundary.encode(), field.encode(), filename, content)
        )
    return b"".join(parts) + b"--%s--\r\n" % boundary.encode(), boundary


def test_a_nul_in_every_text_field_of_a_request_is_a_form_error_not_a_500(site):
    page = site["forms"][RequestKind.INFORMATION]
    for name in ("full_name", "subject", "text", "postal_address", "phone", "iin", "email"):
        data = {**valid_data(iin="900115300122"), name: "a\x00b"}
        response = Client().post(page.url, data)
        assert response.status_code == 400, name


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data", b"no boundary"),
        ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data\r\n\r\n"),
        ("multipart/form-data; boundary=x", b'--x\r\nContent-Disposition: form-data; name="a'),
        ("multipart/form-data; boundary=\x00", b"--\x00\r\n"),
        ("application/x-www-form-urlencoded", b"a=%ZZ&%%%=\xff\xfe&" + b"k=v&" * 20_000),
        ("application/json", b"{" * 10_000),
    ],
)
def test_malformed_bodies(site, content_type, body):
    response = Client().post(
        site["forms"][RequestKind.INFORMATION].url, body, content_type=content_type
    )
    assert_ours(response)

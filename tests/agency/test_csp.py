"""Content-Security-Policy and Permissions-Policy on the public site, the admin and signing pages.

The pages are the sample site's, the request pages and the accreditation page, rendered by
their real templates through the whole middleware stack, the page cache included.
"""

import base64
import hashlib
import re
from html.parser import HTMLParser

from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client, override_settings

import pytest

from agency.cache import CACHE_HEADER
from tests.accreditation.factories import accreditation_page
from tests.citizen_requests.helpers import form_page, status_page
from tests.signin import staff_login
from tests.workflows.moderation import member

pytestmark = pytest.mark.django_db

SIGNING_ORIGINS = "wss://127.0.0.1:13579 https://127.0.0.1:24680"


def policy(response) -> dict[str, list[str]]:
    """The response's Content-Security-Policy as ``{directive: [sources]}``."""
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_public_policy(response):
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'", settings.ERROR_PAGE_STYLE_HASH]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def permissions(response) -> dict[str, str]:
    return dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))


@pytest.fixture
def site(module_sample_site):
    return module_sample_site


class TestPublicPages:
    def test_every_kind_of_public_page_carries_the_strict_policy(self, site):
        urls = [
            site.pages[code][kind].url
            for code in ("kk", "ru", "en")
            for kind in ("home", "news_index", "news")
        ]
        urls += [site.pages["kk"]["briefing"].url, site.pages["kk"]["faq"].url]
        urls += ["/kk/search/?q=цифр", "/kk/no-such-page/", status_page().url]
        for url in urls:
            response = Client().get(url)
            assert response.status_code in (200, 404), url
            assert_public_policy(response)

    def test_features_the_site_never_uses_are_denied(self, site):
        features = permissions(Client().get(site.pages["kk"]["home"].url))
        for feature in ("camera", "microphone", "geolocation", "payment", "usb", "serial"):
            assert features[feature] == "()"
        # Reaching the person's own computer stays at the browser's default everywhere.
        assert not {"local-network", "local-network-access", "loopback-network"} & set(features)

    def test_a_page_served_from_the_page_cache_carries_the_same_headers(self, site):
        url = site.pages["kk"]["news"].url
        miss = Client().get(url)
        hit = Client().get(url)
        assert (miss[CACHE_HEADER], hit[CACHE_HEADER]) == ("miss", "hit")
        for header in ("Content-Security-Policy", "Permissions-Policy"):
            assert hit[header] == miss[header]
        assert_public_policy(hit)

    def test_documents_keep_wagtails_stricter_policy(self, site):
        response = Client().get(site.document.url)
        assert response.status_code == 200
        assert response["Content-Security-Policy"] == "default-src 'none'"
        assert permissions(response)["camera"] == "()"

    def test_a_request_turned_away_before_routing_carries_the_policy(self):
        response = Client().get("/kk/search/", {"q": "a\x00b"})
        assert response.status_code == 400
        assert_public_policy(response)


class TestNoInlineCode:
    """What a public page contains must be allowed by its policy without exceptions."""

    class Inline(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found = []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            for name, value in attrs.items():
                if name.startswith("on") or name == "style":
                    self.found.append(f"<{tag} {name}>")
                if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                    "javascript:"
                ):
                    self.found.append(f"<{tag} {name}={value}>")
            inert = attrs.get("type") == "application/ld+json"
            if tag == "script" and not attrs.get("src") and not inert:
                self.found.append("<script> without src")
            if tag == "style":
                self.found.append("<style>")

    def inline_code(self, html: str) -> list[str]:
        parser = self.Inline()
        parser.feed(html)
        return parser.found

    def test_public_pages_have_no_inline_script_handler_or_style(self, site):
        urls = [site.pages[code]["home"].url for code in ("kk", "ru", "en")]
        urls += [
            site.pages["kk"][kind].url
            for kind in ("news_index", "news", "briefing_index", "briefing", "faq_index", "faq")
        ]
        urls += ["/kk/search/?q=цифр", "/kk/no-such-page/", form_page().url, status_page().url]
        page = accreditation_page()
        urls += [page.url, page.url + "temporary/"]
        for url in urls:
            response = Client().get(url)
            assert response.status_code in (200, 404), url
            assert self.inline_code(response.content.decode()) == [], url

    def test_the_error_pages_inline_stylesheet_is_allowed_by_its_hash(self):
        for template in ("400.html", "500.html"):
            html = render_to_string(template)
            styles = re.findall(r"<style>(.*?)</style>", html, flags=re.DOTALL)
            assert len(styles) == 1
            digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
            assert f"'sha256-{digest}'" == settings.ERROR_PAGE_STYLE_HASH
            assert "<script" not in html and "style=" not in html


class TestSigningPages:
    def test_request_forms_may_reach_the_local_signing_applications(self):
        response = Client().get(form_page().url)
        assert response.status_code == 200
        directives = policy(response)
        assert " ".join(directives["connect-src"]) == f"'self' {SIGNING_ORIGINS}"
        for feature in ("local-network", "local-network-access", "loopback-network"):
            assert permissions(response)[feature] == "(self)"
        assert permissions(response)["camera"] == "()"

    def test_a_rejected_request_form_keeps_the_signing_origins(self):
        client = Client()
        response = client.post(form_page().url, {"full_name": ""})
        assert response.status_code == 400
        assert SIGNING_ORIGINS in response["Content-Security-Policy"]

    def test_accreditation_applications_may_reach_the_local_signing_applications(self):
        page = accreditation_page()
        for url in (page.url, page.url + "temporary/"):
            response = Client().get(url)
            assert response.status_code == 200, url
            assert " ".join(policy(response)["connect-src"]) == f"'self' {SIGNING_ORIGINS}"
            assert permissions(response)["local-network-access"] == "(self)"

    def test_other_pages_do_not(self, site):
        for url in (status_page().url, site.pages["kk"]["home"].url, "/kk/search/"):
            response = Client().get(url)
            assert policy(response)["connect-src"] == ["'self'"], url
            assert not {"local-network", "local-network-access", "loopback-network"} & set(
                permissions(response)
            )

    @override_settings(SIGNING_LOCAL_ORIGINS=["wss://127.0.0.1:13579"])
    def test_the_origins_come_from_the_setting(self):
        response = Client().get(form_page().url)
        assert policy(response)["connect-src"] == ["'self'", "wss://127.0.0.1:13579"]


class TestAdmin:
    def test_the_admin_has_its_own_policy(self):
        editor = member("editors", "csp-editor")
        client = Client()
        staff_login(client, editor)
        for url in ("/admin/login/", "/admin/", "/admin/pages/", "/admin/images/"):
            response = client.get(url, follow=True)
            assert response.status_code == 200, url
            directives = policy(response)
            # Wagtail's editor runs inline code; nothing may come from or go to elsewhere.
            assert directives["script-src"] == ["'self'", "'unsafe-inline'"], url
            assert directives["style-src"] == ["'self'", "'unsafe-inline'"], url
            assert directives["connect-src"] == ["'self'"]
            assert directives["img-src"] == ["'self'", "data:"]
            assert "'unsafe-eval'" not in response["Content-Security-Policy"]
            assert directives["object-src"] == ["'none'"]
            assert directives["frame-ancestors"] == ["'self'"]
            assert permissions(response)["camera"] == "()"

    def test_a_public_address_that_merely_starts_alike_keeps_the_public_policy(self, site):
        response = Client().get("/kk/admin-notes/")
        assert_public_policy(response)

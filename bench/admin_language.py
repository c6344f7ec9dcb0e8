"""How much of the admin a Kazakh-speaking officer reads in English.

``.venv/bin/python bench/admin_language.py [--top 30]`` seeds a scratch database with
``seed_demo``, signs in as the demo administrator (admin language Kazakh) and reads the main
admin screens: the dashboard, the page explorer, the page editor, a page's history, the images
and documents, the reports and the workflows. For each it prints the words of the visible text
(text nodes outside ``script``, ``style``, ``template`` and ``hidden`` elements), how many are in
Latin script, and their share; first without the Kazakh catalogues of the packages
(``locale_vendor``), then with them. Brand and file-type names are not counted. ``--top`` lists
the commonest Latin words left. Exits non-zero when the share with the catalogues is 3 % or more.
"""

import argparse
import re
import sys
import tempfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import configure

LIMIT = 0.03
WORD = re.compile(r"[^\W\d_]+")
LATIN = re.compile(r"[A-Za-z]")
#: Names that stay as they are in any language.
NAMES = {
    "wagtail",
    "pdf",
    "docx",
    "xlsx",
    "csv",
    "odt",
    "pptx",
    "rtf",
    "txt",
    "zip",
    "jpeg",
    "jpg",
    "png",
    "gif",
    "webp",
    "svg",
    "url",
    "urls",
    "api",
    "html",
    "json",
    "rss",
    "atom",
    "ical",
    "ics",
    "qr",
    "id",
    "google",
    "youtube",
    "vimeo",
    "totp",
    "email",
    "e",
    "mail",
    "px",
    "kb",
    "mb",
    "gb",
    "utc",
    "ok",
}
SKIPPED = {"script", "style", "template", "noscript", "svg"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []  # per open element: is its content hidden?
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        hidden = (
            (self.stack and self.stack[-1])
            or tag in SKIPPED
            or any(name == "hidden" for name, _ in attrs)
        )
        self.stack.append(bool(hidden))

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.words.extend(WORD.findall(data))


def visible_words(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return [word for word in parser.words if word.lower() not in NAMES]


def screens():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page

    from press_pages.models import NewsPage

    kk = Locale.objects.get(language_code="kk")
    home = Page.objects.filter(depth=2, locale=kk).first()
    news = NewsPage.objects.filter(locale=kk, live=True).first()
    image = get_image_model().objects.first()
    document = get_document_model().objects.first()
    found = {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{home.pk}/",
        "page editor": f"/admin/pages/{news.pk}/edit/",
        "page history": f"/admin/pages/{news.pk}/history/",
        "images": "/admin/images/",
        "documents": "/admin/documents/",
        "workflow report": "/admin/reports/workflow/",
        "site history": "/admin/reports/site-history/",
        "workflows": "/admin/workflows/list/",
        "tasks": "/admin/workflows/tasks/index/",
    }
    if image:
        found["image editor"] = f"/admin/images/{image.pk}/"
    if document:
        found["document editor"] = f"/admin/documents/edit/{document.pk}/"
    return found


def measure(client, paths) -> dict[str, tuple[int, int, Counter]]:
    results = {}
    for name, path in paths.items():
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{name}: {path} answered {response.status_code}")
        words = visible_words(response.content.decode())
        latin = Counter(word for word in words if LATIN.search(word))
        results[name] = (len(words), sum(latin.values()), latin)
    return results


def report(title, results) -> float:
    print(title)
    total = sum(words for words, _, _ in results.values())
    latin = sum(count for _, count, _ in results.values())
    for name, (words, count, _) in results.items():
        print(f"  {name:18} {words:6} words  {count:5} Latin  {count / max(words, 1):6.1%}")
    share = latin / max(total, 1)
    print(f"  {'all screens':18} {total:6} words  {latin:5} Latin  {share:6.1%}")
    return share


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=30)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        configure(scratch, "admin-language")
        from django.conf import settings
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import override_settings

        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        call_command("migrate", verbosity=0)
        call_command("seed_demo", force=True, verbosity=0)
        admin = get_user_model().objects.get(username="admin")
        assert admin.wagtail_userprofile.get_preferred_language() == "kk"
        client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="ru")
        client.force_login(admin)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.filter(user=admin).first().persistent_id
        session.save()
        paths = screens()
        own = [path for path in settings.LOCALE_PATHS if Path(path).name != "locale_vendor"]
        with override_settings(LOCALE_PATHS=own):
            report("Without the packages' Kazakh catalogues", measure(client, paths))
        results = measure(client, paths)
        share = report("With them (locale_vendor)", results)
        left = sum((latin for _, _, latin in results.values()), Counter())
        print(f"Commonest Latin words left: {left.most_common(arguments.top)}")
    if share >= LIMIT:
        raise SystemExit(f"The Latin share is {share:.1%}, over {LIMIT:.0%}")


if __name__ == "__main__":
    main()

"""How much of the admin a Kazakh-speaking officer reads in English.

``.venv/bin/python bench/admin_language.py [--top 30]`` seeds a scratch database with
``seed_demo``, signs in as the demo administrator (admin language Kazakh) and reads the main
admin screens: the dashboard, the page explorer, the page editor, a page's history, the images
and documents, the reports and the workflows. For each it prints the words of the visible text
(text nodes outside ``script``, ``style``, ``template`` and ``hidden`` elements), how many are in
Latin script, and their share; first without the Kazakh catalogues of the packages
(``locale_vendor``), then with them. Brand and file-type names are not counted.

What the office itself wrote in another language is content, not interface, and is counted
apart: a text node equal to the title of a page in the Russian or English tree, or to the name
of a document's or image's file (the English FAQ answers in the workflow report, say). The
figures are printed for the interface alone and with that content.

``--top`` lists the commonest Latin words of the interface, and ``--show`` prints each text that
holds one. Exits non-zero when the interface's share with the catalogues is 3 % or more.
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
    "baspasoz",
    # The "x" of picture sizes (1600x900).
    "x",
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
    """The text nodes of a page that a reader sees."""

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []  # per open element: is its content hidden?
        self.texts: list[str] = []

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
        text = " ".join(data.split())
        if text and not (self.stack and self.stack[-1]):
            self.texts.append(text)


def counted_words(text: str) -> list[str]:
    """The words of ``text`` that count: brand and file-type names aside."""
    return [word for word in WORD.findall(text) if word.lower() not in NAMES]


def visible_texts(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return parser.texts


def visible_words(html: str) -> list[str]:
    return [word for text in visible_texts(html) for word in counted_words(text)]


def is_latin(word: str) -> bool:
    return bool(LATIN.search(word))


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


def measure(client, paths, content=frozenset(), show=False) -> dict[str, tuple[int, int, Counter]]:
    """Per screen: the interface's words, how many are Latin, and those Latin words.

    A text node equal to one of ``content`` (what the office wrote in another language: the
    titles of its Russian and English pages, its files' names) is content, not interface, and is
    counted apart, under the name ``content in other languages``.
    """
    results = {}
    other = [0, 0, Counter()]
    for name, path in paths.items():
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{name}: {path} answered {response.status_code}")
        words, latin, shown = [], Counter(), set()
        for text in visible_texts(response.content.decode()):
            counted = counted_words(text)
            if text in content:
                other[0] += len(counted)
                other[1] += sum(is_latin(word) for word in counted)
                continue
            words.extend(counted)
            latin.update(word for word in counted if is_latin(word))
            if any(is_latin(word) for word in counted):
                shown.add(text)
        results[name] = (len(words), sum(latin.values()), latin)
        if show:
            for text in sorted(shown):
                print(f"  [{name}] {text}")
    results["content in other languages"] = tuple(other)
    return results


def content_in_other_languages() -> frozenset[str]:
    """Titles of the pages outside the Kazakh tree, and the names of documents' and images' files."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    titles = Page.objects.exclude(locale__language_code="kk").values_list("title", flat=True)
    files = [
        Path(item.file.name).name
        for model in (get_document_model(), get_image_model())
        for item in model.objects.all()
    ]
    return frozenset(" ".join(text.split()) for text in (*titles, *files))


def report(title, results) -> float:
    """Print the figures per screen; return the Latin share of the interface's words."""
    print(title)
    other = results.pop("content in other languages", None)
    total = sum(words for words, _, _ in results.values())
    latin = sum(count for _, count, _ in results.values())
    for name, (words, count, _) in results.items():
        print(f"  {name:26} {words:6} words  {count:5} Latin  {count / max(words, 1):6.1%}")
    share = latin / max(total, 1)
    print(f"  {'interface, all screens':26} {total:6} words  {latin:5} Latin  {share:6.1%}")
    if other is not None:
        words, count, _ = other
        with_content = (latin + count) / max(total + words, 1)
        print(f"  {'content in other languages':26} {words:6} words  {count:5} Latin")
        print(
            f"  {'interface and content':26} {total + words:6} words  {latin + count:5} Latin  {with_content:6.1%}"
        )
    return share


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument(
        "--show", action="store_true", help="print each text that holds a Latin word, by screen"
    )
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
        content = content_in_other_languages()
        own = [path for path in settings.LOCALE_PATHS if Path(path).name != "locale_vendor"]
        with override_settings(LOCALE_PATHS=own):
            report("Without the packages' Kazakh catalogues", measure(client, paths, content))
        results = measure(client, paths, content, show=arguments.show)
        share = report("With them (locale_vendor)", results)
        left = sum((latin for _, _, latin in results.values()), Counter())
        print(f"Commonest Latin words left: {left.most_common(arguments.top)}")
    if share >= LIMIT:
        raise SystemExit(f"The Latin share is {share:.1%}, over {LIMIT:.0%}")


if __name__ == "__main__":
    main()

"""From an answered request to a draft FAQ answer, with the personal data removed.

Frequently requested information must be published (AIL Art. 16 p.3(15)). The officer starts
a draft ``press_pages.FAQAnswerPage`` from the request's question and the answer: what the
restricted-information scanner recognises as personal data (IINs, BINs, phones, e-mails, ID
documents, IBANs, cards) is cut out, and so are the requester's own name, IIN/BIN, contacts and
organisation wherever they appear. The draft is never published from here: it goes through the
FAQ workflow, whose restricted-information check stops anything missed.
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from wagtail.coreutils import find_available_slug
from wagtail.rich_text import RichText, expand_db_html

from bs4 import BeautifulSoup, NavigableString

from press_pages.models import FAQAnswerPage, FAQIndexPage
from workflows.restricted import scan_text
from workflows.scanning import current_allow_list

from .kinds import Status
from .models import CitizenRequest, RequestEvent
from .services import event, require

REMOVED = "[…]"
PERSONAL_CATEGORIES = frozenset(
    {"iin", "bin", "phone", "email", "id_document", "iban", "payment_card"}
)
_NAME_TOKEN_MIN = 3


def _requester_patterns(citizen_request: CitizenRequest) -> list[re.Pattern]:
    """Patterns for the requester's own identifying data, as written or inflected."""
    patterns = []
    for value in (citizen_request.iin, citizen_request.bin):
        if value:
            patterns.append(re.compile(r"\s?".join(re.escape(ch) for ch in value)))
    if citizen_request.email:
        patterns.append(re.compile(re.escape(citizen_request.email), re.IGNORECASE))
    digits = re.sub(r"\D", "", citizen_request.phone or "")
    if len(digits) >= 7:
        tail = digits[-10:]
        patterns.append(re.compile(r"(?:\+?[78][\s\-()]*)?" + r"[\s\-()]*".join(tail)))
    if citizen_request.outgoing_number:
        patterns.append(re.compile(re.escape(citizen_request.outgoing_number)))
    for value in (citizen_request.organisation, citizen_request.full_name, citizen_request.outlet):
        if value:
            patterns.append(re.compile(re.escape(value.strip()), re.IGNORECASE))
    # Each part of the name with any case ending: «Тестовтың», «Асқарға».
    for token in re.findall(r"\w+", citizen_request.full_name or ""):
        if len(token) >= _NAME_TOKEN_MIN:
            patterns.append(re.compile(rf"\b{re.escape(token)}\w*", re.IGNORECASE))
    return patterns


def scrub(text: str, citizen_request: CitizenRequest, *, allow_list=None) -> str:
    """``text`` with personal data replaced by ``[…]``."""
    if not text:
        return text
    for pattern in _requester_patterns(citizen_request):
        text = pattern.sub(REMOVED, text)
    findings = [
        f
        for f in scan_text(text, allow_list=allow_list, languages=[citizen_request.language])
        if f.category in PERSONAL_CATEGORIES
    ]
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[: finding.start] + REMOVED + text[finding.end :]
    return text


def scrub_html(html: str, citizen_request: CitizenRequest, *, allow_list=None) -> str:
    """Rich text with personal data removed from its text and its mailto/tel links unwrapped."""
    soup = BeautifulSoup(expand_db_html(html or ""), "html.parser")
    for link in soup.find_all("a"):
        href = link.get("href", "")
        if href.startswith(("mailto:", "tel:")) or scrub(href, citizen_request) != href:
            link.unwrap()
    for node in list(soup.find_all(string=True)):
        if isinstance(node, NavigableString):
            cleaned = scrub(str(node), citizen_request, allow_list=allow_list)
            if cleaned != str(node):
                node.replace_with(cleaned)
    return str(soup)


def faq_indexes(language: str):
    return FAQIndexPage.objects.filter(locale__language_code=language).order_by("path")


def suggested_content(citizen_request: CitizenRequest) -> dict:
    """Scrubbed title, short answer and full answer for the officer to review."""
    allow_list = current_allow_list()
    answer_html = scrub_html(citizen_request.answer.body, citizen_request, allow_list=allow_list)
    short = Truncator(" ".join(strip_tags(answer_html).split())).chars(480)
    question = scrub(citizen_request.subject, citizen_request, allow_list=allow_list)
    return {"title": question[:255], "short_answer": short, "full_answer": answer_html}


def can_publish_faq(citizen_request: CitizenRequest, user, index=None) -> bool:
    if citizen_request.status != Status.ANSWERED or not hasattr(citizen_request, "answer"):
        return False
    if not (user.is_active and user.has_perm("citizen_requests.decide_request")):
        return False
    indexes = [index] if index is not None else list(faq_indexes(citizen_request.language))
    return any(
        i.permissions_for_user(user).can_add_subpage()
        and FAQAnswerPage in i.specific_class.creatable_subpage_models()
        for i in indexes
    )


def publish_as_faq(
    citizen_request: CitizenRequest,
    user,
    *,
    index,
    category,
    title: str,
    short_answer: str,
    full_answer: str,
    department: str = "",
):
    """Create a draft FAQ answer under ``index`` (never live) and note it on the timeline.

    The texts are scrubbed again here, whatever the officer submitted.
    """
    require(user, "publish_faq")
    if citizen_request.status != Status.ANSWERED:
        raise ValidationError(_("Only an answered request can become an FAQ answer."))
    if not can_publish_faq(citizen_request, user, index):
        raise PermissionDenied(_("You may not add FAQ answers there."))
    if category.locale_id != index.locale_id:
        raise ValidationError(_("Choose a category in the language of the FAQ page."))
    allow_list = current_allow_list()
    title = scrub(title.strip(), citizen_request, allow_list=allow_list)[:255]
    short_answer = scrub(short_answer.strip(), citizen_request, allow_list=allow_list)[:500]
    full_answer = scrub_html(full_answer, citizen_request, allow_list=allow_list)
    if not title or not short_answer:
        raise ValidationError(_("The question and the short answer cannot be empty."))
    department = department or (citizen_request.unit.name if citizen_request.unit else "")
    with transaction.atomic():
        page = FAQAnswerPage(
            title=title,
            short_answer=short_answer,
            full_answer=[("paragraph", RichText(full_answer))],
            category=category,
            department=department[:255] or _("Press service"),
            slug=find_available_slug(index, slugify(title, allow_unicode=True)[:80] or "faq"),
            live=False,
            owner=user,
        )
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        event(
            citizen_request,
            user,
            RequestEvent.Action.PUBLISHED_FAQ,
            page=page.pk,
            title=page.title,
        )
    return page

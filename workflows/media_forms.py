"""The document and image edit forms, checked for restricted information before a change is saved.

A document or image in the library is published wherever a live page uses it, so replacing its
file, or changing its title or alt text, is public at once, without a page revision to moderate.
These forms (``WAGTAILDOCS_DOCUMENT_FORM_BASE`` and ``WAGTAILIMAGES_IMAGE_FORM_BASE``) scan the
new file and texts with the publication check, and refuse the change while it holds a blocking
finding (Law on Personal Data No. 94-V, Art. 7 p.3; AIL Art. 16 p.15): the old file and texts stay
as they were. A finding a legal reviewer waived on every live page that uses the document or
image does not block. A new document whose text cannot be read may not replace one that live
pages show, as nobody would check it before readers see it.
"""

from __future__ import annotations

from django.utils.translation import gettext

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page, ReferenceIndex

from .documents import MAX_DOCUMENT_BYTES, MAX_DOCUMENT_PAGES, UnreadableDocument, extract_text
from .panels import category_label
from .records import Waiver
from .restricted import BLOCK, Finding, scan_text
from .scanning import current_allow_list, current_stop_list

FINDINGS_SHOWN = 5


def live_pages_using(obj) -> list[int]:
    """Ids of the live pages whose content refers to ``obj`` (a document or an image)."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        if str(object_id).isdigit()
    }
    return list(Page.objects.filter(pk__in=ids, live=True).values_list("pk", flat=True))


def blocking_findings(texts: dict[str, str], page_ids: list[int]) -> list[Finding]:
    """Blocking findings in ``texts`` (field → text) not waived on every one of ``page_ids``."""
    stop_list, allow_list = current_stop_list(), current_allow_list()
    findings = [
        finding
        for field, text in texts.items()
        for finding in scan_text(text, stop_list=stop_list, allow_list=allow_list, field=field)
        if finding.severity == BLOCK
    ]
    if not findings or not page_ids:
        return findings
    waived: dict[str, set[int]] = {}
    for page_id, fingerprint in Waiver.objects.filter(
        page_id__in=page_ids, fingerprint__in={f.fingerprint for f in findings}
    ).values_list("page_id", "fingerprint"):
        waived.setdefault(fingerprint, set()).add(page_id)
    return [f for f in findings if waived.get(f.fingerprint, set()) != set(page_ids)]


def refusal(findings: list[Finding]) -> str:
    """The editor's explanation: what was found (masked), where, and what to do."""
    shown = "; ".join(
        f"{category_label(f.category)}: {f.excerpt}" for f in findings[:FINDINGS_SHOWN]
    )
    return gettext(
        "This change was not saved: it contains restricted information that would be public at "
        "once (%(findings)s). Remove it, or ask a legal reviewer to waive the finding on the "
        "pages that use this file."
    ) % {"findings": shown}


def _uploaded_bytes(upload) -> bytes:
    upload.seek(0)
    data = upload.read(MAX_DOCUMENT_BYTES + 1)
    upload.seek(0)
    return data


class GuardedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a new file or title with restricted information."""

    def clean(self):
        cleaned_data = super().clean()
        changed = {"file", "title"}.intersection(self.changed_data)
        if not self.instance.pk or not changed or self.errors:
            return cleaned_data
        page_ids = live_pages_using(self.instance)
        texts = {"title": cleaned_data.get("title") or ""}
        upload = cleaned_data.get("file")
        if "file" in changed and upload:
            texts["file"] = upload.name
            data = _uploaded_bytes(upload)
            try:
                if len(data) > MAX_DOCUMENT_BYTES:
                    raise UnreadableDocument("too large")
                texts["content"] = extract_text(data, max_pages=MAX_DOCUMENT_PAGES)
            except UnreadableDocument:
                if page_ids:
                    self.add_error(
                        "file",
                        gettext(
                            "Live pages show this document, and the new file cannot be checked "
                            "for restricted information (only PDF, DOCX and UTF-8 text can). "
                            "Upload it as a new document and submit the pages for moderation."
                        ),
                    )
                    return cleaned_data
        findings = blocking_findings(texts, page_ids)
        if findings:
            field = "file" if any(f.field != "title" for f in findings) else "title"
            self.add_error(field, refusal(findings))
        return cleaned_data


class GuardedImageForm(BaseImageForm):
    """Wagtail's image form, refusing a new file name, title or alt text with restricted information."""

    def clean(self):
        cleaned_data = super().clean()
        changed = {"file", "title", "description"}.intersection(self.changed_data)
        if not self.instance.pk or not changed or self.errors:
            return cleaned_data
        texts = {
            name: cleaned_data.get(name) or ""
            for name in ("title", "description")
            if name in self.fields
        }
        upload = cleaned_data.get("file")
        if "file" in changed and upload:
            texts["file"] = upload.name
        findings = blocking_findings(texts, live_pages_using(self.instance))
        if findings:
            field = findings[0].field if findings[0].field in self.fields else None
            self.add_error(field, refusal(findings))
        return cleaned_data

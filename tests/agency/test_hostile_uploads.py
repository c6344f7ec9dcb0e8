"""Hostile attachments are refused with the reason, in bounded time, on every public form that
takes files; files made to cost the most work the check allows are accepted."""

import io
import os
import time
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test import Client, override_settings
from django.utils import translation
from django.utils.html import escape

import pytest
from PIL import Image

from accreditation.models import Application
from agency import uploads
from citizen_requests.models import CitizenRequest
from tests.accreditation.factories import IntakeFactory, accreditation_page
from tests.accreditation.helpers import photo, post_data
from tests.agency import hostile_files as hostile
from tests.citizen_requests.factories import kk
from tests.citizen_requests.helpers import form_page, valid_data
from tests.files import docx_bytes, pdf_bytes

EXPECTED = {
    "elf-as-pdf": "program",
    "pe-as-docx": "program",
    "script-as-jpg": "program",
    "png-pixel-bomb": "too_complex",
    "jpeg-pixel-bomb": "too_complex",
    "png-text-bomb": "bad_file",
    "jpeg-many-segments": "bad_file",
    "jpeg-with-zip": "polyglot",
    "png-with-trailer": "polyglot",
    "pdf-with-zip": "polyglot",
    "pdf-with-html": "polyglot",
    "pdf-many-pages": "too_complex",
    "pdf-page-loop": "bad_file",
    "docx-billion-laughs": "bad_file",
    "docx-external-entity": "bad_file",
    "docx-deep": "too_complex",
    "docx-macro": "macros",
    "docx-no-document": "bad_file",
    "docx-with-executable": "bad_file",
    "docx-nested-zip": "too_complex",
    "docx-many-entries": "too_complex",
    "docx-ratio-bomb": "too_complex",
    "docx-2.7M-paragraphs": "too_complex",
}
MESSAGES = {
    "program": "“%(name)s” is a program or a script, not a document. It cannot be accepted.",
    "polyglot": (
        "“%(name)s” has another file hidden in it (for example an archive or a web page). "
        "Send the document on its own."
    ),
    "macros": "“%(name)s” contains macros. Save it as an ordinary DOCX document and try again.",
}
DOCX_TOO_COMPLEX = (
    "“%(name)s” unpacks to too much data to be checked. Save it again as an ordinary document, "
    "or send it as a PDF."
)


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def refusal(name: str, data: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        uploads.check_file(upload(name, data))
    return caught.value


class TestTheCorpus:
    def test_every_hostile_file_has_an_expected_refusal(self):
        assert set(hostile.labels()) == set(EXPECTED)

    @pytest.mark.parametrize("label", hostile.labels())
    def test_each_hostile_file_is_refused_with_its_reason(self, label):
        name, data = hostile.by_label(label)
        error = refusal(name, data)
        assert error.code == EXPECTED[label]
        message = " ".join(error.messages)
        assert name in message
        if error.code in MESSAGES:
            assert message == kk(MESSAGES[error.code], name=name)

    @pytest.mark.parametrize("label", hostile.labels(hostile=False))
    def test_files_at_the_limits_are_accepted(self, label):
        name, data = hostile.by_label(label)
        assert uploads.check_file(upload(name, data)).size == len(data)

    def test_the_two_million_paragraph_document_is_refused_from_its_directory(self):
        started = time.perf_counter()
        error = refusal("letter.docx", hostile.many_paragraphs_docx())
        assert time.perf_counter() - started < 1
        assert " ".join(error.messages) == kk(DOCX_TOO_COMPLEX, name="letter.docx")

    def test_five_bombs_in_one_form_are_each_named_and_cost_little(self):
        data = hostile.many_paragraphs_docx()
        files = [upload(f"{n}.docx", data) for n in range(5)]
        started = time.perf_counter()
        with pytest.raises(ValidationError) as caught:
            uploads.check_files(files)
        assert time.perf_counter() - started < 2
        assert len(caught.value.error_list) == 5


class TestDocuments:
    def test_a_dtd_in_any_part_is_refused(self):
        styles = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "b">]><w:styles/>'
        error = refusal("a.docx", hostile.rebuild_docx({"word/styles.xml": styles}))
        assert error.code == "bad_file"

    def test_a_chart_workbook_among_the_embedded_objects_is_accepted(self):
        workbook = io.BytesIO()
        with zipfile.ZipFile(workbook, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
        document = hostile.rebuild_docx(
            add={"word/embeddings/Microsoft_Excel_Worksheet.xlsx": workbook.getvalue()}
        )
        assert uploads.check_file(upload("chart.docx", document)).extension == ".docx"

    def test_an_archive_inside_an_embedded_object_is_refused(self):
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w") as archive:
            archive.writestr("deeper.zip", b"PK\x03\x04")
        document = hostile.rebuild_docx(add={"word/embeddings/object.xlsx": inner.getvalue()})
        assert refusal("a.docx", document).code == "too_complex"

    def test_a_docx_that_is_also_a_pdf_is_refused(self):
        document = zipfile.ZipFile(io.BytesIO(docx_bytes()))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("%PDF-1.7 1 0 obj", b"")  # the first bytes a PDF reader looks at
            for info in document.infolist():
                archive.writestr(info, document.read(info))
        data = buffer.getvalue()
        assert refusal("a.docx", data).code == "polyglot"

    def test_an_ordinary_document_passes(self):
        assert uploads.check_file(upload("a.docx", docx_bytes("Сәлем"))).size > 0


@pytest.mark.django_db
class TestTheRequestForm:
    def test_a_bomb_is_refused_on_the_page_and_what_was_typed_is_kept(self):
        page = form_page()
        data = valid_data(iin="900115300122", subject="Жол жөндеу")
        data["attachments"] = [
            upload(f"{n}.docx", hostile.many_paragraphs_docx()) for n in range(5)
        ]
        response = Client().post(page.url, data)
        assert response.status_code == 400
        html = response.content.decode()
        assert escape(kk(DOCX_TOO_COMPLEX, name="4.docx")) in html
        assert 'value="Жол жөндеу"' in html
        assert CitizenRequest.objects.count() == 0

    @pytest.mark.parametrize("label", ["elf-as-pdf", "jpeg-with-zip", "pdf-with-html"])
    def test_programs_and_polyglots_are_refused_on_the_page(self, label):
        name, data = hostile.by_label(label)
        form = valid_data(iin="900115300122")
        form["attachments"] = upload(name, data)
        response = Client().post(form_page().url, form)
        assert response.status_code == 400
        assert escape(kk(MESSAGES[EXPECTED[label]], name=name)) in response.content.decode()

    @override_settings(UPLOAD_REQUEST_TOTAL_MB=1)
    def test_the_files_of_one_submission_have_a_total_limit(self):
        page = form_page()
        padded = pdf_bytes() + b"%" + b"0" * 600_000
        data = valid_data(iin="900115300122", subject="Екі файл")
        data["attachments"] = [upload("a.pdf", padded), upload("b.pdf", padded)]
        response = Client().post(page.url, data)
        assert response.status_code == 400
        html = response.content.decode()
        with translation.override("kk"):
            limit = filesizeformat(1024 * 1024)
        message = kk(
            "The files you attached are together larger than %(limit)s. Attach fewer or "
            "smaller files and choose them again.",
            limit=limit,
        )
        assert escape(message) in html
        assert 'value="Екі файл"' in html
        assert CitizenRequest.objects.count() == 0

    @override_settings(UPLOAD_REQUEST_TOTAL_MB=1)
    def test_files_within_the_total_are_accepted(self):
        data = valid_data(iin="900115300122")
        data["attachments"] = [upload("a.pdf", pdf_bytes()), upload("b.pdf", pdf_bytes())]
        assert Client().post(form_page().url, data).status_code == 200
        assert CitizenRequest.objects.get().attachments.count() == 2


@pytest.mark.django_db
class TestAccreditationPhotos:
    @pytest.fixture
    def page(self):
        IntakeFactory()
        return accreditation_page()

    def post(self, page, picture):
        client = Client()
        return client.post(
            page.url, post_data(client, page.url, **{"journalists-0-photo": picture})
        )

    def test_a_pixel_bomb_is_refused(self, page):
        response = self.post(page, photo(hostile.png_header(100_000, 100_000), "p.png"))
        assert response.status_code == 400
        message = kk("The picture “%(name)s” is too large in pixels.", name="p.png")
        assert escape(message) in response.content.decode()

    def test_a_document_bomb_sent_as_a_photo_is_refused_as_not_a_picture(self, page):
        started = time.perf_counter()
        response = self.post(page, photo(hostile.many_paragraphs_docx(), "photo.jpg"))
        assert time.perf_counter() - started < 2
        assert response.status_code == 400
        message = kk("The photo must be a JPEG or PNG picture of at most 5 MB.")
        assert escape(message) in response.content.decode()

    def test_a_photo_with_an_archive_appended_is_refused(self, page):
        response = self.post(page, photo(hostile.jpeg_with_zip()))
        assert response.status_code == 400
        assert escape(kk(MESSAGES["polyglot"], name="photo.jpg")) in response.content.decode()
        assert Application.objects.count() == 0

    @override_settings(UPLOAD_REQUEST_TOTAL_MB=1)
    def test_the_photos_of_one_application_have_a_total_limit(self, page):
        big = photo(_big_jpeg())
        response = self.post(page, big)
        assert response.status_code == 400
        assert Application.objects.count() == 0
        with translation.override("kk"):
            limit = filesizeformat(1024 * 1024)
        assert escape(limit) in response.content.decode()


def _big_jpeg() -> bytes:
    """A real JPEG of about 1.5 MB (noise compresses badly)."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (1200, 1200), os.urandom(1200 * 1200 * 3)).save(
        buffer, "JPEG", quality=95
    )
    return buffer.getvalue()

"""Attachments are checked by their content: real PDF, JPEG, PNG and DOCX pass; the rest do not."""

import datetime
import io
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

import pytest

from agency import uploads
from agency.private_files import private_storage
from agency.uploads import office
from citizen_requests import uploads as held
from citizen_requests.jobs import anonymisation
from citizen_requests.models import CitizenRequest, RequestAttachment
from tests.citizen_requests.factories import VALID_IIN, kk
from tests.citizen_requests.helpers import form_page, valid_data
from tests.files import docx_bytes, image_bytes, pdf_bytes


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


class TestGoodFiles:
    @pytest.mark.parametrize(
        ("name", "data", "content_type", "extension"),
        [
            ("хат.pdf", pdf_bytes(2), "application/pdf", ".pdf"),
            ("photo.jpg", image_bytes("JPEG"), "image/jpeg", ".jpg"),
            ("scan.png", image_bytes("PNG"), "image/png", ".png"),
            ("letter.docx", docx_bytes(), uploads.DOCX_CONTENT_TYPE, ".docx"),
        ],
    )
    def test_each_accepted_type_passes_and_is_named_by_its_content(
        self, name, data, content_type, extension
    ):
        checked = uploads.check_file(upload(name, data))
        assert checked.content_type == content_type
        assert checked.extension == extension
        assert checked.original_name == name
        assert checked.size == len(data)
        assert checked.storage_name.endswith(extension)
        assert name.rsplit(".", 1)[0] not in checked.storage_name

    def test_a_misnamed_but_real_file_is_accepted_under_its_real_type(self):
        checked = uploads.check_file(upload("document.pdf", image_bytes("PNG")))
        assert checked.content_type == "image/png"
        assert checked.storage_name.endswith(".png")

    def test_the_name_loses_its_path_and_control_characters(self):
        checked = uploads.check_file(upload("..\\..\\etc/pass\x00wd.pdf", pdf_bytes()))
        assert checked.original_name == "passwd.pdf"


class TestBadFiles:
    def test_an_executable_renamed_to_pdf_is_refused(self):
        with pytest.raises(ValidationError) as caught:
            uploads.check_file(upload("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 500))
        assert caught.value.code == "program"
        assert "invoice.pdf" in messages(caught.value)

    def test_text_renamed_to_jpeg_is_refused(self):
        with pytest.raises(ValidationError):
            uploads.check_file(upload("photo.jpg", b"just some text"))

    def test_a_pdf_header_on_garbage_is_refused(self):
        with pytest.raises(ValidationError) as caught:
            uploads.check_file(upload("fake.pdf", b"%PDF-1.7\n" + b"garbage" * 100))
        assert "PDF" in messages(caught.value)

    def test_a_password_protected_pdf_is_refused_with_a_reason(self):
        with pytest.raises(ValidationError) as caught:
            uploads.check_file(upload("secret.pdf", pdf_bytes(password="x")))
        assert messages(caught.value) == kk(
            "“%(name)s” is a password-protected PDF. Send it without a password.", name="secret.pdf"
        )

    def test_a_truncated_png_is_refused(self):
        data = image_bytes("PNG", size=(200, 200))
        with pytest.raises(ValidationError):
            uploads.check_file(upload("cut.png", data[: len(data) // 2]))

    def test_a_picture_declaring_too_many_pixels_is_refused(self, monkeypatch):
        monkeypatch.setattr(uploads, "MAX_IMAGE_PIXELS", 100)
        with pytest.raises(ValidationError) as caught:
            uploads.check_file(upload("big.png", image_bytes("PNG", size=(20, 20))))
        assert messages(caught.value) == kk(
            "The picture “%(name)s” is too large in pixels.", name="big.png"
        )

    def test_a_zip_that_is_not_a_word_document_is_refused(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("hello.txt", "hi")
        with pytest.raises(ValidationError) as caught:
            uploads.check_file(upload("letter.docx", buffer.getvalue()))
        assert "DOCX" in messages(caught.value)

    def test_a_macro_enabled_document_is_refused(self):
        source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "[Content_Types].xml":
                    data = data.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
                archive.writestr(info, data)
            archive.writestr("word/vbaProject.bin", b"\x00" * 10)
        with pytest.raises(ValidationError) as caught:
            uploads.check_file(upload("letter.docx", buffer.getvalue()))
        assert messages(caught.value) == kk(
            "“%(name)s” contains macros. Save it as an ordinary DOCX document and try again.",
            name="letter.docx",
        )

    def test_a_zip_bomb_is_refused(self, monkeypatch):
        monkeypatch.setattr(office, "MAX_UNPACKED", 1000)
        with pytest.raises(ValidationError):
            uploads.check_file(upload("letter.docx", docx_bytes("x" * 5000)))

    def test_an_empty_file_is_refused(self):
        with pytest.raises(ValidationError) as caught:
            uploads.check_file(upload("empty.pdf", b""))
        assert caught.value.code == "empty"

    def test_a_file_over_ten_megabytes_is_refused(self):
        data = pdf_bytes() + b"\n%" + b"0" * uploads.MAX_FILE_SIZE
        with pytest.raises(ValidationError) as caught:
            uploads.check_file(upload("huge.pdf", data))
        assert caught.value.code == "too_large"
        assert "10" in messages(caught.value)

    def test_at_most_five_files(self):
        files = [upload(f"{n}.png", image_bytes()) for n in range(6)]
        with pytest.raises(ValidationError) as caught:
            uploads.check_files(files)
        assert "5" in messages(caught.value)

    def test_every_bad_file_is_reported_at_once(self):
        files = [upload("a.pdf", b"nope"), upload("ok.png", image_bytes()), upload("b.jpg", b"no")]
        with pytest.raises(ValidationError) as caught:
            uploads.check_files(files)
        text = messages(caught.value)
        assert "a.pdf" in text
        assert "b.jpg" in text
        assert "ok.png" not in text


# Files kept across a form error (citizen_requests.uploads) -----------------------------------
def kept_paths() -> list[str]:
    try:
        return private_storage().listdir(held.FOLDER)[1]
    except FileNotFoundError:
        return []


def send(client, page, data, *files, **extra):
    data = {**data, **extra}
    if files:
        data["attachments"] = [upload(name, content) for name, content in files]
    return client.post(page.url, data)


@pytest.mark.django_db
class TestFilesKeptAcrossAFormError:
    @pytest.fixture(autouse=True)
    def no_kept_files(self):
        """Private storage outlives a test: start and end with no kept file."""
        for name in kept_paths():
            private_storage().delete(f"{held.FOLDER}/{name}")
        yield
        for name in kept_paths():
            private_storage().delete(f"{held.FOLDER}/{name}")

    @pytest.fixture
    def page(self):
        return form_page()

    @pytest.fixture
    def letter(self):
        return ("хат.pdf", pdf_bytes())

    def test_the_error_page_names_the_file_and_the_fixed_form_registers_it(self, page, letter):
        client = Client()
        data = valid_data(iin="900115300123")
        response = send(client, page, data, letter)
        assert response.status_code == 400
        html = response.content.decode()
        kept_note = kk(
            "Your files are kept with this form: %(names)s. You do not need to attach them again.",
            names="“хат.pdf”",
        )
        assert escape(kept_note) in html
        size = filesizeformat(len(letter[1]))
        assert escape(kk("Attached: %(name)s (%(size)s)", name="хат.pdf", size=size)) in html
        assert escape(kk("Remove “%(name)s”", name="хат.pdf")) in html
        [path] = kept_paths()
        assert "хат" not in path, "kept under a name of our own"
        assert not any(Path(settings.MEDIA_ROOT).rglob(path)), "never in the public media"

        response = send(client, page, {**data, "iin": VALID_IIN})
        assert response.status_code == 200, response.content.decode()[:3000]
        citizen_request = CitizenRequest.objects.get()
        [attachment] = citizen_request.attachments.all()
        assert attachment.original_name == "хат.pdf"
        assert attachment.sha256 == RequestAttachment.digest(letter[1])
        assert kept_paths() == [], "the kept copy is deleted once registered"
        assert held.SESSION_KEY not in client.session

    def test_kept_and_new_files_go_together(self, page, letter):
        client = Client()
        data = valid_data(iin="900115300123")
        send(client, page, data, letter)
        send(client, page, {**data, "iin": VALID_IIN}, ("photo.png", image_bytes("PNG")))
        names = set(
            CitizenRequest.objects.get().attachments.values_list("original_name", flat=True)
        )
        assert names == {"хат.pdf", "photo.png"}

    def test_a_ticked_file_is_removed(self, page, letter):
        client = Client()
        data = valid_data(iin="900115300123")
        send(client, page, data, letter)
        [item] = client.session[held.SESSION_KEY][data["submission_token"]]
        response = send(client, page, {**data, "iin": VALID_IIN}, remove_attachment=item["id"])
        assert response.status_code == 200
        assert not CitizenRequest.objects.get().attachments.exists()
        assert kept_paths() == []

    def test_the_files_belong_to_the_session_that_sent_them(self, page, letter):
        data = valid_data(iin="900115300123")
        send(Client(), page, data, letter)
        response = send(Client(), page, {**data, "iin": VALID_IIN})
        assert response.status_code == 200
        assert not CitizenRequest.objects.get().attachments.exists()

    def test_kept_files_count_towards_the_limit(self, page, letter):
        client = Client()
        data = valid_data(iin="900115300123")
        send(client, page, data, *[letter] * uploads.MAX_FILES)
        response = send(client, page, {**data, "iin": VALID_IIN}, letter)
        assert response.status_code == 400
        message = kk(
            "Attach at most %(limit)s files, counting those already attached.",
            limit=uploads.MAX_FILES,
        )
        assert escape(message) in response.content.decode()
        assert CitizenRequest.objects.count() == 0
        assert len(kept_paths()) == uploads.MAX_FILES

    def test_a_kept_file_changed_in_storage_is_checked_again_and_refused(self, page, letter):
        client = Client()
        data = valid_data(iin="900115300123")
        send(client, page, data, letter)
        [path] = kept_paths()
        with private_storage().open(f"{held.FOLDER}/{path}", "wb") as stored:
            stored.write(b"MZ\x90\x00" + b"\x00" * 500)
        response = send(client, page, {**data, "iin": VALID_IIN})
        assert response.status_code == 400
        message = kk("“%(name)s” could not be kept. Please attach it again.", name="хат.pdf")
        assert escape(message) in response.content.decode()
        assert CitizenRequest.objects.count() == 0
        assert kept_paths() == []

    def test_files_left_behind_are_deleted_after_a_day(self, page, letter):
        send(Client(), page, valid_data(iin="900115300123"), letter)
        assert held.discard_stale() == 0
        later = timezone.now() + datetime.timedelta(hours=held.HOLD_HOURS, minutes=1)
        assert held.discard_stale(later) == 1
        assert kept_paths() == []

    def test_the_daily_anonymisation_deletes_files_left_behind(self, page, letter):
        send(Client(), page, valid_data(iin="900115300123"), letter)
        later = timezone.now() + datetime.timedelta(hours=held.HOLD_HOURS, minutes=1)
        anonymisation.anonymise_closed_cases(later)
        assert kept_paths() == []

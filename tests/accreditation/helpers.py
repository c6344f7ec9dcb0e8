"""The public application form, filled in as an outlet does for one journalist."""

from django.core.files.uploadedfile import SimpleUploadedFile

from agency.uploads import CheckedFile
from tests.accreditation.factories import VALID_BIN, VALID_IIN, jpeg_bytes
from tests.agency.identifiers import make_iin

#: The editor-in-chief's IIN in the application.
SIGNER_IIN = make_iin("75050540033")


def photo(data=None, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data if data is not None else jpeg_bytes(), content_type)


def post_data(client, url, **overrides):
    """A complete application for one journalist, with the form's own submission token, sent
    without a signature (``step=None``: to the signing page)."""
    page = client.get(url)
    token = page.context["form"]["submission_token"].value()
    data = {
        "submission_token": str(token),
        "outlet_name": "Qazaq Times",
        "registration_number": "KZ12345VV",
        "bin": VALID_BIN,
        "editor_in_chief": "Сәуле Ахметова",
        "signer_iin": SIGNER_IIN,
        "contact_email": "editor@qazaqtimes.example.kz",
        "contact_phone": "+7 717 200 00 00",
        "consent": "on",
        "journalists-TOTAL_FORMS": "1",
        "journalists-INITIAL_FORMS": "0",
        "journalists-MIN_NUM_FORMS": "1",
        "journalists-MAX_NUM_FORMS": "20",
        "journalists-0-full_name": "Айдос Серіков",
        "journalists-0-position": "Тілші",
        "journalists-0-iin": VALID_IIN,
        "journalists-0-email": "aidos@qazaqtimes.example.kz",
        "journalists-0-phone": "87012345678",
        "journalists-0-photo": photo(),
        "step": "unsigned",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def checked_photo() -> CheckedFile:
    """A journalist's photo as the form hands it over, already checked."""
    data = jpeg_bytes()
    return CheckedFile(data, "image/jpeg", ".jpg", "p.jpg", len(data))

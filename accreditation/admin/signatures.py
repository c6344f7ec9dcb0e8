"""The ЭЦП signature an application was filed with, on the officer's application page: who
signed, with what, when and the revocation status, and downloads of the signed document and
its detached CMS (through :mod:`agency.private_files`; every download is logged as personal
data seen, as they carry the signer's IIN and name)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from agency.private_files import PrivateFile, private_file_response
from esign.services import submissions_for

from .. import services
from ..models import Application
from . import can

#: Who may download them: those who may see the journalists' personal data.
PERMISSIONS = ("accreditation.view_application", "accreditation.view_applicationjournalist")

#: The parts of a signed submission that can be downloaded: (file name suffix, content type).
SIGNED_PARTS = {
    "document": ("signed.json", "application/json"),
    "cms": ("p7s", "application/pkcs7-signature"),
}


def signed_file(request, pk: int, submission_id: int, part: str):
    """The signed document (its exact bytes) or its detached CMS, of the application's signed
    submission."""

    def find():
        application = get_object_or_404(Application, pk=pk)
        found = [item for item in submissions_for(application) if item.pk == submission_id]
        if not found or part not in SIGNED_PARTS:
            raise Http404
        suffix, content_type = SIGNED_PARTS[part]
        return PrivateFile(
            bytes(getattr(found[0], part)),
            f"{application.number}-{found[0].pk}.{suffix}",
            content_type,
            record=application,
        )

    return private_file_response(
        can(request.user, *PERMISSIONS),
        find,
        lambda file: services.log_personal_data_view(
            file.record, user=request.user, what=f"signed {part}"
        ),
    )

"""The relying party that staff passkeys (WebAuthn) are bound to: the admin's own host.

The host comes from the request, which Django has already checked against ``ALLOWED_HOSTS``;
the origins accepted are ``OTP_WEBAUTHN_ALLOWED_ORIGINS`` (the admin's base URL) and the
request's own origin, so a passkey works on each host the site is served from. The browser
itself refuses a passkey ceremony for a relying party that is not the page's own domain.
"""

from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.settings import app_settings


def relying_party_id(request) -> str:
    """The host name (without port) that the admin is being used on."""
    host = request.get_host()
    if host.startswith("["):  # an IPv6 literal
        return host[1 : host.index("]")]
    return host.rsplit(":", 1)[0] if ":" in host else host


class StaffWebAuthnHelper(WebAuthnHelper):
    def get_allowed_origins(self) -> list[str]:
        own = f"{self.request.scheme}://{self.request.get_host()}"
        return [*app_settings.OTP_WEBAUTHN_ALLOWED_ORIGINS, own]

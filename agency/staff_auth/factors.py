"""The second factors a member of staff holds, as django-otp devices.

- an authenticator app: a :class:`TOTPDevice` (RFC 6238 codes, 30 s, 6 digits);
- passkeys: django-otp-webauthn's credentials;
- recovery codes: one :class:`StaticDevice` whose tokens are each accepted once.

Recovery codes alone do not make a user enrolled: they stand in for a lost app or passkey.
"""

from base64 import b32encode
from html import escape

from django.db import transaction

import segno
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery"


def has_second_factor(user) -> bool:
    """Whether ``user`` has a confirmed authenticator app or passkey."""
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()
    )


def has_passkey(user) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def pending_totp(user) -> TOTPDevice:
    """The authenticator app being enrolled: an unconfirmed device with a fresh secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").last()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def secret_base32(device: TOTPDevice) -> str:
    """The device's secret as authenticator apps take it when typed in."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


def grouped(secret: str) -> str:
    """``secret`` in groups of four characters, easier to copy by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(url: str, title: str) -> str:
    """An inline SVG QR code of ``url``, with ``title`` as its accessible name."""
    svg = segno.make(url, error="m").svg_inline(scale=5, border=2, title=title)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)


def normalise(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").lower()


@transaction.atomic
def confirm_totp(device: TOTPDevice, code: str) -> bool:
    """Confirm the pending ``device`` if ``code`` is its current code; other pending ones go."""
    if not device.verify_token(normalise(code)):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return True


def verify_code(user, code: str):
    """The confirmed device of ``user`` that accepts ``code`` (app code or recovery code), or
    ``None``. A recovery code is used up; each device slows down after wrong codes."""
    code = normalise(code)
    if not code or len(code) > 32:
        return None
    devices = [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]
    for device in devices:
        if device.verify_token(code):
            return device
    return None


@transaction.atomic
def issue_recovery_codes(user) -> list[str]:
    """A new set of recovery codes for ``user``; the earlier ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes(user) -> list[str]:
    """The unused recovery codes of ``user`` (for the demo, whose codes are published)."""
    return list(
        StaticToken.objects.filter(device__user=user, device__confirmed=True)
        .order_by("pk")
        .values_list("token", flat=True)
    )


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def is_recovery_device(device) -> bool:
    return isinstance(device, StaticDevice)


def passkeys(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at")


def summary(user) -> dict:
    """What ``user`` holds, for the administrators' screen and the user's own page."""
    return {
        "authenticator": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "passkeys": passkeys(user).count(),
        "recovery_codes": recovery_codes_left(user),
    }


@transaction.atomic
def remove_all(user) -> int:
    """Remove every factor of ``user``: the next sign-in leads through enrolment again."""
    removed = 0
    for model in (TOTPDevice, StaticDevice, WebAuthnCredential):
        count, _details = model.objects.filter(user=user).delete()
        removed += count
    return removed

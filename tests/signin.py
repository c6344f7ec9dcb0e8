"""Signing in to the admin in tests: the password step and a second factor already passed.

A plain ``force_login`` is the password step only: the admin then sends the user to enrol or
verify a second factor. :func:`staff_login` also gives the user a confirmed authenticator app and
marks the session as having passed it, as ``django_otp.login`` does.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_device(user) -> TOTPDevice:
    """The user's confirmed authenticator app, made on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return device


def current_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the app shows now (or ``steps_ahead`` periods later, within the tolerance)."""
    code = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift + steps_ahead,
    )
    return f"{code:0{device.digits}d}"


def fresh_code(device: TOTPDevice) -> str:
    """A code the device accepts now: each code is accepted once, so a test that signs in twice
    within one period forgets the last one used (as if the next period had come)."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    device.refresh_from_db()
    return current_code(device)


def staff_login(client, user) -> bool:
    """Sign ``user`` in with ``client`` past both steps."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
    session.save()
    return True

"""The address that django-axes counts failed sign-ins by."""

import ipaddress

from ..ratelimit import client_ip


def client_address(request) -> str | None:
    """The client's address as the rate limits see it (``PROXY_COUNT``), or ``None`` when the
    request carries none that is valid (a sign-in made by code, without a connection)."""
    address = client_ip(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None

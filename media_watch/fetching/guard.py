"""The address guard: the media watch never fetches from the office's own network.

A feed address comes from an officer, and a feed or a redirect can point anywhere, so every
connection is checked where it is made: the host is resolved, every address it resolves to must
be a public one, and the socket connects to one of those very addresses (a name that resolves
differently a moment later cannot slip through). Redirects open new connections, so they are
checked the same way. ``MONITOR_ALLOW_PRIVATE_HOSTS`` turns the check off (tests, a private
mirror).
"""

import ipaddress
import socket

from django.conf import settings
from django.utils.translation import gettext as _

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError


class RefusedAddress(Exception):
    """The host resolves to an address the media watch may not fetch from."""


def is_public(address: str) -> bool:
    """Whether ``address`` (IPv4 or IPv6) is a global unicast address.

    Refused: private, loopback, link-local, shared (CGNAT), multicast, reserved and unspecified
    addresses, and IPv6 forms that embed one (IPv4-mapped, 6to4, Teredo).
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or (ip.sixtofour if ip.sixtofour else None)
        if ip.teredo:
            embedded = ip.teredo[1]
        if embedded is not None and not is_public(str(embedded)):
            return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def private_hosts_allowed() -> bool:
    return bool(getattr(settings, "MONITOR_ALLOW_PRIVATE_HOSTS", False))


def resolve(host: str, port: int) -> list[tuple]:
    """The ``getaddrinfo`` entries of ``host``, every one checked unless private hosts are
    allowed. Raises :class:`RefusedAddress` when any is not public."""
    entries = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    if not private_hosts_allowed():
        for *_rest, sockaddr in entries:
            if not is_public(sockaddr[0]):
                raise RefusedAddress(
                    _("%(host)s is a private or local address; it is not fetched.") % {"host": host}
                )
    return entries


def connect(host: str, port: int, timeout, source_address=None, socket_options=None):
    """A socket connected to one of ``host``'s checked addresses."""
    error = None
    for family, kind, proto, _name, sockaddr in resolve(host, port):
        sock = socket.socket(family, kind, proto)
        try:
            for option in socket_options or ():
                sock.setsockopt(*option)
            if timeout is not None and timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as failure:
            error = failure
            sock.close()
    raise error or OSError(f"cannot connect to {host}")


class GuardedConnectionMixin:
    def _new_conn(self):
        try:
            return connect(
                self._dns_host.strip("[]"),
                self.port,
                self.timeout,
                self.source_address,
                self.socket_options,
            )
        except RefusedAddress:
            raise
        except TimeoutError as error:
            raise ConnectTimeoutError(self, f"Connection to {self.host} timed out.") from error
        except socket.gaierror as error:
            raise NameResolutionError(self.host, self, error) from error
        except OSError as error:
            message = f"Failed to establish a new connection: {error}"
            raise NewConnectionError(self, message) from error


class GuardedHTTPConnection(GuardedConnectionMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(GuardedConnectionMixin, HTTPSConnection):
    pass


class GuardedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


POOL_CLASSES = {"http": GuardedHTTPConnectionPool, "https": GuardedHTTPSConnectionPool}

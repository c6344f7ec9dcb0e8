"""Canonical addresses: one item, one address, however the feed decorated its link."""

from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

#: Query parameters that only say where a click came from.
TRACKING_PARAMETERS = {
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "yclid",
    "ysclid",
    "msclkid",
    "twclid",
    "ttclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_openstat",
    "_ga",
    "_gl",
    "spm",
}
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_LENGTH = 2000
PATH_SAFE = "/:@!$&'()*+,;=-._~"


class NotWebAddress(ValueError):
    """Not an absolute http(s) address."""


def _host(hostname: str) -> str:
    host = hostname.strip(".").lower()
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str, base: str | None = None) -> str:
    """``url`` (resolved against ``base``) without its fragment, tracking parameters and
    default port, its scheme and host in lower case (a host in another script in its ASCII
    form), its path percent-encoded one way and its remaining parameters sorted.

    Raises :class:`NotWebAddress` for anything but an absolute http(s) address of at most
    2,000 characters.
    """
    url = (url or "").strip()
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise NotWebAddress(url)
    try:
        port = parts.port
    except ValueError:
        raise NotWebAddress(url) from None
    host = _host(parts.hostname)
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking(name)
    )
    path = quote(unquote(parts.path), safe=PATH_SAFE) or "/"
    result = urlunsplit((scheme, netloc, path, urlencode(query), ""))
    if len(result) > MAX_LENGTH:
        raise NotWebAddress(url)
    return result


def same_site(first: str, second: str) -> bool:
    """Whether two addresses are on one host (``www.`` aside)."""

    def host(url: str) -> str:
        name = (urlsplit(url).hostname or "").lower()
        return name.removeprefix("www.")

    return host(first) == host(second)

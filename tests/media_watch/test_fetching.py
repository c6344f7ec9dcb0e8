"""Fetching over real HTTP from the local feed server: conditional requests, retries, the time
and size limits, politeness per host and port, and the address guard."""

import socket
import time

import pytest

from media_watch.fetching import http, throttle
from media_watch.fetching.guard import RefusedAddress, connect, is_public

PUBLIC = ["8.8.8.8", "1.1.1.1", "2a00:1450:4001:80b::200e", "93.184.216.34"]
REFUSED = [
    "127.0.0.1",
    "127.8.9.10",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",  # noqa: S104 (an address to refuse, not to bind)
    "224.0.0.1",
    "240.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "2002:7f00:0001::1",
]


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address):
    assert is_public(address)


@pytest.mark.parametrize("address", REFUSED)
def test_private_local_and_reserved_addresses_are_refused(address):
    assert not is_public(address)


def test_a_304_answers_a_request_with_the_etag(feed_server):
    url = feed_server.add(
        "/feed.xml", "<rss/>", etag='"v1"', last_modified="Mon, 04 May 2026 10:00:00 GMT"
    )
    first = http.fetch(url)
    assert first.status == 200 and first.etag == '"v1"'
    again = http.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    headers = feed_server.last_headers["/feed.xml"]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Mon, 04 May 2026 10:00:00 GMT"


def test_if_modified_since_alone_gets_a_304(feed_server):
    stamp = "Tue, 05 May 2026 08:00:00 GMT"
    url = feed_server.add("/dated.xml", "<rss/>", last_modified=stamp)
    assert http.fetch(url, last_modified=stamp).not_modified


def test_a_server_error_is_tried_again_with_backoff_then_reported(feed_server, settings):
    settings.MONITOR_FETCH_RETRIES = 2
    url = feed_server.add("/broken.xml", "", status=503)
    with pytest.raises(http.FetchError) as failure:
        http.fetch(url)
    assert failure.value.status == 503 and failure.value.transient
    assert feed_server.hits["/broken.xml"] == 3


def test_a_missing_feed_is_not_tried_again(feed_server, settings):
    settings.MONITOR_FETCH_RETRIES = 2
    with pytest.raises(http.FetchError) as failure:
        http.fetch(feed_server.url("/nowhere.xml"))
    assert failure.value.status == 404 and not failure.value.transient
    assert feed_server.hits["/nowhere.xml"] == 1


def test_a_slow_server_times_out(feed_server, settings):
    settings.MONITOR_FETCH_TIMEOUT = 0.2
    settings.MONITOR_FETCH_RETRIES = 0
    url = feed_server.add("/slow.xml", "<rss/>", delay=0.6)
    started = time.monotonic()
    with pytest.raises(http.FetchError, match="0.2"):
        http.fetch(url)
    assert time.monotonic() - started < 0.55


def test_a_body_sent_a_byte_at_a_time_is_cut_off_at_the_time_limit(feed_server, settings):
    settings.MONITOR_FETCH_TIMEOUT = 0.3
    settings.MONITOR_FETCH_RETRIES = 0
    url = feed_server.add("/trickle.xml", "<rss>" + "x" * 200 + "</rss>", trickle=0.02)
    started = time.monotonic()
    with pytest.raises(http.FetchError, match="0.3 seconds"):
        http.fetch(url)
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("declared", [True, False])
def test_an_oversize_answer_is_not_read_past_the_cap(feed_server, settings, declared):
    settings.MONITOR_MAX_RESPONSE_KB = 256
    url = feed_server.add("/huge.xml", "", stream_size=50 * 1024 * 1024, declare_length=declared)
    started = time.monotonic()
    with pytest.raises(http.FetchError, match="256 KB") as failure:
        http.fetch(url)
    assert not failure.value.transient
    assert time.monotonic() - started < 2


def test_redirects_are_followed_and_the_final_address_kept(feed_server):
    target = feed_server.add("/moved.xml", "<rss/>")
    url = feed_server.add("/old.xml", "", status=301, location=target)
    assert http.fetch(url).url == target


def test_a_redirect_loop_fails(feed_server, settings):
    settings.MONITOR_FETCH_RETRIES = 0
    url = feed_server.add("/loop.xml", "", status=302, location=feed_server.url("/loop.xml"))
    with pytest.raises(http.FetchError, match="redirects"):
        http.fetch(url)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_is_refused_unless_allowed_and_never_reached(feed_server, settings, host):
    settings.MONITOR_ALLOW_PRIVATE_HOSTS = False
    feed_server.add("/feed.xml", "<rss/>")
    port = feed_server.httpd.server_address[1]
    with pytest.raises(http.FetchError, match="private or local") as failure:
        http.fetch(f"http://{host}:{port}/feed.xml")
    assert not failure.value.transient
    assert feed_server.hits["/feed.xml"] == 0


def test_the_guard_checks_every_connection_it_opens(feed_server, settings):
    """The check is made where a connection is opened (a redirect's included), by name or by
    address, before anything is sent."""
    settings.MONITOR_ALLOW_PRIVATE_HOSTS = False
    with pytest.raises(RefusedAddress):
        connect("169.254.169.254", 80, 1)
    with pytest.raises(RefusedAddress):
        connect("localhost", feed_server.httpd.server_address[1], 1)


def test_connect_reaches_an_allowed_address(feed_server):
    sock = connect("127.0.0.1", feed_server.httpd.server_address[1], 1)
    assert sock.family == socket.AF_INET
    sock.close()


def test_requests_to_one_host_and_port_are_spaced(feed_server, settings):
    settings.MONITOR_HOST_DELAY_MS = 80
    url = feed_server.add("/a.xml", "<rss/>")
    throttle.wait_turn(url)
    assert throttle.wait_turn(url) > 0.05
    assert throttle.wait_turn("http://127.0.0.1:1/other") == 0
    assert throttle.host_key("HTTPS://Example.KZ/feed") == ("example.kz", 443)
    assert throttle.host_key("http://example.kz:8080/feed") == ("example.kz", 8080)

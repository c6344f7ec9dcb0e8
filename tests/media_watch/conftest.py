"""The media watch tests' feed server (one per module, emptied for each test), and a fresh
start for the process-wide state of the media watch: the hosts' turns and the kept matcher.
Messages are read in English."""

from django.utils import translation

import pytest

from media_watch.fetching import http, throttle
from media_watch.mentions import forget_matcher
from tests.media_watch.feed_server import FeedServer


@pytest.fixture(scope="module")
def module_feed_server():
    server = FeedServer()
    yield server
    server.stop()


@pytest.fixture
def feed_server(module_feed_server):
    module_feed_server.routes.clear()
    module_feed_server.hits.clear()
    module_feed_server.last_headers.clear()
    return module_feed_server


@pytest.fixture(autouse=True)
def _fresh_media_watch_state():
    """Messages are read in English here; the hosts' turns and the matcher start afresh."""
    translation.activate("en")
    throttle.forget()
    forget_matcher()
    yield
    throttle.forget()
    forget_matcher()
    http.forget_session()

"""The moderation tests read messages in English; their translations are tested in tests/cms.

Admin users without a preferred language get the language their browser asks for, so the
test clients ask for English. Tests of other languages set a user's preference or override
the language themselves.
"""

from django.test import Client
from django.utils import translation

import pytest


class EnglishClient(Client):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("headers", {"accept-language": "en"})
        super().__init__(*args, **kwargs)


@pytest.fixture(autouse=True)
def _english(request):
    if request.instance is not None:
        request.instance.client_class = EnglishClient
        if hasattr(request.instance, "client"):
            request.instance.client = EnglishClient()
    with translation.override("en"):
        yield


@pytest.fixture
def client():
    return EnglishClient()

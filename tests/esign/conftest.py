"""No CRL fetched by one esign test is remembered in the next (the test NCA and its pinned
anchors, ``world`` and ``pinned``, are in ``tests/conftest.py``)."""

import pytest

from esign import revocation


@pytest.fixture(autouse=True)
def _forget_fetched_crls():
    revocation.forget_fetched()
    yield
    revocation.forget_fetched()

"""The test NCA, built once per session, and its anchors pinned per test."""

import pytest

from esign import anchors, revocation

from .world import Responder, build


@pytest.fixture(scope="session")
def world():
    """The test PKI with its OCSP responder and CRL server running on the loopback address."""
    responder = Responder()
    made = build(responder.base_url)
    responder.start(made)
    yield made
    responder.stop()


@pytest.fixture(autouse=True)
def _forget_fetched_crls():
    revocation.forget_fetched()
    yield
    revocation.forget_fetched()


@pytest.fixture
def pinned(world, settings, tmp_path):
    """The test roots pinned in a fresh anchors folder, and the test OCSP and CRL addresses."""
    folder = tmp_path / "anchors"
    for index, root in enumerate(world.anchors()):
        source = tmp_path / f"root-{index}.pem"
        source.write_bytes(root.pem)
        anchors.add(source, folder)
    settings.ESIGN_ANCHORS_DIR = folder
    settings.ESIGN_OCSP_URLS = [world.ocsp_url]
    settings.ESIGN_CRL_URLS = world.crl_urls
    world.requests.clear()
    return folder

"""The test NCA for the signing step of the request forms (built once per session)."""

import pytest

from esign import anchors, revocation
from tests.esign.world import Responder, build


@pytest.fixture(scope="session")
def world():
    """The test PKI with its OCSP responder and CRL server on the loopback address."""
    responder = Responder()
    made = build(responder.base_url)
    responder.start(made)
    yield made
    responder.stop()


@pytest.fixture
def pinned(world, settings, tmp_path):
    """The test roots pinned in a fresh anchors folder, and the test OCSP and CRL addresses."""
    revocation.forget_fetched()
    folder = tmp_path / "anchors"
    for index, root in enumerate(world.anchors()):
        source = tmp_path / f"root-{index}.pem"
        source.write_bytes(root.pem)
        anchors.add(source, folder)
    settings.ESIGN_ANCHORS_DIR = folder
    settings.ESIGN_OCSP_URLS = [world.ocsp_url]
    settings.ESIGN_CRL_URLS = world.crl_urls
    yield world
    revocation.forget_fetched()

"""The fake NCALayer for the signing tests in Chromium: the real ncalayer-js-client against it.

The fake NCALayer is a TLS websocket server on ``wss://127.0.0.1:13579``, as NCALayer is, with a
self-signed certificate made here; the tests' own Chromium (``signing_browser``) trusts that
certificate alone (``--ignore-certificate-errors-spki-list``). It answers the client's version
handshake, refuses the KAZTOKEN probe as NCALayer does, and answers
``kz.gov.pki.knca.basics``/``sign`` with a detached CMS made by the test NCA over the exact bytes
it received, or with the cancel reply.

A test module makes the fixtures available by importing ``ncalayer_fixture`` and
``signing_browser_fixture`` from here (``# noqa: F401``), and asks for ``ncalayer`` and
``signing_browser``.
"""

import asyncio
import base64
import contextlib
import datetime
import hashlib
import ipaddress
import json
import ssl
import threading

from django.utils import timezone

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from websockets.asyncio.server import serve

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP

PORT = 13579


def _certificate(tmp_path):
    """A self-signed certificate for 127.0.0.1, its files and the SPKI hash Chromium pins."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "ncalayer.pem", tmp_path / "ncalayer.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    spki = cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return cert_file, key_file, base64.b64encode(hashlib.sha256(spki).digest()).decode()


class FakeNCALayer:
    """NCALayer's websocket API, as ncalayer-js-client speaks it, in a thread of its own."""

    def __init__(self, world, cert_file, key_file):
        self.world = world
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert_file, key_file)
        self.cancel = False
        #: The test NCA's certificate it signs with: a person's, or an organisation head's.
        self.certificate = "person"
        self.signed: list[bytes] = []
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def reply(self, request: dict) -> dict:
        if request.get("module") != "kz.gov.pki.knca.basics" or request.get("method") != "sign":
            return {"status": False, "code": "MODULE_NOT_FOUND", "message": "unknown module"}
        if self.cancel:
            return {"status": True, "body": {}}
        data = base64.b64decode(request["args"]["data"])
        self.signed.append(data)
        cms = self.world.sign(data, "rsa", self.certificate, at=timezone.now())
        pem = base64.encodebytes(cms).decode()
        return {
            "status": True,
            "body": {"result": f"-----BEGIN CMS-----\n{pem}-----END CMS-----\n"},
        }

    async def _handle(self, connection):
        await connection.send(json.dumps({"result": {"version": "1.4"}}))
        async for message in connection:
            await connection.send(json.dumps(self.reply(json.loads(message))))

    def _run(self):
        asyncio.set_event_loop(self.loop)

        async def main():
            async with serve(self._handle, "127.0.0.1", PORT, ssl=self.context) as server:
                self.server = server
                self.ready.set()
                await server.serve_forever()

        with contextlib.suppress(asyncio.CancelledError):
            self.loop.run_until_complete(main())

    def start(self):
        self.thread.start()
        assert self.ready.wait(10), "the fake NCALayer did not start"

    def stop(self):
        self.loop.call_soon_threadsafe(self.server.close)
        self.thread.join(10)


@pytest.fixture(name="ncalayer", scope="module")
def ncalayer_fixture(world, tmp_path_factory):
    """The fake NCALayer, for the module; a test that changes ``cancel`` or ``certificate``
    sets it back."""
    cert_file, key_file, spki = _certificate(tmp_path_factory.mktemp("ncalayer"))
    fake = FakeNCALayer(world, cert_file, key_file)
    fake.start()
    fake.spki = spki
    yield fake
    fake.stop()


@pytest.fixture(name="signing_browser")
def signing_browser_fixture(browser, ncalayer):
    """Chromium that trusts the fake NCALayer's certificate, and nothing else new."""
    args = [*CHROMIUM_ARGS, f"--ignore-certificate-errors-spki-list={ncalayer.spki}"]
    own = browser.browser_type.launch(executable_path=CHROMIUM, args=args)
    yield own
    own.close()


def signing_page(signing_browser, live_server):
    """A browser context of ``signing_browser`` on the live server, and a page in it."""
    context = signing_browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    return context, context.new_page()

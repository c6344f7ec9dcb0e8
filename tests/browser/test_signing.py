"""Signing a request with ЭЦП in Chromium: the real ncalayer-js-client against a fake NCALayer.

The fake NCALayer is a TLS websocket server on ``wss://127.0.0.1:13579``, as NCALayer is, with a
self-signed certificate made here; this module's own Chromium trusts that certificate alone
(``--ignore-certificate-errors-spki-list``). It answers the client's version handshake, refuses
the KAZTOKEN probe as NCALayer does, and answers ``kz.gov.pki.knca.basics``/``sign`` with a
detached CMS made by the test NCA over the exact bytes it received, or with the cancel reply.
"""

import asyncio
import base64
import contextlib
import datetime
import hashlib
import ipaddress
import json
import re
import ssl
import threading

from django.utils import timezone

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from playwright.sync_api import expect
from websockets.asyncio.server import serve

from citizen_requests.models import CitizenRequest
from esign import anchors, revocation
from esign.services import submissions_for
from tests.browser.axe import serious_violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP
from tests.browser.moderation_fixtures import log_in
from tests.browser.requests_admin_steps import open_case, request_officer
from tests.browser.requests_fixtures import requests_site_fixture  # noqa: F401
from tests.esign.world import IIN, Responder, build

pytestmark = pytest.mark.browser

PORT = 13579
SUBJECT = "Бюджет туралы"
TEXT = "2026 жылғы бюджеттің орындалуы туралы ақпарат беруіңізді сұраймын."


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
        cms = self.world.sign(data, "rsa", at=timezone.now())
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


@pytest.fixture(scope="module")
def world():
    responder = Responder()
    made = build(responder.base_url)
    responder.start(made)
    yield made
    responder.stop()


@pytest.fixture(scope="module")
def ncalayer(world, tmp_path_factory):
    cert_file, key_file, spki = _certificate(tmp_path_factory.mktemp("ncalayer"))
    fake = FakeNCALayer(world, cert_file, key_file)
    fake.start()
    fake.spki = spki
    yield fake
    fake.stop()


@pytest.fixture
def signing_browser(browser, ncalayer):
    """Chromium that trusts the fake NCALayer's certificate, and nothing else new."""
    args = [*CHROMIUM_ARGS, f"--ignore-certificate-errors-spki-list={ncalayer.spki}"]
    own = browser.browser_type.launch(executable_path=CHROMIUM, args=args)
    yield own
    own.close()


@pytest.fixture
def pinned(world, settings, tmp_path):
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


def _page(signing_browser, live_server):
    context = signing_browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    return context, context.new_page()


def _fill_and_send(citizen, site):
    citizen.goto(site.information.url)
    for name, value in {
        "full_name": "Айдар Тестов",
        "iin": IIN,
        "email": "aidar@example.kz",
        "subject": SUBJECT,
        "text": TEXT,
    }.items():
        citizen.locator(f"#id_{name}").fill(value)
    citizen.locator("#id_consent").check()
    citizen.get_by_role("button", name=re.compile("Send the request|Сұрауды жіберу")).click()
    expect(citizen.locator("[data-signed-rows]")).to_contain_text(SUBJECT)


def test_a_citizen_signs_with_ncalayer_and_the_officer_sees_the_verified_signature(
    requests_site, signing_browser, live_server, ncalayer, pinned
):
    ncalayer.cancel = False
    context, citizen = _page(signing_browser, live_server)
    try:
        _fill_and_send(citizen, requests_site)
        problems = serious_violations(citizen, "signing page")
        sign = citizen.locator("[data-sign-button]")
        expect(sign).to_be_visible()
        sign.click()

        expect(citizen.locator("[data-acknowledgement]")).to_be_visible(timeout=30_000)
        number = citizen.locator("[data-number]").inner_text()
        case = CitizenRequest.objects.get(number=number)
        (submission,) = submissions_for(case)
        assert ncalayer.signed == [bytes(submission.document)]
        assert submission.iin == IIN and submission.latest_check.state == "valid"

        officer = context.new_page()
        log_in(officer, request_officer())
        open_case(officer, number)
        shown = officer.locator("[data-signature]")
        expect(shown).to_contain_text("Signed with ЭЦП")
        expect(shown).to_contain_text("ТЕСТОВ АЙДАР")
        expect(shown).to_contain_text(IIN)
        expect(shown).to_contain_text("not revoked at the time of signing")
        assert problems == [], "\n".join(problems)
    finally:
        context.close()


def test_a_cancelled_signing_says_so_and_registers_nothing(
    requests_site, signing_browser, live_server, ncalayer, pinned
):
    ncalayer.cancel = True
    context, citizen = _page(signing_browser, live_server)
    try:
        _fill_and_send(citizen, requests_site)
        citizen.locator("[data-sign-button]").click()

        problem = citizen.locator("[data-sign-problem]")
        expect(problem).to_be_visible(timeout=20_000)
        expect(problem).to_contain_text(re.compile("тоқтатылды|cancelled"))
        expect(citizen.locator("[data-sign-button]")).to_be_enabled()
        assert not CitizenRequest.objects.exists()
    finally:
        ncalayer.cancel = False
        context.close()

"""The engines: pyHanko's overall judgement counts, and an engine can be replaced by setting."""

import datetime

import pytest

from esign import anchors, cms, engines
from esign.engines import EngineResult, Verifier
from esign.reasons import Reason
from esign.verification import verify

from .world import IIN

DATA = b"engine test"


class RefusingVerifier(Verifier):
    """An engine that confirms nothing: stands for an outside service that says no."""

    name = "refuses"

    def check(self, message, content, trust, signed_at):
        return EngineResult(self.name, False, [Reason("engine_rejected", "refused")])


@pytest.fixture
def trust(world):
    return anchors.Trust(
        tuple(anchors.Anchor(root.cert, root.der.hex()) for root in world.anchors())
    )


def test_pyhanko_judges_on_its_bottom_line_not_on_valid_alone(world, trust):
    message = cms.load(world.sign(DATA, "rsa"))
    moment = world.now - datetime.timedelta(minutes=1)
    engine = engines.PyHankoVerifier()

    good = engine.check(message, DATA, trust, moment)
    tampered = engine.check(message, DATA + b"!", trust, moment)
    foreign = engine.check(
        message,
        DATA,
        anchors.Trust((anchors.Anchor(world.hierarchies["rsa"].foreign_root.cert, "f"),)),
        moment,
    )

    assert good.confirmed and good.reasons == []
    assert not tampered.confirmed and [r.code for r in tampered.reasons] == ["digest_mismatch"]
    assert not foreign.confirmed and "untrusted" in [r.code for r in foreign.reasons]


def test_pyhanko_never_falls_back_to_the_system_store(world):
    message = cms.load(world.sign(DATA, "rsa"))

    result = engines.PyHankoVerifier().check(message, DATA, anchors.Trust(()), world.now)

    assert not result.confirmed and [r.code for r in result.reasons] == ["no_anchors"]


def test_each_algorithm_has_its_engine_and_the_setting_replaces_it(world, pinned, settings):
    assert isinstance(engines.verifier_for("1.2.840.113549.1.1.11"), engines.PyHankoVerifier)
    assert isinstance(engines.verifier_for("1.2.398.3.10.1.1.2.3.2"), engines.GostVerifier)
    assert engines.verifier_for("1.2.398.3.10.1.1.1.2") is None  # GOST 34.310-2004: retired
    settings.ESIGN_VERIFIERS = {
        "1.2.840.113549.1.1.11": "tests.esign.test_engines.RefusingVerifier"
    }

    verdict = verify(DATA, world.sign(DATA, "rsa"), iin=IIN)

    assert (verdict.valid, verdict.engine) == (False, "refuses")
    assert [(r.code, r.detail) for r in verdict.reasons] == [("engine_rejected", "refused")]


@pytest.mark.parametrize(
    "signature",
    [b"", b"\x30\x80", b"\x30" * 600_000, b"-----BEGIN CMS-----\n" + b"A" * 40, "Қ".encode()],
)
def test_hostile_signatures_get_a_reason_not_an_error(world, pinned, signature):
    verdict = verify(DATA, signature, iin=IIN)

    expected = ["signature_missing"] if not signature else ["malformed"]
    assert not verdict.valid and [r.code for r in verdict.reasons] == expected

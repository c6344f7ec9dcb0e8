"""``manage.py verify_signature`` gives every case its verdict; ``esign_anchors`` pins anchors."""

import datetime
import json
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from .world import BIN, HEAD_IIN, IIN

DATA = "Өтініш / Заявление / Request\n".encode() * 20
DATA_DIR = Path(__file__).resolve().parent / "data"
NCA_ROOT_GOST_2022 = "AF:77:72:5F:83:28:BB:24:F8:9D:81:DA:3A:CD:F7:CE:E4:32:42:48:53:8B:7B:A2:CD:2A:86:05:17:FB:9D:CA"

#: case → (certificate, signed data, extra options, expected reason codes)
CASES = {
    "good": ("person", DATA, ["--iin", IIN], []),
    "organisation": ("head", DATA, ["--iin", HEAD_IIN, "--bin", BIN], []),
    "no_iin_given": ("person", DATA, [], []),
    "tampered": ("person", DATA + b" ", ["--iin", IIN], ["digest_mismatch"]),
    "wrong_iin": ("person", DATA, ["--iin", HEAD_IIN], ["iin_mismatch"]),
    "wrong_bin": ("head", DATA, ["--iin", HEAD_IIN, "--bin", "123456789012"], ["bin_mismatch"]),
    "role": ("hr", DATA, ["--iin", HEAD_IIN, "--bin", BIN], ["role_not_allowed"]),
    "authentication_key": ("auth", DATA, ["--iin", IIN], ["not_signing_key"]),
    "foreign_root": ("foreign", DATA, ["--iin", IIN], ["untrusted"]),
    "revoked": ("revoked", DATA, ["--iin", IIN], ["revoked"]),
    "expired": ("expired", DATA, ["--iin", IIN], ["expired"]),
    "not_yet_valid": ("future", DATA, ["--iin", IIN], ["not_yet_valid"]),
    "no_timestamp": ("person", DATA, ["--iin", IIN], ["timestamp_missing"]),
}


def run(*arguments) -> tuple[int, dict]:
    """The command's exit status and its JSON output."""
    out = []

    class Out:
        def write(self, text):
            out.append(text)

        def flush(self):
            pass

    try:
        call_command("verify_signature", *arguments, stdout=Out())
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return status, json.loads("".join(out))


@pytest.fixture
def files(world, tmp_path):
    """Writes the signed data, the signature, the test roots and CRLs as an auditor has them."""

    def write(family, kind, data, stamp=True):
        (tmp_path / "data.json").write_bytes(data)
        (tmp_path / "signature.cms").write_bytes(world.sign(DATA, family, kind, stamp=stamp))
        roots = []
        for root in world.anchors():
            path = tmp_path / f"{root.cert.subject.native['common_name']}.pem"
            path.write_bytes(root.pem)
            roots += ["--trust-root", str(path)]
        crls = []
        for name in ("nca-rsa", "root-rsa", "nca-gost", "root-gost"):
            path = tmp_path / f"{name}.crl"
            path.write_bytes(world.crl(name))
            crls += ["--crl", str(path)]
        return (
            ["--data", str(tmp_path / "data.json"), "--cms", str(tmp_path / "signature.cms")],
            roots,
            crls,
        )

    return write


@pytest.mark.parametrize("family", ["rsa", "gost"])
@pytest.mark.parametrize("case", list(CASES))
def test_every_case_gets_its_verdict_with_the_roots_and_crls_given(world, files, family, case):
    kind, data, options, reasons = CASES[case]
    before = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    signed, roots, crls = files(family, kind, data, stamp=case != "no_timestamp")
    world.requests.clear()

    status, result = run(*signed, *options, *roots, *crls, "--format", "json")

    assert [reason["code"] for reason in result["reasons"]] == reasons
    assert (status, result["valid"]) == ((0, True) if not reasons else (1, False))
    assert world.requests == []  # --crl: nothing is fetched
    if not reasons:
        assert result["signer"] == {
            "iin": HEAD_IIN if kind == "head" else IIN,
            "bin": BIN if kind == "head" else "",
            "name": "БАСШЫ ӘЛИЯ" if kind == "head" else "ТЕСТОВ АЙДАР СЕРІКҰЛЫ",
        }
        assert result["algorithm"] == {"rsa": "rsa-sha256", "gost": "gost2015-512"}[family]
        # The test authority stamps a minute before the moment of signing.
        stamped = datetime.datetime.fromisoformat(result["signed_at"]) + datetime.timedelta(
            minutes=1
        )
        assert before <= stamped <= datetime.datetime.now(datetime.UTC)


@pytest.mark.parametrize("family", ["rsa", "gost"])
def test_without_trust_roots_given_the_pinned_anchors_and_the_network_sources_decide(
    world, files, pinned, family
):
    signed, _roots, _crls = files(family, "person", DATA)

    status, result = run(*signed, "--iin", IIN)

    assert (status, result["valid"], result["state"]) == (0, True, "valid")
    assert any(request.startswith("POST /ocsp") for request in world.requests)


def test_a_root_given_on_the_command_line_replaces_the_pinned_anchors(
    world, files, pinned, tmp_path
):
    signed, _roots, crls = files("rsa", "person", DATA)
    foreign = tmp_path / "foreign.pem"
    foreign.write_bytes(world.hierarchies["rsa"].foreign_root.pem)

    status, result = run(*signed, "--trust-root", str(foreign), *crls)

    assert status == 1
    assert [reason["code"] for reason in result["reasons"]] == ["timestamp_invalid"]


def test_a_crl_that_does_not_cover_the_certificate_leaves_revocation_unknown(
    world, files, tmp_path
):
    signed, roots, _crls = files("rsa", "person", DATA)
    other = tmp_path / "other.crl"
    other.write_bytes(world.crl("nca-gost"))

    status, result = run(*signed, *roots, "--crl", str(other))

    assert (status, result["valid"], result["state"]) == (1, False, "revocation_unknown")


def test_the_reasons_read_in_the_language_asked_for(world, files):
    signed, roots, crls = files("rsa", "person", DATA + b"!")

    _status, result = run(*signed, *roots, *crls, "--language", "ru")

    assert result["reasons"][0]["message"] == (
        "Подписанный документ отличается от выданного сайтом."
    )


def test_unreadable_files_are_reported_not_raised(world, files, tmp_path):
    signed, roots, _crls = files("rsa", "person", DATA)
    (tmp_path / "junk.pem").write_text("not a certificate")

    with pytest.raises(CommandError, match="--data: cannot read"):
        run("--data", str(tmp_path / "missing"), "--cms", signed[3])
    with pytest.raises(CommandError, match="--trust-root"):
        run(*signed, "--trust-root", str(tmp_path / "junk.pem"))
    (tmp_path / "signature.cms").write_bytes(b"\x00garbage")
    status, result = run(*signed, *roots)
    assert (status, [reason["code"] for reason in result["reasons"]]) == (1, ["malformed"])


def test_esign_anchors_pins_a_root_and_prints_its_fingerprint(settings, tmp_path, capsys):
    settings.ESIGN_ANCHORS_DIR = tmp_path / "anchors"

    call_command("esign_anchors", "add", str(DATA_DIR / "nca_root_gost_2022.pem"))
    call_command("esign_anchors", "add", str(DATA_DIR / "nca_root_gost_2022.pem"))
    added = capsys.readouterr().out
    (tmp_path / "anchors" / "dropped-in.pem").write_bytes(
        (DATA_DIR / "nca_gost_2022.pem").read_bytes()
    )
    call_command("esign_anchors", "list")
    listed = capsys.readouterr().out

    assert f"SHA-256 {NCA_ROOT_GOST_2022}" in added
    assert len(list((tmp_path / "anchors").glob("*.pem"))) == 2
    assert NCA_ROOT_GOST_2022 in (tmp_path / "anchors" / "fingerprints.txt").read_text()
    assert f"{NCA_ROOT_GOST_2022}  pinned" in listed
    assert "NOT PINNED (ignored)" in listed


def test_esign_anchors_refuses_what_cannot_be_an_anchor(world, settings, tmp_path, capsys):
    settings.ESIGN_ANCHORS_DIR = tmp_path / "anchors"
    leaf = tmp_path / "leaf.pem"
    leaf.write_bytes(world.leaf("rsa", "person").pem)

    with pytest.raises(CommandError, match="not a certification authority"):
        call_command("esign_anchors", "add", str(leaf))
    with pytest.raises(CommandError, match="missing.pem"):
        call_command("esign_anchors", "add", str(tmp_path / "missing.pem"))
    call_command("esign_anchors", "list")
    assert "every signature fails closed" in capsys.readouterr().out

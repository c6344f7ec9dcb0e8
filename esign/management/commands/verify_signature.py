"""Verify a detached CMS signature of a file, for scripts and audits.

    python manage.py verify_signature --data request.json --cms request.cms \\
        [--iin 880101300123] [--bin 123456789012] [--trust-root root.pem]... [--crl nca.crl]... \\
        --format json

Prints ``{"valid", "state", "reasons", "signer": {"iin", "bin", "name"}, "algorithm",
"signed_at"}`` and exits 0 when the signature is valid, 1 when it is not (invalid, or its
revocation status could not be learnt). The signed content is the ``--data`` file byte for
byte. ``--trust-root`` trusts only the roots given instead of the pinned anchors; ``--crl``
decides revocation from the CRLs given (PEM or DER) and fetches nothing. There is no nonce
here: no form issued the document.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from esign import anchors
from esign.revocation import CrlSource
from esign.verification import verify


def _read(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise CommandError(f"{what}: cannot read {path}: {error.strerror or error}") from None


class Command(BaseCommand):
    help = "Verify a detached CMS (ЭЦП) signature of a file; exit 0 when valid, 1 when not."

    def add_arguments(self, parser):
        parser.add_argument("--data", required=True, help="The signed file, byte for byte.")
        parser.add_argument("--cms", required=True, help="The signature: DER, PEM or base64.")
        parser.add_argument("--iin", help="The IIN the certificate must name.")
        parser.add_argument("--bin", help="The BIN of the organisation the certificate must name.")
        parser.add_argument(
            "--trust-root",
            action="append",
            default=[],
            help="Trust only this root (PEM or DER) instead of the pinned anchors; repeatable.",
        )
        parser.add_argument(
            "--crl",
            action="append",
            default=[],
            help="Decide revocation from this CRL (PEM or DER) and fetch nothing; repeatable.",
        )
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument(
            "--language", choices=["kk", "ru", "en"], default="en", help="Language of reasons."
        )

    def handle(self, *args, **options):
        data = _read(options["data"], "--data")
        signature = _read(options["cms"], "--cms")
        try:
            trust = anchors.from_files(options["trust_root"]) if options["trust_root"] else None
        except anchors.AnchorError as error:
            raise CommandError(f"--trust-root: {error}") from None
        crls = [_read(path, "--crl") for path in options["crl"]]
        revocation = CrlSource(crls) if crls else None
        verdict = verify(
            data,
            signature,
            iin=options["iin"],
            bin_=options["bin"],
            trust=trust,
            revocation=revocation,
        )
        with translation.override(options["language"]):
            result = verdict.as_dict()
        signer = verdict.signer
        output = {
            "valid": result["valid"],
            "state": result["state"],
            "reasons": result["reasons"],
            "signer": {
                "iin": signer.iin if signer else "",
                "bin": signer.bin if signer else "",
                "name": signer.name if signer else "",
            },
            "algorithm": result["algorithm"],
            "signed_at": result["signed_at"],
        }
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
        if not verdict.valid:
            sys.exit(1)

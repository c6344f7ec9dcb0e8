"""Time of one ЭЦП verification, RSA and GOST, as the forms run it.

Run: ``.venv/bin/python bench/esign_verify.py [--runs 10]``

Builds the test NCA of ``tests/esign`` (RSA and GOST hierarchies, a timestamp authority, an OCSP
responder and CRLs on a loopback port), pins its roots in a scratch folder, signs a 4 KB
canonical-size document with each family's personal certificate, and times
``esign.verification.verify`` on it (each run a new signature by a new certificate), the whole verdict: CMS, signing key, IIN, timestamp, path
to the pinned root, the engine (pyHanko or gostcrypto) and revocation (OCSP over HTTP, the
intermediate's status from the root's CRL). Prints per family the mean wall and CPU time over
``--runs`` verifications in two states:

* ``cold``: the site's memory of certificate and CRL signatures emptied before each run, so
  every signature on the way is checked (a new server, or a certificate never seen);
* ``warm``: that memory kept, as in a running server where the NCA's intermediate and OCSP
  responder certificates and the root's CRL were checked before: the signature, the signer's
  certificate, the timestamp and the OCSP answer are new.

Never a timed test: figures depend on the machine and on what else it runs (CPU time stays put
when other jobs share it). GOST is pure Python (gostcrypto): a few tenths of a second per
signature check.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import configure

DOCUMENT = ('{"content":{"text":"' + "Өтініш мәтіні. Текст обращения. " * 120 + '"}}').encode()


def new_signer(world, family: str, number: int) -> str:
    """A new personal certificate under the family's intermediate (a citizen not seen before)."""
    from tests.esign import pki

    hierarchy = world.hierarchies[family]
    model = hierarchy.leaves["person"]
    validity = model.cert["tbs_certificate"]["validity"]
    kind = f"bench-{number}"
    hierarchy.leaves[kind] = pki.issue(
        model.cert.subject,
        model.key,
        hierarchy.intermediate,
        usage={"digital_signature", "non_repudiation"},
        purposes=[pki.SIGNING, pki.INDIVIDUAL],
        ocsp_url=world.ocsp_url,
        not_before=validity["not_before"].native,
        not_after=validity["not_after"].native,
    )
    return kind


def measure(world, family: str, runs: int, cold: bool) -> tuple[float, float]:
    """Mean wall and CPU seconds of one verification of a new signature by a new signer."""
    from esign import algorithms
    from esign.verification import verify
    from tests.esign.world import IIN

    wall = cpu = 0.0
    for number in range(runs):
        signature = world.sign(DOCUMENT, family, new_signer(world, family, number + 1000 * cold))
        if cold:
            algorithms._answers.clear()
        started, started_cpu = time.perf_counter(), time.process_time()
        verdict = verify(DOCUMENT, signature, iin=IIN)
        wall += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        if not verdict.valid:
            raise SystemExit(f"{family}: the bench signature is not valid: {verdict.reasons}")
    return wall / runs, cpu / runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="verifications per figure")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-esign-") as scratch:
        configure(scratch, "esign")
        from django.conf import settings

        from esign import anchors
        from tests.esign.world import Responder, build

        responder = Responder()
        started = time.perf_counter()
        world = build(responder.base_url)
        responder.start(world)
        print(f"test NCA built in {time.perf_counter() - started:.1f} s")
        folder = Path(scratch) / "anchors"
        for index, root in enumerate(world.anchors()):
            source = Path(scratch) / f"root-{index}.pem"
            source.write_bytes(root.pem)
            anchors.add(source, folder)
        settings.ESIGN_ANCHORS_DIR = folder
        settings.ESIGN_OCSP_URLS = [world.ocsp_url]
        settings.ESIGN_CRL_URLS = world.crl_urls
        try:
            for family in ("rsa", "gost"):
                for cold in (True, False):
                    wall, cpu = measure(world, family, options.runs, cold)
                    state = "cold" if cold else "warm"
                    print(
                        f"{family:4} {state}: {wall * 1000:7.1f} ms per signature "
                        f"(CPU {cpu * 1000:7.1f} ms, mean of {options.runs})"
                    )
        finally:
            responder.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Pin the NCA RK certificates signatures must lead to, and list the pinned ones.

    python manage.py esign_anchors add root_gost_2022.cer
    python manage.py esign_anchors list

``add`` copies the certificate into ``ESIGN_ANCHORS_DIR`` as PEM, records its SHA-256
fingerprint there and prints it: compare it with the fingerprint pki.gov.kz publishes before
relying on it. ``list`` shows every certificate file in the folder and whether it is pinned
(a file put there by hand, or changed after it was recorded, is not).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from esign import anchors


class Command(BaseCommand):
    help = "Pin a trust anchor for ЭЦП verification (add FILE) or list the pinned ones (list)."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        add = commands.add_parser("add", help="Copy a CA certificate in and record its SHA-256.")
        add.add_argument("file", help="The certificate, PEM or DER.")
        commands.add_parser("list", help="The certificates in the anchors folder.")

    def handle(self, *args, action, **options):
        if action == "add":
            try:
                entry = anchors.add(Path(options["file"]))
            except anchors.AnchorError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(f"Pinned {entry.subject}")
            self.stdout.write(f"SHA-256 {entry.fingerprint}")
            self.stdout.write(f"File    {entry.path}")
            self.stdout.write("Compare the fingerprint with the one pki.gov.kz publishes.")
            return
        found = anchors.entries()
        if not found:
            self.stdout.write(
                f"No trust anchors in {anchors.folder()}: every signature fails closed."
            )
            return
        for entry in found:
            mark = "pinned" if entry.pinned else "NOT PINNED (ignored)"
            self.stdout.write(f"{entry.fingerprint}  {mark}")
            self.stdout.write(f"    {entry.subject}, valid until {entry.not_after}")
            self.stdout.write(f"    {entry.path.name}")

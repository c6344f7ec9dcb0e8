"""Run ``seed_demo`` as a developer does, on a small demo site."""

from io import StringIO

from django.core.management import call_command

SMALL = ["--news", "5", "--briefings", "4", "--faq", "4"]


def seed(*args) -> str:
    """Seed a small demo site (forced, whatever ``DEBUG`` is) and return what the command said."""
    out = StringIO()
    call_command("seed_demo", *SMALL, "--force", *args, stdout=out, stderr=StringIO())
    return out.getvalue()

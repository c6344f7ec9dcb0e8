from django.core.management.base import BaseCommand

from cms import vendor_catalogues


class Command(BaseCommand):
    help = (
        "Bring locale_vendor/kk up to date with the installed Wagtail, wagtail-localize, "
        "django-q2 and Django contrib apps: keep what is translated, add new strings, drop "
        "strings the packages no longer ship."
    )

    def handle(self, *args, **options):
        for domain, count in vendor_catalogues.update().items():
            self.stdout.write(f"{domain}: {count} strings to translate")

"""The demo's request forms (one per kind) and the status page, in kk with ru and en translations,
and the units that officers ask for information.

Written in Kazakh, the source language, and translated through wagtail-localize as the other
demo pages are; the texts are in ``data/<language>/pages.yaml``. The pages are not moderated (they hold no news), so the demo press secretary
publishes them directly. Safe to run again: what exists is left alone.
"""

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from agency.models import AgencyProfile
from citizen_requests.kinds import RequestKind
from citizen_requests.models import RequestFormPage, RequestStatusPage, Unit

from .content import ANONYMOUS_NOTICE, DEPARTMENTS, REQUEST_FORMS, REQUEST_STATUS
from .fields import demo_key
from .localize import translate
from .seeding import SEED_SETTINGS

TRANSLATED = ("ru", "en")

#: The form pages' texts per kind of request, in every language.
FORMS = {RequestKind(kind): texts for kind, texts in REQUEST_FORMS.items()}

#: The ministry's departments an officer may ask for information: all but the press office,
#: which answers the requests. Named in Kazakh, the agency's working language.
UNIT_DEPARTMENTS = [key for key in DEPARTMENTS if key != "press-office"]
UNIT_EMAIL_DOMAIN = "mdpc.example"

#: A made-up BIN with a valid checksum (legal-basis §5.2), for the consent text.
DEMO_OPERATOR_BIN = "150340004568"


def _form(kind: str, code: str, **extra) -> RequestFormPage:
    texts = FORMS[kind]
    return RequestFormPage(
        title=texts["title"][code],
        slug=texts["slug"][code],
        intro=texts["intro"][code],
        anonymous_notice=ANONYMOUS_NOTICE[code],
        kind=kind,
        **extra,
    )


def _status(code: str, **extra) -> RequestStatusPage:
    return RequestStatusPage(
        title=REQUEST_STATUS["title"][code],
        slug=REQUEST_STATUS["slug"][code],
        intro=REQUEST_STATUS["intro"][code],
        **extra,
    )


def seed_units() -> None:
    """The units a request officer can ask ("Ask a unit"), one per department."""
    for key in UNIT_DEPARTMENTS:
        Unit.objects.get_or_create(
            name=DEPARTMENTS[key]["kk"], defaults={"email": f"{key}@{UNIT_EMAIL_DOMAIN}"}
        )


def seed_request_pages(seeder) -> None:
    """Add the form and status pages under the demo's kk home and translate them.

    ``seeder`` is the :class:`demo.builder.DemoSeeder` that has just run.
    """
    with override_settings(**SEED_SETTINGS), transaction.atomic():
        AgencyProfile.objects.filter(bin="").update(bin=DEMO_OPERATOR_BIN)
        seed_units()
        kk = seeder.locales["kk"]
        sources = []
        for kind in FORMS:
            key = demo_key("request-form", kind)
            page = RequestFormPage.objects.filter(translation_key=key, locale=kk).first()
            if page is None:
                page = _form(kind, "kk", show_in_menus=False, locale=kk, translation_key=key)
                seeder._add(seeder.home, page)
                seeder._publish(page, timezone.now())
            sources.append((page, lambda code, kind=kind: _form(kind, code)))
        key = demo_key("request-status", "page")
        status = RequestStatusPage.objects.filter(translation_key=key, locale=kk).first()
        if status is None:
            status = _status("kk", locale=kk, translation_key=key)
            seeder._add(seeder.home, status)
            seeder._publish(status, timezone.now())
        sources.append((status, _status))
        for code in TRANSLATED:
            locale = seeder.locales[code]
            for source, translated in sources:
                if seeder._existing_translation(source, locale) is None:
                    target = translate(source, locale, translated(code), user=seeder.editor)
                    seeder._count(target, code)
                    seeder._publish(target, *seeder._translation_dates(source))
        seeder.run_deferred_tasks()

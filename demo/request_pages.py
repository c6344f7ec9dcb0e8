"""The demo's request forms (one per kind) and the status page, in kk with ru and en translations.

Written in Kazakh, the source language, and translated through wagtail-localize as the other
demo pages are. The pages are not moderated (they hold no news), so the demo press secretary
publishes them directly. Safe to run again: what exists is left alone.
"""

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from agency.models import AgencyProfile
from citizen_requests.kinds import RequestKind
from citizen_requests.models import RequestFormPage, RequestStatusPage

from .fields import demo_key
from .localize import translate
from .text import L

TRANSLATED = ("ru", "en")

ANONYMOUS = L(
    kk="<p>Жасырын сұраулар қаралмайды: заң бойынша біз жауапты кімге жіберетінімізді білуіміз "
    "керек («Ақпаратқа қол жеткізу туралы» Заңның 11-бабының 7-тармағы, ӘРПК 88-бабы).</p>"
    "<p>Қылмыс немесе қоғамдық қауіпсіздікке төнген қатер туралы атыңызды көрсетпей хабарлау "
    "үшін полицияға 102 нөмірі бойынша хабарласыңыз.</p>",
    ru="<p>Анонимные запросы не рассматриваются: по закону мы должны знать, кому направить "
    "ответ (Закон «О доступе к информации», ст. 11 п. 7; АППК, ст. 88).</p>"
    "<p>Чтобы сообщить о преступлении или угрозе общественной безопасности, не называя себя, "
    "позвоните в полицию по номеру 102.</p>",
    en="<p>Anonymous requests are not considered: the law requires us to know whom to answer "
    "(Access to Information Law, Art. 11 p.7; Administrative Procedural Code, Art. 88).</p>"
    "<p>To report a crime or a threat to public safety without giving your name, call the "
    "police on 102.</p>",
)

FORMS = {
    RequestKind.INFORMATION: {
        "title": L(kk="Ақпарат сұрау", ru="Запрос информации", en="Request information"),
        "slug": L(kk="aqparat-surau", ru="zapros-informatsii", en="request-information"),
        "intro": L(
            kk="<p>Кез келген адам министрліктен ақпарат сұрай алады. Жауап сұрау түскен "
            "күннен бастап 15 күнтізбелік күн ішінде сұрау тілінде беріледі.</p>",
            ru="<p>Любой человек может запросить информацию у министерства. Ответ даётся в "
            "течение 15 календарных дней со дня поступления запроса, на языке запроса.</p>",
            en="<p>Anyone may ask the ministry for information. The answer is given within 15 "
            "calendar days of receipt, in the language of the request.</p>",
        ),
    },
    RequestKind.MEDIA: {
        "title": L(kk="БАҚ сұрауы", ru="Запрос СМИ", en="Media request"),
        "slug": L(kk="baq-surauy", ru="zapros-smi", en="media-request"),
        "intro": L(
            kk="<p>Журналистер мен редакциялар үшін. Жауап 5 жұмыс күні ішінде беріледі.</p>",
            ru="<p>Для журналистов и редакций. Ответ даётся в течение 5 рабочих дней.</p>",
            en="<p>For journalists and editors. The answer is given within 5 working days.</p>",
        ),
    },
    RequestKind.CLARIFICATION: {
        "title": L(
            kk="Ресми хабарламаны түсіндіру",
            ru="Разъяснение официального сообщения",
            en="Clarification of an official message",
        ),
        "slug": L(kk="tusindiru", ru="razyasnenie", en="clarification"),
        "intro": L(
            kk="<p>Министрліктің ресми хабарламасы бойынша сұрағыңыз болса, тіркелген күннен "
            "бастап 2 жұмыс күні ішінде жауап береміз.</p>",
            ru="<p>Если у вас есть вопрос по официальному сообщению министерства, мы ответим "
            "в течение 2 рабочих дней со дня регистрации.</p>",
            en="<p>If you have a question about an official message of the ministry, we answer "
            "within 2 working days of registration.</p>",
        ),
    },
    RequestKind.APPEAL: {
        "title": L(kk="Өтініш беру", ru="Подать обращение", en="Submit an appeal"),
        "slug": L(kk="otinish", ru="obrashchenie", en="appeal"),
        "intro": L(
            kk="<p>Өтініштер, шағымдар мен ұсыныстар 15 жұмыс күні ішінде қаралады.</p>",
            ru="<p>Заявления, жалобы и предложения рассматриваются в течение 15 рабочих дней.</p>",
            en="<p>Applications, complaints and suggestions are considered within 15 working "
            "days.</p>",
        ),
    },
}

STATUS = {
    "title": L(kk="Сұраудың мәртебесі", ru="Статус запроса", en="Request status"),
    "slug": L(kk="surau-martebesi", ru="status-zaprosa", en="request-status"),
    "intro": L(
        kk="<p>Тіркеу нөмірі мен бақылау кодын енгізіңіз.</p>",
        ru="<p>Введите регистрационный номер и код отслеживания.</p>",
        en="<p>Enter the registration number and the tracking code.</p>",
    ),
}

#: A made-up BIN with a valid checksum (legal-basis §5.2), for the consent text.
DEMO_OPERATOR_BIN = "150340004568"


def _form(kind: str, code: str, **extra) -> RequestFormPage:
    texts = FORMS[kind]
    return RequestFormPage(
        title=texts["title"][code],
        slug=texts["slug"][code],
        intro=texts["intro"][code],
        anonymous_notice=ANONYMOUS[code],
        kind=kind,
        **extra,
    )


def _status(code: str, **extra) -> RequestStatusPage:
    return RequestStatusPage(
        title=STATUS["title"][code], slug=STATUS["slug"][code], intro=STATUS["intro"][code], **extra
    )


def seed_request_pages(seeder) -> None:
    """Add the form and status pages under the demo's kk home and translate them.

    ``seeder`` is the :class:`demo.builder.DemoSeeder` that has just run.
    """
    from .builder import SEED_SETTINGS

    with override_settings(**SEED_SETTINGS), transaction.atomic():
        AgencyProfile.objects.filter(bin="").update(bin=DEMO_OPERATOR_BIN)
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

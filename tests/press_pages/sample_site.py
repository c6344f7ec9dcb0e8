"""A small but complete press site in kk, ru and en, for rendering and browser tests.

Every page type is present in every language, with every block type in use,
plus one news item left untranslated so the language switcher's fallback to
the other locale's home page can be tested.
"""

import datetime
from types import SimpleNamespace

from django.utils import timezone

import wagtail_factories
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Site

from agency.models import AgencyProfile, SiteSettings
from press_pages.models import NewsPageTopic
from tests.press_pages.factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    BriefingSpeakerFactory,
    FAQAnswerPageFactory,
    FAQCategoryFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    TopicFactory,
    kk_home,
    locale,
    publish,
    translate,
)

VIDEO_URL = "https://video.example.kz/watch/briefing-42"
LANGUAGES = ("kk", "ru", "en")

TITLES = {
    "home": {"kk": "Басты бет", "ru": "Главная", "en": "Home"},
    "news_index": {"kk": "Жаңалықтар", "ru": "Новости", "en": "News"},
    "news": {
        "kk": "Министрлік жаңа цифрлық қызметті іске қосты",
        "ru": "Министерство запустило новую цифровую услугу",
        "en": "The ministry launched a new digital service",
    },
    "briefing_index": {"kk": "Брифингтер", "ru": "Брифинги", "en": "Briefings"},
    "briefing": {
        "kk": "Цифрландыру бағдарламасының қорытындылары туралы брифинг",
        "ru": "Брифинг об итогах программы цифровизации",
        "en": "Briefing on the results of the digitalisation programme",
    },
    "faq_index": {
        "kk": "Жиі қойылатын сұрақтар",
        "ru": "Часто задаваемые вопросы",
        "en": "Frequently asked questions",
    },
    "faq": {
        "kk": "Өтінішті онлайн қалай беруге болады?",
        "ru": "Как подать обращение онлайн?",
        "en": "How can I submit a request online?",
    },
}

AGENCY_NAMES = {
    "kk": "Қазақстан Республикасы Цифрлық даму министрлігі",
    "ru": "Министерство цифрового развития Республики Казахстан",
    "en": "Ministry of Digital Development of the Republic of Kazakhstan",
}


def _own(image):
    """A separate instance per block: ``ImageBlock`` keeps its alt text on the image object."""
    return type(image).objects.get(pk=image.pk)


def _news_body(image, document):
    table = {
        "data": [["Өңір", "Өтініштер"], ["Астана", "1 204"], ["Алматы", "1 876"]],
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "table_caption": "Өтініштер саны",
    }
    return [
        ("paragraph", "<p>Жаңа қызмет азаматтарға өтінішті онлайн беруге мүмкіндік береді.</p>"),
        ("heading", {"text": "Қызмет қалай жұмыс істейді", "level": "h2"}),
        (
            "image",
            {
                "image": {
                    "image": _own(image),
                    "alt_text": "Министр баспасөз залында",
                    "decorative": False,
                },
                "caption": "Таныстыру сәті",
            },
        ),
        ("quote", {"quote": "Ашықтық – сенімнің негізі.", "attribution": "Министр"}),
        ("document", {"document": document, "label": "Қызмет ережесі"}),
        ("table", table),
    ]


def _materials(image, second_image, document):
    return [
        ("transcript", {"text": "<p><b>Спикер:</b> Қайырлы күн, құрметті журналистер.</p>"}),
        ("video", {"video": VIDEO_URL, "title": "Брифингтің бейнежазбасы"}),
        (
            "photos",
            {
                "title": "Брифингтен суреттер",
                "photos": [
                    {
                        "image": {
                            "image": _own(image),
                            "alt_text": "Журналистер залда",
                            "decorative": False,
                        },
                        "caption": "",
                    },
                    {
                        "image": {"image": _own(second_image), "alt_text": "", "decorative": True},
                        "caption": "Зал",
                    },
                ],
            },
        ),
        ("document", {"document": document, "label": ""}),
        ("paragraph", "<p>Брифинг материалдары.</p>"),
    ]


def build_sample_site(with_materials: bool = True) -> SimpleNamespace:
    """Build the site and return its pages as ``pages[language][kind]`` plus the shared objects."""
    kk = locale("kk")
    image = wagtail_factories.ImageFactory(
        title="Баспасөз залы", file__width=1200, file__height=675, file__color="#3d6e8f"
    )
    second_image = wagtail_factories.ImageFactory(
        title="Зал", file__width=800, file__height=600, file__color="#9fb8c9"
    )
    document = wagtail_factories.DocumentFactory(
        title="Қызмет ережесі",
        file__filename="service-rules.pdf",
        file__data=b"%PDF-1.4\n" + b"0" * 2048,
    )
    Embed.objects.update_or_create(
        hash=get_embed_hash(VIDEO_URL),
        defaults={
            "url": VIDEO_URL,
            "type": "video",
            "html": '<iframe src="about:blank" width="640" height="360"></iframe>',
            "width": 640,
            "height": 360,
        },
    )

    profile = AgencyProfile.objects.create(
        locale=kk,
        name=AGENCY_NAMES["kk"],
        short_name="ЦДМ",
        address="Астана, Мәңгілік Ел даңғылы, 8",
        phone="+7 7172 00 00 00",
        email="press@example.kz",
        reception_hours="Дүйсенбі–жұма, 9:00–18:30",
        press_secretary_name="Айгүл Серікова",
        press_secretary_position="Баспасөз хатшысы",
        press_secretary_phone="+7 7172 00 00 01",
        press_secretary_email="aigul@example.kz",
        footer_links=[
            ("link", {"label": "Үкімет порталы", "url": "https://www.gov.kz/", "page": None})
        ],
    )
    for code in ("ru", "en"):
        translated = profile.copy_for_translation(locale(code))
        translated.name = AGENCY_NAMES[code]
        translated.save()

    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "logo": image,
            "telegram_url": "https://t.me/example",
            "youtube_url": "https://youtube.com/@example",
        },
    )

    topic = TopicFactory(name="Цифрландыру", slug="digital", locale=kk)
    category = FAQCategoryFactory(name="Өтініштер", slug="requests", locale=kk)

    home = kk_home()
    home.intro = (
        "Министрліктің ресми жаңалықтары, брифингтері және азаматтардың сұрақтарына жауаптар."
    )
    home.save_revision().publish()

    news_index = NewsIndexPageFactory(
        parent=home, title=TITLES["news_index"]["kk"], intro="Министрліктің жаңалықтары."
    )
    news = NewsPageFactory(
        parent=news_index,
        title=TITLES["news"]["kk"],
        slug="digital-service",
        hero_image=image,
        hero_image_alt="Министр жаңа қызметті таныстырып тұр",
        hero_image_caption="Таныстыру, Астана",
        body=_news_body(image, document),
    )
    news.topic_links.add(NewsPageTopic(topic=topic))
    untranslated_news = NewsPageFactory(
        parent=news_index, title="Тек қазақ тіліндегі жаңалық", slug="kazakh-only"
    )

    briefing_index = BriefingIndexPageFactory(parent=home, title=TITLES["briefing_index"]["kk"])
    briefing = BriefingPageFactory(
        parent=briefing_index,
        title=TITLES["briefing"]["kk"],
        slug="digital-briefing",
        stream_url="https://video.example.kz/live",
        accreditation_required=True,
        registration_deadline=timezone.now() + datetime.timedelta(days=2),
        materials=_materials(image, second_image, document) if with_materials else [],
    )
    BriefingSpeakerFactory(page=briefing)
    past_briefing = BriefingPageFactory(
        parent=briefing_index,
        title="Өткен брифинг",
        slug="past-briefing",
        starts_at=timezone.now() - datetime.timedelta(days=30),
        ends_at=timezone.now() - datetime.timedelta(days=30) + datetime.timedelta(hours=1),
    )
    BriefingSpeakerFactory(page=past_briefing)

    faq_index = FAQIndexPageFactory(parent=home, title=TITLES["faq_index"]["kk"])
    faq = FAQAnswerPageFactory(
        parent=faq_index,
        title=TITLES["faq"]["kk"],
        slug="submit-online",
        category=category,
        legal_acts=[
            (
                "legal_act",
                {
                    "title": "«Әкімшілік рәсімдік-процестік кодексі»",
                    "reference": "2020 жылғы 29 маусым",
                    "url": "https://adilet.zan.kz/",
                },
            )
        ],
    )

    # Every page gets a revision: the topic link and speakers added above go live with it,
    # moderated page types through their workflow.
    for page in (
        news_index,
        news,
        untranslated_news,
        briefing_index,
        briefing,
        past_briefing,
        faq_index,
        faq,
    ):
        publish(page)
    for page in (
        home,
        news_index,
        news,
        untranslated_news,
        briefing_index,
        briefing,
        past_briefing,
        faq_index,
        faq,
    ):
        page.refresh_from_db()

    pages = {
        "kk": {
            "home": home.specific,
            "news_index": news_index,
            "news": news,
            "briefing_index": briefing_index,
            "briefing": briefing,
            "faq_index": faq_index,
            "faq": faq,
        }
    }
    for code in ("ru", "en"):
        topic.copy_for_translation(locale(code)).save()
        category.copy_for_translation(locale(code)).save()
        pages[code] = {}
        for kind in (
            "home",
            "news_index",
            "news",
            "briefing_index",
            "briefing",
            "faq_index",
            "faq",
        ):
            pages[code][kind] = translate(pages["kk"][kind], code, title=TITLES[kind][code])

    return SimpleNamespace(
        pages=pages,
        untranslated_news=untranslated_news,
        past_briefing=past_briefing,
        image=image,
        document=document,
        topic=topic,
        category=category,
    )

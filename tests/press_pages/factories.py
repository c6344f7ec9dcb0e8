"""Factories for the press pages: build a small site tree in any locale."""

import datetime

from django.utils import timezone

import wagtail_factories
from wagtail.models import Locale

import factory

from press_pages.models import (
    BriefingIndexPage,
    BriefingPage,
    BriefingSpeaker,
    FAQAnswerPage,
    FAQCategory,
    FAQIndexPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ObligatoryMessagePage,
    Topic,
)
from tests.workflows.moderation import moderate
from workflows.mixins import is_guarded


def locale(code: str = "kk") -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Тақырып {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(locale)

    class Meta:
        model = Topic


class FAQCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Санат {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    locale = factory.LazyFunction(locale)

    class Meta:
        model = FAQCategory


class ModeratedPageFactory(wagtail_factories.PageFactory):
    """A moderated page type: created as a draft, then taken live through its workflow.

    Pass ``live=False`` for a draft that never went through moderation.
    """

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        live = kwargs.pop("live", True)
        page = super()._create(model_class, *args, live=False, **kwargs)
        return moderate(page) if live else page


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Жаңалықтар"
    slug = "news"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(ModeratedPageFactory):
    title = factory.Sequence(lambda n: f"Министрлік жаңалығы {n}")
    lead = "Министрлік жаңа цифрлық қызметті іске қосты."
    display_date = factory.LazyFunction(timezone.localdate)
    body = factory.LazyFunction(
        lambda: [
            ("paragraph", "<p>Жаңа қызмет азаматтарға өтінішті онлайн беруге мүмкіндік береді.</p>")
        ]
    )

    class Meta:
        model = NewsPage


class ObligatoryMessagePageFactory(NewsPageFactory):
    """An Art. 37 message about an event half an hour ago; live through its workflow."""

    title = factory.Sequence(lambda n: f"Су тасқыны туралы ресми хабарлама {n}")
    lead = "Ауданда су тасқыны болды; тұрғындарды көшіру жүріп жатыр."
    event_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(minutes=30))
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Төтенше жағдайлар қызметі орнында жұмыс істеп жатыр.</p>")]
    )

    class Meta:
        model = ObligatoryMessagePage


class BriefingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Брифингтер"
    slug = "briefings"
    show_in_menus = True

    class Meta:
        model = BriefingIndexPage


class BriefingPageFactory(ModeratedPageFactory):
    title = factory.Sequence(lambda n: f"Брифинг {n}")
    kind = BriefingPage.Kind.BRIEFING
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    venue = "Астана, Мәңгілік Ел даңғылы, 8, баспасөз залы"
    announcement = "<p>Министр бағдарламаның нәтижелері туралы айтады.</p>"

    class Meta:
        model = BriefingPage


class BriefingSpeakerFactory(factory.django.DjangoModelFactory):
    name = "Айгүл Серікова"
    position = "Баспасөз хатшысы"

    class Meta:
        model = BriefingSpeaker


class FAQIndexPageFactory(wagtail_factories.PageFactory):
    title = "Жиі қойылатын сұрақтар"
    slug = "faq"
    show_in_menus = True

    class Meta:
        model = FAQIndexPage


class FAQAnswerPageFactory(ModeratedPageFactory):
    title = factory.Sequence(lambda n: f"Өтінішті қалай беруге болады {n}?")
    short_answer = "Өтінішті сайттағы нысан арқылы беруге болады."
    full_answer = factory.LazyFunction(
        lambda: [("paragraph", "<p>Нысанды толтырып, жіберу батырмасын басыңыз.</p>")]
    )
    category = factory.SubFactory(FAQCategoryFactory)
    department = "Баспасөз қызметі"

    class Meta:
        model = FAQAnswerPage


def kk_home() -> HomePage:
    """The kk home page that the migrations make the site root."""
    return HomePage.objects.get(locale__language_code="kk")


def translate(page, code: str, **fields):
    """Copy ``page`` (and any untranslated parents) into locale ``code`` and publish it."""
    translation = page.copy_for_translation(locale(code), copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


def publish(page):
    """Publish ``page`` as the press office does, so it has a revision and publication dates.

    Moderated page types go through their workflow (see ``tests.workflows.moderation``);
    the others are published directly.
    """
    page = page.specific
    if is_guarded(page):
        return moderate(page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page

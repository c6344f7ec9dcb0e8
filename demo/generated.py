"""News items composed from sentence fragments, for benchmark-sized demos.

Each item combines a region, an event with numbers and a few general
sentences, in all three languages at once, so the Russian and English versions
say the same as the Kazakh one. Fragments are whole sentences: numbers and
region names never need grammatical agreement (Russian numerals are drawn so
that the genitive plural is always correct).
"""

import random
from dataclasses import dataclass

from .text import LANGUAGES, L

REGIONS = [
    L(kk="Абай облысы", ru="Область Абай", en="Abai Region"),
    L(kk="Ақмола облысы", ru="Акмолинская область", en="Akmola Region"),
    L(kk="Ақтөбе облысы", ru="Актюбинская область", en="Aktobe Region"),
    L(kk="Алматы облысы", ru="Алматинская область", en="Almaty Region"),
    L(kk="Атырау облысы", ru="Атырауская область", en="Atyrau Region"),
    L(
        kk="Шығыс Қазақстан облысы",
        ru="Восточно-Казахстанская область",
        en="East Kazakhstan Region",
    ),
    L(kk="Жамбыл облысы", ru="Жамбылская область", en="Zhambyl Region"),
    L(kk="Жетісу облысы", ru="Область Жетысу", en="Zhetysu Region"),
    L(kk="Батыс Қазақстан облысы", ru="Западно-Казахстанская область", en="West Kazakhstan Region"),
    L(kk="Қарағанды облысы", ru="Карагандинская область", en="Karaganda Region"),
    L(kk="Қостанай облысы", ru="Костанайская область", en="Kostanay Region"),
    L(kk="Қызылорда облысы", ru="Кызылординская область", en="Kyzylorda Region"),
    L(kk="Маңғыстау облысы", ru="Мангистауская область", en="Mangystau Region"),
    L(kk="Павлодар облысы", ru="Павлодарская область", en="Pavlodar Region"),
    L(
        kk="Солтүстік Қазақстан облысы",
        ru="Северо-Казахстанская область",
        en="North Kazakhstan Region",
    ),
    L(kk="Түркістан облысы", ru="Туркестанская область", en="Turkistan Region"),
    L(kk="Ұлытау облысы", ru="Область Ұлытау", en="Ulytau Region"),
    L(kk="Астана қаласы", ru="Город Астана", en="Astana"),
    L(kk="Алматы қаласы", ru="Город Алматы", en="Almaty"),
    L(kk="Шымкент қаласы", ru="Город Шымкент", en="Shymkent"),
]


@dataclass(frozen=True)
class Event:
    """An event template; ``{n}`` and ``{m}`` are numbers, ``{region}`` the region's name."""

    topic: str
    title: L
    lead: L
    detail: L


EVENTS = [
    Event(
        "digital-services",
        L(
            kk="{region}: {n} мемлекеттік қызмет онлайн форматқа көшірілді",
            ru="{region}: в онлайн переведено {n} государственных услуг",
            en="{region}: {n} public services moved online",
        ),
        L(
            kk="Тұрғындар енді бұл қызметтерді мекемеге бармай, электрондық үкімет порталы "
            "арқылы ала алады.",
            ru="Теперь жители могут получить эти услуги через портал электронного "
            "правительства, не посещая учреждения.",
            en="Residents can now obtain these services through the e-government portal "
            "without visiting an office.",
        ),
        L(
            kk="Бұған дейін бұл қызметтерді алу үшін орта есеппен {m} жұмыс күні қажет болатын.",
            ru="Раньше на получение этих услуг уходило в среднем {m} рабочих дней.",
            en="Previously, obtaining these services took an average of {m} working days.",
        ),
    ),
    Event(
        "regions",
        L(
            kk="{region}: {n} мемлекеттік қызметші цифрлық сауаттылық курсынан өтті",
            ru="{region}: курс цифровой грамотности прошли {n} госслужащих",
            en="{region}: {n} civil servants complete a digital literacy course",
        ),
        L(
            kk="Курс электрондық құжат айналымы мен ақпараттық қауіпсіздік негіздерін қамтыды.",
            ru="Курс охватил электронный документооборот и основы информационной безопасности.",
            en="The course covered electronic document management and the basics of "
            "information security.",
        ),
        L(
            kk="Оқу {m} күнге созылды және қашықтан форматта өтті.",
            ru="Обучение длилось {m} дней и проходило дистанционно.",
            en="The training lasted {m} days and was held remotely.",
        ),
    ),
    Event(
        "citizen-requests",
        L(
            kk="{region}: бір айда азаматтардың {n} өтініші қаралды",
            ru="{region}: за месяц рассмотрено {n} обращений граждан",
            en="{region}: {n} citizen requests considered in a month",
        ),
        L(
            kk="Өтініштердің басым бөлігі мемлекеттік қызметтерге және байланыс сапасына "
            "қатысты болды.",
            ru="Большинство обращений касались государственных услуг и качества связи.",
            en="Most requests concerned public services and the quality of communications.",
        ),
        L(
            kk="Жауап берудің орташа мерзімі {m} күнді құрады, бірде-бір жауап кешіктірілген жоқ.",
            ru="Средний срок ответа составил {m} дней, ни один ответ не был просрочен.",
            en="The average answer time was {m} days, and no answer was late.",
        ),
    ),
    Event(
        "open-data",
        L(
            kk="{region}: {n} жаңа ашық деректер жиынтығы жарияланды",
            ru="{region}: опубликовано {n} новых наборов открытых данных",
            en="{region}: {n} new open datasets published",
        ),
        L(
            kk="Жиынтықтар мемлекеттік қызметтер, көлік және білім беру туралы деректерді қамтиды.",
            ru="Наборы содержат данные о государственных услугах, транспорте и образовании.",
            en="The datasets cover public services, transport and education.",
        ),
        L(
            kk="Деректер {m} күн сайын жаңартылып отырады.",
            ru="Данные обновляются каждые {m} дней.",
            en="The data is updated every {m} days.",
        ),
    ),
    Event(
        "digital-services",
        L(
            kk="{region}: {n} өзіне-өзі қызмет көрсету терминалы орнатылды",
            ru="{region}: установлено {n} терминалов самообслуживания",
            en="{region}: {n} self-service kiosks installed",
        ),
        L(
            kk="Терминалдар халыққа қызмет көрсету орталықтары мен кітапханаларда орналасқан.",
            ru="Терминалы размещены в центрах обслуживания населения и библиотеках.",
            en="The kiosks are in public service centres and libraries.",
        ),
        L(
            kk="Бір анықтаманы алу енді шамамен {m} минутқа созылады.",
            ru="Получение одной справки теперь занимает около {m} минут.",
            en="Getting a certificate now takes about {m} minutes.",
        ),
    ),
    Event(
        "regions",
        L(
            kk="{region}: {n} ауыл жоғары жылдамдықты интернетке қосылды",
            ru="{region}: к скоростному интернету подключено {n} сёл",
            en="{region}: {n} villages connected to high-speed internet",
        ),
        L(
            kk="Жұмыс байланыс операторларымен бірлесіп жүргізілді.",
            ru="Работы проведены совместно с операторами связи.",
            en="The work was carried out together with telecom operators.",
        ),
        L(
            kk="Қосылу жылдамдығы секундына кемінде {m} мегабитті құрайды.",
            ru="Скорость подключения составляет не менее {m} мегабит в секунду.",
            en="Connection speeds are at least {m} megabits per second.",
        ),
    ),
    Event(
        "media",
        L(
            kk="{region}: әкімдік баспасөз қызметі тоқсан ішінде {n} брифинг өткізді",
            ru="{region}: пресс-служба акимата провела за квартал {n} брифингов",
            en="{region}: akimat press service holds {n} briefings in a quarter",
        ),
        L(
            kk="Брифингтердің стенограммалары мен бейнежазбалары сайтта жарияланды.",
            ru="Стенограммы и видеозаписи брифингов опубликованы на сайте.",
            en="Transcripts and recordings of the briefings have been published on the website.",
        ),
        L(
            kk="Іс-шараларға орта есеппен {m} журналист қатысты.",
            ru="В среднем в мероприятиях участвовали {m} журналистов.",
            en="On average {m} journalists attended each event.",
        ),
    ),
    Event(
        "cybersecurity",
        L(
            kk="{region}: {n} сайттың қауіпсіздігі тексерілді",
            ru="{region}: проверена безопасность {n} сайтов",
            en="{region}: security of {n} websites checked",
        ),
        L(
            kk="Тексеру мемлекеттік органдар мен ведомстволық ұйымдардың сайттарын қамтыды.",
            ru="Проверка охватила сайты государственных органов и подведомственных организаций.",
            en="The check covered the websites of state bodies and their subordinate "
            "organisations.",
        ),
        L(
            kk="Анықталған кемшіліктер {m} күн ішінде түзетілуі тиіс.",
            ru="Выявленные недостатки должны быть устранены в течение {m} дней.",
            en="The shortcomings found must be fixed within {m} days.",
        ),
    ),
]

GENERAL_SENTENCES = [
    L(
        kk="Жоба өңір әкімдігімен бірлесіп іске асырылуда.",
        ru="Проект реализуется совместно с акиматом региона.",
        en="The project is being carried out jointly with the regional akimat.",
    ),
    L(
        kk="Нәтижелер тоқсан сайын министрлік сайтында жарияланады.",
        ru="Результаты ежеквартально публикуются на сайте министерства.",
        en="The results are published on the ministry's website every quarter.",
    ),
    L(
        kk="Тұрғындар ұсыныстарын кері байланыс нысаны арқылы жібере алады.",
        ru="Жители могут направить предложения через форму обратной связи.",
        en="Residents can send suggestions through the feedback form.",
    ),
    L(
        kk="Келесі кезеңде тәжірибе көршілес өңірлерге таратылады.",
        ru="На следующем этапе опыт распространят на соседние регионы.",
        en="At the next stage the experience will be extended to neighbouring regions.",
    ),
    L(
        kk="Жұмыс мемлекеттік бағдарлама шеңберінде қаржыландырылады.",
        ru="Работа финансируется в рамках государственной программы.",
        en="The work is funded under a state programme.",
    ),
    L(
        kk="Барлық материалдар қазақ және орыс тілдерінде қолжетімді.",
        ru="Все материалы доступны на казахском и русском языках.",
        en="All materials are available in Kazakh and Russian.",
    ),
    L(
        kk="Жобаның барысын қоғамдық кеңес қадағалайды.",
        ru="Ход проекта контролирует общественный совет.",
        en="The public council monitors the progress of the project.",
    ),
    L(
        kk="Мамандар тұрғындарға халыққа қызмет көрсету орталықтарында кеңес береді.",
        ru="Специалисты консультируют жителей в центрах обслуживания населения.",
        en="Specialists advise residents at public service centres.",
    ),
    L(
        kk="Пайдаланушылардың пікірлері жаңа нұсқаны әзірлеу кезінде ескеріледі.",
        ru="Отзывы пользователей будут учтены при разработке новой версии.",
        en="Users' feedback will be taken into account in the next version.",
    ),
    L(
        kk="Іс-шараға жергілікті БАҚ өкілдері қатысты.",
        ru="В мероприятии приняли участие представители местных СМИ.",
        en="Representatives of local media attended.",
    ),
    L(
        kk="Министрлік өңірлерге әдістемелік көмек көрсетуді жалғастырады.",
        ru="Министерство продолжит оказывать регионам методическую помощь.",
        en="The ministry will continue to give the regions methodological support.",
    ),
    L(
        kk="Деректер ашық деректер порталында машинамен оқылатын форматта жарияланды.",
        ru="Данные опубликованы на портале открытых данных в машиночитаемом формате.",
        en="The data has been published on the open data portal in a machine-readable format.",
    ),
]


def _genitive_plural_number(rng: random.Random, low: int, high: int) -> int:
    """A number in [low, high] after which Russian uses the genitive plural (5–20, 25…)."""
    while True:
        number = rng.randint(low, high)
        if number % 10 in (0, 5, 6, 7, 8, 9) or 11 <= number % 100 <= 14:
            return number


@dataclass(frozen=True)
class GeneratedNews:
    title: L
    lead: L
    paragraphs: tuple[L, L]
    topic: str


def generated_news(index: int) -> GeneratedNews:
    """The ``index``-th composed news item; the same index always gives the same text."""
    rng = random.Random(index)  # noqa: S311 (repeatable demo text, not security)
    region = rng.choice(REGIONS)
    event = rng.choice(EVENTS)
    numbers = {
        "n": _genitive_plural_number(rng, 5, 250),
        "m": _genitive_plural_number(rng, 5, 30),
    }
    general = rng.sample(GENERAL_SENTENCES, 3)

    def combine(*parts: L) -> L:
        return L(*(" ".join(part[code] for part in parts) for code in LANGUAGES))

    return GeneratedNews(
        title=L(*(event.title[code].format(region=region[code], **numbers) for code in LANGUAGES)),
        lead=event.lead,
        paragraphs=(combine(event.detail.format(**numbers), general[0]), combine(*general[1:])),
        topic=event.topic,
    )

"""Throughput of watch-term matching on article text.

Run: ``.venv/bin/python bench/media_watch_matching.py [--megabytes 4] [--terms 500] [--profile]``

Builds 500 watch terms in Kazakh, Russian and English (the agency's and its bodies' names,
officials' names, topics of one to five words) and about 4 MB (UTF-8) of news articles in the
three languages: sentences that name the terms in inflected forms (Министерству…,
Ахметовым, министрлігінің, Ахметовқа) among everyday press vocabulary, with about one word
in seven an unseen word form, so the stem caches do not see only a small closed vocabulary.
Times ``TermMatcher.find`` over 2–12 KB articles, each with its language and again with
``language=None`` (every term language tried), and prints
``matching throughput: X.X MB/s (language given), Y.Y MB/s (language unknown)``; the target is
at least 2 MB/s with the language given. Never a timed test: figures depend on the machine.
The first run starts with empty stem caches (the figure counts them filling).

``--profile`` prints the functions that take the most time.
"""

import argparse
import cProfile
import pstats
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from agency.analysis import WORD_RE
from media_watch.matching import Term, TermMatcher

FIRST_NAMES = [
    "Нұрлан", "Асқар", "Бекжан", "Айгүл", "Гүлнар", "Ерлан", "Дәурен", "Сәуле", "Мадина", "Қанат",
    "Серік", "Жанар", "Алмас", "Әсел", "Ержан", "Бауыржан", "Айдос", "Марат", "Дина", "Асхат",
]  # fmt: skip
FIRST_NAMES_RU = [
    "Нурлан", "Аскар", "Бекжан", "Айгуль", "Гульнар", "Ерлан", "Дәурен", "Сауле", "Мадина", "Канат",
    "Серик", "Жанар", "Алмас", "Асель", "Ержан", "Бауыржан", "Айдос", "Марат", "Дина", "Асхат",
]  # fmt: skip
SURNAME_ROOTS = [
    "Ахмет", "Сейіт", "Жақып", "Омар", "Тоқа", "Бекет", "Сағын", "Есім", "Қали", "Мұқан", "Әли",
    "Ораз", "Байжан", "Досан", "Жұмабай", "Қасым", "Мырза", "Тұрсын", "Шәкен", "Нұрпейіс",
]  # fmt: skip
SURNAME_ROOTS_RU = [
    "Ахмет", "Сеит", "Жакып", "Омар", "Тока", "Бекет", "Сагын", "Есим", "Кали", "Мукан", "Али",
    "Ораз", "Байжан", "Досан", "Жумабай", "Касым", "Мырза", "Турсын", "Шакен", "Нурпеис",
]  # fmt: skip
LATIN = {
    "Ахмет": "Akhmet", "Сеит": "Seit", "Жакып": "Zhakyp", "Омар": "Omar", "Тока": "Toka",
    "Бекет": "Beket", "Сагын": "Sagyn", "Есим": "Yesim", "Кали": "Kali", "Мукан": "Mukan",
    "Али": "Ali", "Ораз": "Oraz", "Байжан": "Baizhan", "Досан": "Dosan", "Жумабай": "Zhumabai",
    "Касым": "Kasym", "Мырза": "Myrza", "Турсын": "Tursyn", "Шакен": "Shaken", "Нурпеис": "Nurpeis",
}  # fmt: skip

KK_BODIES = [
    ("Ақпарат министрлігі", "Ақпарат министрлігінің", "Ақпарат министрлігіне"),
    ("Денсаулық сақтау министрлігі", "Денсаулық сақтау министрлігінің", "Денсаулық сақтау министрлігі"),
    ("Білім министрлігі", "Білім министрлігіне", "Білім министрлігімен"),
    ("Қаржы министрлігі", "Қаржы министрлігінің", "Қаржы министрлігінде"),
    ("Энергетика министрлігі", "Энергетика министрлігіне", "Энергетика министрлігінен"),
    ("Төтенше жағдайлар министрлігі", "Төтенше жағдайлар министрлігінің", "Төтенше жағдайлар министрлігі"),
    ("облыс әкімдігі", "облыс әкімдігінің", "облыс әкімдігіне"),
    ("қала әкімдігі", "қала әкімдігінде", "қала әкімдігінен"),
    ("Бас прокуратура", "Бас прокуратураның", "Бас прокуратураға"),
    ("Жоғарғы сот", "Жоғарғы соттың", "Жоғарғы сотқа"),
]  # fmt: skip
RU_BODIES = [
    ("Министерство информации", "Министерству информации", "Министерства информации"),
    ("Министерство здравоохранения", "Министерством здравоохранения", "министерстве здравоохранения"),
    ("Министерство образования", "Министерства образования", "министерству образования"),
    ("Министерство финансов", "Министерством финансов", "министерства финансов"),
    ("Министерство энергетики", "Министерству энергетики", "министерстве энергетики"),
    ("Министерство по чрезвычайным ситуациям", "Министерства по чрезвычайным ситуациям", "министерству по чрезвычайным ситуациям"),
    ("акимат области", "акимата области", "акиматом области"),
    ("акимат города", "акимату города", "акимате города"),
    ("Генеральная прокуратура", "Генеральной прокуратуры", "Генеральную прокуратуру"),
    ("Верховный суд", "Верховного суда", "Верховным судом"),
]  # fmt: skip
EN_BODIES = [
    ("Ministry of Information", "Ministry of Information's", "ministry of information"),
    ("Ministry of Health", "Ministry of Health", "ministry of health"),
    ("Ministry of Education", "Ministry of Education", "education ministry"),
    ("Ministry of Finance", "Ministry of Finance's", "ministry of finance"),
    ("Ministry of Energy", "Ministry of Energy", "energy ministry"),
    ("regional akimat", "regional akimat's", "regional akimats"),
    ("Prosecutor General's Office", "Prosecutor General's Office", "prosecutor general's office"),
    ("Supreme Court", "Supreme Court's", "supreme court"),
]  # fmt: skip
KK_TOPICS = [
    "баға өсуі", "жылу беру", "су тапшылығы", "жол апаты", "сыбайлас жемқорлық", "пара алу",
    "тарифтер", "жалақы берешегі", "мектеп құрылысы", "ауруханалар", "вакцинация", "су тасқыны",
    "орман өрті", "электр энергиясы", "жер телімдері", "мемлекеттік сатып алу", "жемқорлық",
    "әлеуметтік көмек", "жұмыссыздық", "коммуналдық қызметтер", "газдандыру", "жол жөндеу",
    "бағдарлама", "инфляция", "несие", "азаматтардың шағымдары", "денсаулық сақтау", "білім беру",
]  # fmt: skip
RU_TOPICS = [
    "рост цен", "отопительный сезон", "дефицит воды", "дорожно-транспортное происшествие",
    "коррупция", "взятка", "тарифы", "задолженность по зарплате", "строительство школ",
    "больницы", "вакцинация", "паводок", "лесной пожар", "электроэнергия", "земельные участки",
    "государственные закупки", "социальная помощь", "безработица", "коммунальные услуги",
    "газификация", "ремонт дорог", "инфляция", "кредит", "жалобы граждан", "здравоохранение",
    "образование", "уголовное дело", "ипотека",
]  # fmt: skip
EN_TOPICS = [
    "price rise", "heating season", "water shortage", "road accident", "corruption", "bribery",
    "tariffs", "wage arrears", "school construction", "hospitals", "vaccination", "flood",
    "wildfire", "electricity", "land plots", "public procurement", "social assistance",
    "unemployment", "utilities", "gas supply", "road repairs", "inflation", "mortgage",
]  # fmt: skip

KK_SENTENCES = [
    "{day} {month_kk} күні {body} өкілі {person} брифинг өткізді.",
    "Биыл өңірде {n} мектеп жөнделіп, {m} оқушыға жаңа орын ашылды.",
    "{person} {topic} мәселесі бойынша азаматтардың сұрақтарына жауап берді.",
    "Бюджеттен {n} млрд теңге бөлінді, оның {pct} пайызы әлеуметтік салаға жұмсалды.",
    "Журналистер {body} жұмысына қатысты {word} туралы сұрады.",
    "Депутаттар {topic} туралы заң жобасын талқылап, {word} мәселесін көтерді.",
    "Жиынға {person} мен {person2} қатысып, жоспарды талқылады.",
    "Ведомство хабарлауынша, {word} {word2} бойынша жұмыс жалғасуда.",
    "Тұрғындар {topic} жөнінде {body} шағымданды.",
    "{body} мәліметінше, өткен жылы {n} {word} тіркелген.",
]  # fmt: skip
RU_SENTENCES = [
    "{day} {month_ru} {person} провёл брифинг, посвящённый теме «{topic}».",
    "В {year} году в регионе отремонтировано {n} школ, создано {m} ученических мест.",
    "По данным {body}, {word} {word2} снизилось на {pct}% по сравнению с прошлым годом.",
    "Журналисты спросили {person} о том, как решается вопрос: {topic}.",
    "Из бюджета выделено {n} млрд тенге, из них {pct}% направлено на {word}.",
    "В совещании приняли участие {person} и {person2}, обсуждён план на следующий год.",
    "Жители пожаловались в {body} на {topic}, сообщает {word} {word2}.",
    "Депутаты обратились к {person} с запросом о ситуации в сфере {word}.",
    "{body} сообщило, что {word} по теме «{topic}» будет рассмотрен на заседании.",
    "Полный текст информационного сообщения размещён на официальном сайте {body}.",
]  # fmt: skip
EN_SENTENCES = [
    "On {day} March {person} held a briefing at the {body} on {topic}.",
    "This year {n} schools were repaired in the region and {m} new places created.",
    "According to the {body}, {word} {word2} fell by {pct}% compared with last year.",
    "Journalists asked {person} how the issue of {topic} would be resolved.",
    "The budget allocated {n} billion tenge, {pct}% of it for {word}.",
    "Residents complained to the {body} about {topic}, reports {word} {word2}.",
]  # fmt: skip
MONTHS_KK = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек"]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября"]
KK_ENDINGS = ["", "тың", "ның", "ға", "қа", "ды", "да", "дан", "мен", "лар", "лардың", "ы", "сы"]
RU_ENDINGS = ["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "ого", "ой", "ую", "ие"]


def syllables(text):
    return text.split()


SYLLABLES_KK = syllables(
    "қа ба тұр сын жан ел мұ ра дет көр ін ал өн бер жа сал тү қор ден құ та ға лық ер шы "
    "мін сау өт тіл қыз бас ай жер"
)
SYLLABLES_RU = syllables(
    "про ва ли стр ен ко на ди тель ст ро ми пол за ре ка ти мер дов сло пра вер гра ну де "
    "лич ор бес ты жи"
)
SYLLABLES_EN = syllables(
    "con pro ta ment re li ster ing ad vi sion or de com pre ex in ca tion al ver sta ble port "
    "mis ter un form dis"
)


def make_terms(count, rng):
    """About a third of the terms per language: bodies, officials and topics."""
    terms = []
    for language, bodies, topics in (
        ("kk", KK_BODIES, KK_TOPICS),
        ("ru", RU_BODIES, RU_TOPICS),
        ("en", EN_BODIES, EN_TOPICS),
    ):
        terms += [
            Term(len(terms) + i, forms[0], language, "agency") for i, forms in enumerate(bodies)
        ]
        terms += [Term(len(terms) + i, topic, language, "topic") for i, topic in enumerate(topics)]
    seen = set()
    turn = 0
    while len(terms) < count:
        language = ("kk", "ru", "en")[turn % 3]
        turn += 1
        if language == "kk":
            surname = rng.choice(SURNAME_ROOTS) + rng.choice(("ов", "ев", "ұлы"))
            text = f"{rng.choice(FIRST_NAMES)} {surname}"
        elif language == "ru":
            surname = rng.choice(SURNAME_ROOTS_RU) + rng.choice(("ов", "ев", "ин"))
            text = f"{rng.choice(FIRST_NAMES_RU)} {surname}"
        else:
            root = rng.choice(SURNAME_ROOTS_RU)
            text = f"{LATIN[rng.choice(SURNAME_ROOTS_RU)]}bek {LATIN[root]}ov"
        if (text, language) in seen:
            continue
        seen.add((text, language))
        terms.append(Term(len(terms), text, language, "person"))
    return terms


def make_articles(megabytes, rng):
    def unseen(language):
        syllables, endings = {
            "kk": (SYLLABLES_KK, KK_ENDINGS),
            "ru": (SYLLABLES_RU, RU_ENDINGS),
            "en": (SYLLABLES_EN, ("", "s", "ed", "ing")),
        }[language]
        root = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        return root + rng.choice(endings)

    def word(language):
        if rng.random() < 0.15:
            return unseen(language)
        if language == "kk":
            return rng.choice(KK_TOPICS).split()[-1] + rng.choice(KK_ENDINGS)
        if language == "ru":
            return rng.choice(RU_TOPICS).split()[-1][:-1] + rng.choice(RU_ENDINGS)
        return rng.choice(EN_TOPICS).split()[-1] + rng.choice(("", "s", "'s"))

    def person(language):
        if language == "kk":
            surname = rng.choice(SURNAME_ROOTS) + rng.choice(("ов", "ев"))
            return f"{rng.choice(FIRST_NAMES)} {surname}{rng.choice(KK_ENDINGS[:6])}"
        if language == "ru":
            surname = rng.choice(SURNAME_ROOTS_RU) + rng.choice(("ов", "ев", "ин"))
            return f"{rng.choice(FIRST_NAMES_RU)} {surname}{rng.choice(('', 'а', 'у', 'ым', 'е'))}"
        first = LATIN[rng.choice(SURNAME_ROOTS_RU)]
        possessive = rng.choice(("", "'s"))
        return f"{first}bek {LATIN[rng.choice(SURNAME_ROOTS_RU)]}ov{possessive}"

    tables = {
        "kk": (KK_SENTENCES, KK_BODIES, KK_TOPICS),
        "ru": (RU_SENTENCES, RU_BODIES, RU_TOPICS),
        "en": (EN_SENTENCES, EN_BODIES, EN_TOPICS),
    }
    target = megabytes * 1_000_000
    articles, size = [], 0
    while size < target:
        language = rng.choice(("kk", "ru", "ru", "en"))
        sentences, bodies, topics = tables[language]
        parts, length = [], rng.randint(2_000, 12_000)
        while sum(len(part) for part in parts) < length:
            parts.append(
                rng.choice(sentences).format(
                    day=rng.randint(1, 28),
                    month_kk=rng.choice(MONTHS_KK),
                    month_ru=rng.choice(MONTHS_RU),
                    year=rng.randint(2015, 2026),
                    n=rng.randint(2, 900),
                    m=rng.randint(100, 25_000),
                    pct=rng.randint(1, 99),
                    body=rng.choice(rng.choice(bodies)),
                    topic=rng.choice(topics),
                    person=person(language),
                    person2=person(language),
                    word=word(language),
                    word2=word(language),
                )
            )
            # Everyday words the templates do not have: a realistic share of new word forms.
            parts[-1] = (
                parts[-1][:-1]
                + ", "
                + " ".join(unseen(language) for _ in range(rng.randint(1, 3)))
                + "."
            )
        article = " ".join(parts)
        articles.append((article, language))
        size += len(article.encode())
    return articles


def run(matcher, articles, with_language):
    hits = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for article, language in articles:
        hits += len(matcher.find(article, language if with_language else None))
    return time.perf_counter() - started, time.process_time() - cpu_started, hits


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=4)
    parser.add_argument("--terms", type=int, default=500)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    rng = random.Random(20260113)  # reproducible data
    terms = make_terms(args.terms, rng)
    articles = make_articles(args.megabytes, rng)
    total_bytes = sum(len(article.encode()) for article, _ in articles)
    total_chars = sum(len(article) for article, _ in articles)
    words = [word for article, _ in articles for word in WORD_RE.findall(article)]

    built = time.perf_counter()
    matcher = TermMatcher(terms)
    built = time.perf_counter() - built

    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    elapsed, cpu, hits = run(matcher, articles, with_language=True)
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    unknown_elapsed, _unknown_cpu, unknown_hits = run(matcher, articles, with_language=False)

    languages = {
        language: sum(1 for term in terms if term.language == language)
        for language in ("kk", "ru", "en")
    }
    print(
        f"{total_bytes / 1e6:.1f} MB ({total_chars / 1e6:.1f} M characters) in {len(articles)} "
        f"articles, {len(words)} words ({len(set(words))} distinct forms), {len(terms)} terms "
        f"{languages}; matcher built in {built * 1000:.0f} ms"
    )
    print(
        f"language given: {elapsed:.2f} s (CPU {cpu:.2f} s), {total_chars / 1e6 / elapsed:.1f} M characters/s, "
        f"{hits} hits; language unknown: {unknown_elapsed:.2f} s, {unknown_hits} hits"
    )
    print(
        f"matching throughput: {total_bytes / 1e6 / elapsed:.1f} MB/s (language given), "
        f"{total_bytes / 1e6 / unknown_elapsed:.1f} MB/s (language unknown)"
    )
    if total_bytes / 1e6 / elapsed < 2:
        sys.exit("below the 2 MB/s target")


if __name__ == "__main__":
    main()

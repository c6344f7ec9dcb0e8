"""Throughput of the restricted-information scanner on press-release text.

Run: ``.venv/bin/python bench/scanner.py [--megabytes 20] [--terms 10000] [--profile]``

Generates about 20 MB (UTF-8) of Kazakh and Russian press-release sentences with dates, sums,
the press office's own (allow-listed) phone and e-mail and, now and then, real findings (an ИИН, a private phone, a
marking, a minor, a stop-list name). Builds a stop list of 10,000 synthetic names and
organisations, then times ``scan_text`` over the text cut into 5–20 KB pieces, as page fields
are scanned. Prints ``scanner throughput: X.X MB/s (N findings, 10000 terms)``; the target is
at least 10 MB/s. Never a timed test: figures depend on the machine. The first line also gives
the process CPU time: when other jobs share the machine, wall time rises and CPU time does not.

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

from workflows.restricted import BLOCK, WARN, AllowList, StopList, StopTerm, scan_text

FIRST_NAMES = [
    "Нұрлан", "Асқар", "Бекжан", "Айгүл", "Гүлнар", "Ерлан", "Дәурен", "Сәуле", "Мадина", "Қанат",
    "Серік", "Жанар", "Алмас", "Әсел", "Ержан", "Бауыржан", "Айдос", "Ләззат", "Ирина", "Сергей",
    "Ольга", "Дмитрий", "Андрей", "Елена", "Татьяна", "Виктор", "Наталья", "Игорь", "Марат", "Дина",
]  # fmt: skip
ROOTS = [
    "Нұр", "Сейіт", "Жақып", "Омар", "Тоқ", "Бек", "Сағын", "Есім", "Қали", "Мұқан", "Әли", "Ораз",
    "Иван", "Петр", "Смирн", "Кузнец", "Попов", "Лебед", "Козл", "Новик", "Морозов", "Волк",
    "Ахмет", "Байжан", "Дос", "Жұма", "Қасым", "Мырза", "Тұрсын", "Шәкен",
]  # fmt: skip
MIDDLES = ["", "ба", "ғали", "жан", "бек", "хан", "мұрат", "тай", "бай", "кен", "сұлтан", "ғазы"]
ENDINGS = ["ов", "ев", "ова", "ева", "ин", "ина", "ұлы", "қызы", "бай", "ский"]
REGIONS = [
    "Алматы облысы", "Ақмола облысы", "Жетісу облысы", "Абай облысы", "Түркістан облысы",
    "Маңғыстау облысы", "Қарағанды облысы", "Павлодар облысы", "Астана қаласы", "Шымкент қаласы",
]  # fmt: skip
REGIONS_RU = ["Алматинской области", "Акмолинской области", "города Астаны", "города Шымкента",
              "Карагандинской области", "Павлодарской области", "области Абай", "области Жетісу"]  # fmt: skip
MONTHS_KK = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек"]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября"]
ORGS = ["Ақ Жол", "Болашақ Инвест", "Дала Құрылыс", "Сарыарқа Агро", "Нұр Транс", "Алтын Дән"]

KK_SENTENCES = [
    "{day} {month_kk} күні министр {name} {region} әкімдігінде брифинг өткізді.",
    "Биыл {region} бойынша {n} мектеп жөнделіп, {m} оқушыға жаңа орын ашылды.",
    "Бюджеттен {sum} млрд теңге бөлінді, оның {pct} пайызы әлеуметтік салаға жұмсалды.",
    "Өтініштер {days} жұмыс күні ішінде қаралады, сұрақтарды press@minfin.gov.kz адресіне жіберіңіз.",
    "Баспасөз қызметінің телефоны: +7 (7172) 74-00-00.",
    "Жиынға {name} мен {name2} қатысып, {year}–{year2} жылдарға арналған жоспарды талқылады.",
    "Министрлік азаматтардың {n} өтінішін қарады, олардың {m} жауабы сайтта жарияланды.",
    "Жұмыс тобы {region} аумағында {n} нысанды тексерді.",
    "Ақпараттық хабарламаның толық мәтіні ресми сайтта орналастырылды.",
    "Құпия дауыс беру нәтижесінде {name} комиссия төрағасы болып сайланды.",
]
RU_SENTENCES = [
    "{day} {month_ru} министр {name} провёл брифинг в акимате {region_ru}.",
    "В {year} году в {region_ru} отремонтировано {n} школ, создано {m} ученических мест.",
    "Из бюджета выделено {sum} млрд тенге, из них {pct}% направлено на социальную сферу.",
    "Обращения рассматриваются в течение {days} рабочих дней, вопросы направляйте на press@minfin.gov.kz.",
    "Телефон пресс-службы: 8 (7172) 74-00-00.",
    "В совещании приняли участие {name} и {name2}, обсуждён план на {year}–{year2} годы.",
    "Рабочая группа проверила {n} объектов на территории {region_ru}.",
    "Не секрет, что показатели выросли на {pct}% по сравнению с {year} годом.",
    "Полный текст информационного сообщения размещён на официальном сайте.",
    "Подробности по номеру 1414 или на портале eGov.kz.",
]
# The press office's own contacts, published on purpose: allow-listed as in production.
AGENCY_CONTACTS = AllowList.build(phones=["+7 (7172) 74-00-00"], emails=["press@minfin.gov.kz"])
POSITIVES = [
    "Заявитель {name}, ИИН 900115300122, просит ответить по адресу.",
    "Өтініш беруші {name}, тел. +7 701 234 56 78.",
    "ДСП",
    "Задержан несовершеннолетний подозреваемый в краже.",
    "Кәмелетке толмаған күдікті ұсталды.",
    "Шот нөмірі KZ86 125K ZT50 0410 0100.",
    "Письмо получено от {stop}.",
    "Іске {stop} қатысты.",
    "«Секретно»",
]


def make_stop_list(count, rng):
    terms, seen = [], set()
    while len(terms) < count:
        if rng.random() < 0.85:
            surname = rng.choice(ROOTS) + rng.choice(MIDDLES) + rng.choice(ENDINGS)
            phrase = f"{surname} {rng.choice(FIRST_NAMES)}"
        else:
            phrase = f"ЖШС «{rng.choice(ORGS)} {rng.choice(ROOTS)}{rng.choice(MIDDLES)}»"
        if phrase in seen:
            continue
        seen.add(phrase)
        terms.append(
            StopTerm(
                phrase=phrase,
                severity=rng.choice((BLOCK, WARN)),
                legal_basis="Court decision (synthetic)",
                rule=f"stop_list.{len(terms) + 1}",
                language=rng.choice(("", "kk", "ru")),
            )
        )
    return terms


def make_text(megabytes, stop_terms, rng):
    def name():
        surname = rng.choice(ROOTS) + rng.choice(MIDDLES) + rng.choice(ENDINGS)
        return f"{rng.choice(FIRST_NAMES)} {surname}"

    target = megabytes * 1_000_000
    pieces, size = [], 0
    while size < target:
        if rng.random() < 0.01:
            template = rng.choice(POSITIVES)
        else:
            template = rng.choice(KK_SENTENCES if rng.random() < 0.5 else RU_SENTENCES)
        year = rng.randint(2015, 2026)
        sentence = template.format(
            day=rng.randint(1, 28),
            month_kk=rng.choice(MONTHS_KK),
            month_ru=rng.choice(MONTHS_RU),
            name=name(),
            name2=name(),
            region=rng.choice(REGIONS),
            region_ru=rng.choice(REGIONS_RU),
            n=rng.randint(2, 900),
            m=rng.randint(100, 25_000),
            sum=f"{rng.randint(1, 900)},{rng.randint(1, 9)}",
            pct=rng.randint(1, 99),
            days=rng.choice((3, 5, 15)),
            year=year,
            year2=year + rng.randint(1, 4),
            stop=rng.choice(stop_terms).phrase,
        )
        pieces.append(sentence)
        pieces.append("\n" if rng.random() < 0.2 else " ")
        size += len(sentence.encode()) + 1
    return "".join(pieces)


def chunks(text, rng):
    position = 0
    while position < len(text):
        size = rng.randint(2_500, 10_000)  # characters: 5-20 KB of mostly two-byte Cyrillic
        yield text[position : position + size]
        position += size


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=20)
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    rng = random.Random(20260101)  # reproducible data
    terms = make_stop_list(args.terms, rng)
    built = time.perf_counter()
    stop_list = StopList(terms)
    built = time.perf_counter() - built
    pieces = list(chunks(make_text(args.megabytes, terms, rng), rng))
    total_bytes = sum(len(piece.encode()) for piece in pieces)

    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    started, cpu_started = time.perf_counter(), time.process_time()
    findings = 0
    for piece in pieces:
        findings += len(scan_text(piece, stop_list=stop_list, allow_list=AGENCY_CONTACTS))
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)

    print(
        f"{total_bytes / 1e6:.1f} MB in {len(pieces)} pieces, {elapsed:.2f} s "
        f"(CPU {cpu:.2f} s: {total_bytes / 1e6 / cpu:.1f} MB/s); "
        f"stop list built in {built * 1000:.0f} ms"
    )
    print(
        f"scanner throughput: {total_bytes / 1e6 / elapsed:.1f} MB/s ({findings} findings, {len(stop_list)} terms)"
    )


if __name__ == "__main__":
    main()

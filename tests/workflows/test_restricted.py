"""The restricted-information scanner, without the database: identifiers, markings, minors, stop list."""

import json
import re

import pytest

from tests.agency.identifiers import INVALID_VECTORS
from workflows.restricted import (
    BLOCK,
    WARN,
    AllowList,
    Finding,
    StopList,
    StopTerm,
    has_blocking,
    mask,
    normalize,
    scan_text,
)

DIGIT_CATEGORIES = {"iin", "bin", "id_document", "payment_card", "phone"}


def hits(text, **kwargs):
    """(category, matched text) pairs, checking on the way that offsets slice the original."""
    findings = scan_text(text, **kwargs)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
    return [(finding.category, text[finding.start : finding.end]) for finding in findings]


def rules(text, **kwargs):
    return [finding.rule for finding in scan_text(text, **kwargs)]


# --- ИИН / БИН (the checksum itself: tests/agency/test_identifiers.py) ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Өтініш берушінің ЖСН 900115300122 көрсетілген.", [("iin", "900115300122")]),
        ("ИИН заявителя: 050721603459.", [("iin", "050721603459")]),
        ("The applicant's IIN 850412300704 was attached.", [("iin", "850412300704")]),
        ("Заявитель 791028302728 обратился повторно.", [("iin", "791028302728")]),
        ("Серіктестіктің БСН 150340004568.", [("bin", "150340004568")]),
        ("БИН организации: 150340004568", [("bin", "150340004568")]),
        ("Supplier BIN № 150340004568", [("bin", "150340004568")]),
        # a БИН label does not turn a birth-date-shaped number into a БИН: digit 5 decides
        ("БИН 900115300122", [("iin", "900115300122")]),
        # digit 5 of 7-9 fits neither structure: reported only after a label
        ("Номер 900185300124 в реестре.", []),
        ("ИИН 900185300124", [("iin", "900185300124")]),
        ("BIN: 900185300124", [("bin", "900185300124")]),
        # grouped digits count like a compact number, except an amount followed by its unit
        ("ИИН 900115 300122", [("iin", "900115 300122")]),
        ("ЖСН: 9001 1530 0122 жазылған", [("iin", "9001 1530 0122")]),
        ("iin № 900 115 300 122.", [("iin", "900 115 300 122")]),
        ("ИИН 9001 1530 0122 2024 года", [("iin", "9001 1530 0122")]),
        ("Бюджет 900115 300122 теңге.", []),
        ("Total 9001 1530 0122 units.", [("iin", "9001 1530 0122")]),
        ("Бюджет 900 115 300 122 тенге.", []),
        ("ИИН 900 115 300 122 тенге төледі.", [("iin", "900 115 300 122")]),
        # not whole digit runs, or failing the checksum
        ("Код 1900115300122.", []),
        ("Номер 9001153001220.", []),
        *((f"Нөмір {value} тексерілді.", []) for value in INVALID_VECTORS),
    ],
)
def test_iin_and_bin(text, expected):
    assert hits(text) == expected


# --- Phones, e-mail ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Байланыс телефоны: +7 701 234 56 78.", "+7 701 234 56 78"),
        ("Телефон для справок 8 (701) 234-56-78", "8 (701) 234-56-78"),
        ("Call +7 (7172) 74-00-00 for details.", "+7 (7172) 74-00-00"),
        ("Звоните 87012345678!", "87012345678"),
        ("тел.+77012345678", "+77012345678"),
        ("Қоңырау шалыңыз: 8 727 123 45 67", "8 727 123 45 67"),
        ("8-701-234-56-78", "8-701-234-56-78"),
    ],
)
def test_kazakh_phones(text, phone):
    assert hits(text) == [("phone", phone)]


@pytest.mark.parametrize(
    "text",
    [
        "Московский номер +7 916 123-45-67 не казахстанский.",
        "Звоните 8 916 123 45 67",
        "Программа на 2024-2025 годы.",
        "Order 40012345678 was shipped.",
        "Заказ № 12345678901 оформлен.",
        "В 8 классах 701 ученик.",
        "Сумма 8 750 000 000 тенге.",
    ],
)
def test_not_kazakh_phones(text):
    assert hits(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Сұрақтарды press@gov.kz адресіне жіберіңіз.", "press@gov.kz"),
        ("Пишите: Ivan.Petrov+news@mail.ru.", "Ivan.Petrov+news@mail.ru"),
        ("Contact anna_b@ministry.gov.kz today", "anna_b@ministry.gov.kz"),
    ],
)
def test_email(text, address):
    assert hits(text) == [("email", address)]


@pytest.mark.parametrize("text", ["Follow @baspasoz on social media.", "a@b", "x @ y.kz"])
def test_not_email(text):
    assert hits(text) == []


# --- ID documents, IBAN, payment cards -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Паспорт N12345678 выдан МВД.", [("id_document", "N12345678")]),
        ("Passport number: N12345678", [("id_document", "N12345678")]),
        ("Артикул AB12345678 на складе.", []),
        ("Model X123456789 is out of stock.", []),
        ("Code SKU-N12345678 reserved.", []),
        ("удостоверение личности № 012345678 выдано", [("id_document", "012345678")]),
        ("Номер уд. личности 012345678.", [("id_document", "012345678")]),
        ("№ уд. 012345678", [("id_document", "012345678")]),
        ("Жеке куәлік нөмірі: 012345678.", [("id_document", "012345678")]),
        ("012345678 нөмірлі жеке куәлігі жоғалды", [("id_document", "012345678")]),
        ("Her ID card 012345678 expired.", [("id_document", "012345678")]),
        ("Identity card no. 012345678", [("id_document", "012345678")]),
        ("Тираж составил 012345678 экземпляров.", []),
        ("Бюджет 123456789 теңге құрады.", []),
        (
            "Удостоверение выдано в прошлом году, а отдельно сообщаем, что тираж 012345678.",
            [],
        ),
    ],
)
def test_id_documents(text, expected):
    assert hits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ИИК: KZ86125KZT5004100100.", [("iban", "KZ86125KZT5004100100")]),
        ("Шот KZ86 125K ZT50 0410 0100 бойынша", [("iban", "KZ86 125K ZT50 0410 0100")]),
        ("IBAN kz86125kzt5004100100", [("iban", "kz86125kzt5004100100")]),
        ("ИИК KZ87125KZT5004100100", []),
        ("Код XKZ86125KZT5004100100", []),
    ],
)
def test_iban(text, expected):
    assert hits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Карта 4111 1111 1111 1111 заблокирована.", [("payment_card", "4111 1111 1111 1111")]),
        ("Card 4111-1111-1111-1111", [("payment_card", "4111-1111-1111-1111")]),
        ("Карта нөмірі 4111111111111111", [("payment_card", "4111111111111111")]),
        ("Mastercard 5555 5555 5555 4444", [("payment_card", "5555 5555 5555 4444")]),
        ("Карта 4111 1111 1111 1112 заблокирована.", []),
        ("Штрихкод 9870000000007", []),
        ("Баланс 4111 1111 1111 1111 1111 1111", []),
    ],
)
def test_payment_cards(text, expected):
    assert hits(text) == expected


# --- Secrecy markings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ДСП\nО ходе проверки", ["secrecy.ru.dsp"]),
        ("Экз. № 2", ["secrecy.ru.copy_number"]),
        ("СЕКРЕТНО\nЭкз. № 2\nПротокол", ["secrecy.ru.secret", "secrecy.ru.copy_number"]),
        ("Секретно, экз. № 1", ["secrecy.ru.secret", "secrecy.ru.copy_number"]),
        ("«Секретно»", ["secrecy.ru.secret"]),
        ("Документ под грифом секретно передан.", ["secrecy.ru.secret"]),
        ("Отчёт (секретно) направлен в министерство.", ["secrecy.ru.secret"]),
        ("СОВЕРШЕННО СЕКРЕТНО", ["secrecy.ru.top_secret"]),
        ("Справка. Совершенно секретно.", ["secrecy.ru.top_secret"]),
        ("Для служебного пользования", ["secrecy.ru.dsp_phrase"]),
        ("Материал для служебного пользования, экз. единственный", ["secrecy.ru.dsp_phrase"]),
        ("ОСОБОЙ ВАЖНОСТИ", ["secrecy.ru.special_importance"]),
        ("Конфиденциально", ["secrecy.ru.confidential"]),
        ("Не для печати", ["secrecy.ru.not_for_print"]),
        ("Қызмет бабында пайдалану үшін", ["secrecy.kk.kbp_phrase"]),
        ("ҚБП\nЖиналыс хаттамасы", ["secrecy.kk.kbp"]),
        ("Құжаттың ҚБП белгісі бар.", ["secrecy.kk.kbp"]),
        ("ҚҰПИЯ\nЖиналыс хаттамасы", ["secrecy.kk.secret"]),
        ("«Құпия» грифі бар құжат", ["secrecy.kk.secret"]),
        ("Өте құпия", ["secrecy.kk.top_secret"]),
        ("Жасырын", ["secrecy.kk.confidential"]),
        ("Дана № 1", ["secrecy.kk.copy_number"]),
        ("For official use only", ["secrecy.en.official_use"]),
        ("OFFICIAL USE ONLY", ["secrecy.en.official_use"]),
        ("Top secret", ["secrecy.en.top_secret"]),
        ("CONFIDENTIAL\nMinutes of the meeting", ["secrecy.en.confidential"]),
        ("Strictly confidential", ["secrecy.en.confidential"]),
        ("The file was marked confidential.", ["secrecy.en.confidential"]),
        ('A document with the marking "Secret" leaked.', ["secrecy.en.secret"]),
    ],
)
def test_markings(text, expected):
    assert rules(text) == expected
    assert rules(text, stop_list=StopList([])) == expected
    assert all(finding.severity == BLOCK for finding in scan_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "Не секрет, что бюджет вырос.",
        "Секретно ли это?",
        "Это не секретно.",
        "Шеф раскрыл секретный ингредиент.",
        "Задача особой важности решена.",
        "Закуплены плиты ДСП для школ.",
        "Дсп и другие аббревиатуры.",
        "Бұл ақпарат құпия емес.",
        "Кездесу өте құпия түрде өтті.",
        "Жасырын дауыс беру өтті.",
        "Бұл аса маңызды мәселе.",
        "Құпия сөзді ешкімге айтпаңыз.",
        "The secret of success is hard work.",
        "We had a confidential conversation with parents.",
        "THE SECRET OF SUCCESS",
        "Nothing here is not confidential.",
        "Сатылған 5 дана тауар.",
    ],
)
def test_ordinary_words_are_not_markings(text):
    assert rules(text) == []


def test_markings_respect_languages():
    assert rules("ДСП\nҚБП\nTop secret", languages={"kk"}) == ["secrecy.kk.kbp"]
    assert rules("ДСП\nҚБП\nTop secret", languages={"en"}) == ["secrecy.en.top_secret"]


# --- Minors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Задержан 16-летний подозреваемый.", "ru"),
        ("Потерпевшим признан несовершеннолетний житель Астаны.", "ru"),
        ("Школьница стала потерпевшей по делу о мошенничестве.", "ru"),
        ("Обвиняемый подросток находится под домашним арестом.", "ru"),
        ("Ребёнок, которого признали потерпевшим, уже дома.", "ru"),
        ("Кәмелетке толмаған күдікті ұсталды.", "kk"),
        ("Жәбірленуші оқушы ауруханаға жеткізілді.", "kk"),
        ("Жасөспірім айыпталушы ретінде танылды.", "kk"),
        ("The victim, a juvenile, was taken to hospital.", "en"),
        ("Police detained a minor on Tuesday.", "en"),
        ("The suspect is a 15-year-old schoolboy.", "en"),
    ],
)
def test_minor_near_victim_or_suspect(text, language):
    for stop_list in (None, StopList([])):
        findings = scan_text(text, stop_list=stop_list)
        assert [(f.category, f.rule, f.severity) for f in findings] == [
            ("minor", f"minor.{language}", WARN)
        ]


@pytest.mark.parametrize(
    "text",
    [
        "Школьники посетили музей.",
        "Оқушылар олимпиадада жеңді.",
        "Children visited the ministry.",
        "The victim suffered minor injuries.",
        "Подозреваемый задержан. В тот же день в школе прошёл утренник для детей.",
        "Потерпевший обратился в полицию. Его ребёнок в безопасности.",
        "Подозреваемый задержан на границе после долгого преследования через три области, а в это время дети",
    ],
)
def test_minor_alone_is_clean(text):
    assert hits(text) == []


def test_minors_respect_languages():
    assert hits("Задержан несовершеннолетний.", languages={"kk", "en"}) == []
    assert hits("Задержан несовершеннолетний.", languages={"ru"}) == [
        ("minor", "Задержан несовершеннолетний")
    ]


# --- Stop list -----------------------------------------------------------------------------

STOP_TERMS = [
    StopTerm("Иванов Сергей", BLOCK, "Court decision No. 2-123 of 01.02.2026", "stop_list.1", "ru"),
    StopTerm("Алматы облысы", WARN, "Prosecutor's request No. 7", "stop_list.2", "kk"),
    StopTerm("Нұрлан", BLOCK, "Court decision No. 2-124", "stop_list.3"),
    StopTerm("кот", WARN, "Test term", "stop_list.4"),
    StopTerm("Ёлкин", BLOCK, "Test term", "stop_list.5"),
    StopTerm("ТОО Ақ Жол", BLOCK, "Register of banned organisations, item 12", "stop_list.6"),
    StopTerm("Acme Holdings", WARN, "Court decision No. 9", "stop_list.7", "en"),
]


@pytest.fixture(scope="module")
def stop_list():
    return StopList(STOP_TERMS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Иванов Сергей вызван в суд.", [("stop_list.1", "Иванов Сергей")]),
        ("Вызвали Иванова Сергея.", [("stop_list.1", "Иванова Сергея")]),
        ("Встреча с Ивановым  Сергеем.", [("stop_list.1", "Ивановым  Сергеем")]),
        ("ИВАНОВ\nСЕРГЕЙ", [("stop_list.1", "ИВАНОВ\nСЕРГЕЙ")]),
        ("Иванов Сергеевич выступил.", []),
        ("Ивановский Сергей выступил.", []),
        ("Алматы облысы әкімдігі", [("stop_list.2", "Алматы облысы")]),
        ("Алматы облысының әкімі", [("stop_list.2", "Алматы облысының")]),
        ("АЛМАТЫ ОБЛЫСЫНДА", [("stop_list.2", "АЛМАТЫ ОБЛЫСЫНДА")]),
        ("Алматинская область", []),
        ("Нұрланға хат жазды.", [("stop_list.3", "Нұрланға")]),
        ("Нұрланның інісі", [("stop_list.3", "Нұрланның")]),
        ("Нурланга позвонили.", [("stop_list.3", "Нурланга")]),
        ("Нурлан Әбішұлы", [("stop_list.3", "Нурлан")]),
        ("Нұрланұлы Бекзат", []),
        ("Кот сидит. Кота покормили.", [("stop_list.4", "Кот"), ("stop_list.4", "Кота")]),
        ("Котлета и скот.", []),
        ("Елкина уволили.", [("stop_list.5", "Елкина")]),
        ("ТОО «Ақ Жол» закрыто.", [("stop_list.6", "ТОО «Ақ Жол")]),
        ("Acme Holdings' shares", [("stop_list.7", "Acme Holdings")]),
    ],
)
def test_stop_list(stop_list, text, expected):
    found = [(f.rule, text[f.start : f.end]) for f in scan_text(text, stop_list=stop_list)]
    assert found == expected


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        # Possessive, plural and case chains, and a devoiced final letter: the Kazakh grammar.
        ("Ақпарат министрлігі", "Ақпарат министрлігінің өкілі", "Ақпарат министрлігінің"),
        ("бағдарлама", "Бағдарламамыздың мақсаты", "Бағдарламамыздың"),
        ("кітап", "Кітабымызда жазылған", "Кітабымызда"),
        ("журналист", "Журналиске хат келді", "Журналиске"),
        ("облыс", "облыстарымыздың әкімдері", "облыстарымыздың"),
        ("область", "пять областей", "областей"),
        ("Иванова", "у Ивановой", "Ивановой"),
        # Look-alikes that are other words.
        ("Иванова", "Иванов пришёл", None),
        ("Иванов", "село Ивановка", None),
        ("Ёлкин", "ёлки в парке", None),
        ("Ахмет", "Ахметтай келді", None),
    ],
)
def test_stop_list_reads_word_forms_with_the_kernel_analyser(phrase, text, expected):
    found = StopList([StopTerm(phrase, WARN, "Test term", "stop_list.8")]).find(text)
    assert [text[f.start : f.end] for f in found] == ([expected] if expected else [])


def test_stop_list_finding_carries_term_data(stop_list):
    [finding] = stop_list.find("Вызвали Иванова Сергея.")
    assert finding.category == "stop_list"
    assert finding.severity == BLOCK
    assert finding.legal_basis == "Court decision No. 2-123 of 01.02.2026"
    assert finding.excerpt == "Иванова Сергея"
    assert len(stop_list) == len(STOP_TERMS)


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (None, ["stop_list.1", "stop_list.2", "stop_list.3"]),
        ({"ru"}, ["stop_list.1", "stop_list.3"]),
        ({"kk"}, ["stop_list.2", "stop_list.3"]),
        ({"en"}, ["stop_list.3"]),
    ],
)
def test_stop_list_languages(stop_list, languages, expected):
    text = "Иванов Сергей, Алматы облысы, Нұрлан"
    assert [f.rule for f in stop_list.find(text, languages)] == expected
    assert [f.rule for f in scan_text(text, stop_list=stop_list, languages=languages)] == expected


def test_stop_term_that_is_also_scanner_vocabulary():
    stop_list = StopList([StopTerm("Жасырын", WARN, "Test term", "stop_list.9")])
    assert rules("Жасырын", stop_list=stop_list) == ["secrecy.kk.confidential", "stop_list.9"]


def test_empty_stop_list():
    assert StopList([]).find("Иванов Сергей") == []
    assert len(StopList([StopTerm("  ", BLOCK, "", "stop_list.0")])) == 0


# --- Allow list, masking, findings ---------------------------------------------------------


def test_allow_list_suppresses_only_the_agencys_own_contacts():
    allow = AllowList.build(phones=["+7 (7172) 74-00-00"], emails=[" Press@Gov.kz "])
    assert allow.phones == frozenset({"7172740000"})
    assert allow.emails == frozenset({"press@gov.kz"})
    text = (
        "Пресс-служба: 8 (7172) 74-00-00, press@gov.kz. Заявитель: +7 701 234 56 78, ivan@mail.kz"
    )
    assert hits(text, allow_list=allow) == [
        ("phone", "+7 701 234 56 78"),
        ("email", "ivan@mail.kz"),
    ]
    assert len(hits(text)) == 4


@pytest.mark.parametrize(
    ("category", "raw", "masked"),
    [
        ("iin", "900115300122", "90••••••••22"),
        ("bin", "150340004568", "15••••••••68"),
        ("phone", "+7 701 234 56 78", "+7 7•• ••• •• 78"),
        ("id_document", "N12345678", "N1•••••78"),
        ("payment_card", "4111 1111 1111 1111", "41•• •••• •••• ••11"),
        ("iban", "KZ86125KZT5004100100", "KZ86••••••••••••••00"),
        ("email", "ivan.petrov@mail.kz", "i•••@mail.kz"),
        ("secrecy_marking", "Для служебного\nпользования", "Для служебного пользования"),
        ("unknown", "abc123", "••••••"),
    ],
)
def test_mask(category, raw, masked):
    assert mask(category, raw) == masked


def test_long_phrases_are_shortened():
    assert len(mask("stop_list", "слово " * 40)) == 80


PERSONAL_DATA_TEXT = (
    "ИИН 900115300122, БИН 150340004568, ЖСН 9001 1530 0122, тел. +7 701 234 56 78, "
    "8 (7172) 74-00-00, паспорт N12345678, удостоверение личности 012345678, "
    "KZ86 125K ZT50 0410 0100, карта 4111 1111 1111 1111, почта ivan.petrov@mail.kz"
)


def test_masking_never_reveals_more_than_two_and_two_digits():
    findings = scan_text(PERSONAL_DATA_TEXT)
    assert {f.category for f in findings} == {
        "iin",
        "bin",
        "phone",
        "id_document",
        "iban",
        "payment_card",
        "email",
    }
    for finding in findings:
        raw = PERSONAL_DATA_TEXT[finding.start : finding.end]
        assert raw not in finding.excerpt
        if finding.category in DIGIT_CATEGORIES:
            assert len(re.findall(r"\d", finding.excerpt)) <= 4
        assert "@" in finding.excerpt or finding.category != "email"


def test_strong_identifiers_win_overlaps():
    assert hits("900115300122@mail.kz") == [("iin", "900115300122")]
    assert hits("87012345678@mail.kz") == [("email", "87012345678@mail.kz")]
    assert hits("ИИН 900115300122 тел 87012345678") == [
        ("iin", "900115300122"),
        ("phone", "87012345678"),
    ]


def test_findings_are_sorted_and_json_safe():
    findings = scan_text(PERSONAL_DATA_TEXT + "\nДСП", field="body[3].text")
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert all(f.field == "body[3].text" for f in findings)
    payload = json.loads(json.dumps([f.as_dict() for f in findings]))
    assert set(payload[0]) == {
        "category",
        "severity",
        "rule",
        "start",
        "end",
        "excerpt",
        "legal_basis",
        "field",
        "fingerprint",
    }
    assert all(item["legal_basis"] for item in payload)


def test_fingerprint_follows_the_value_not_its_position():
    first = scan_text("ИИН 900115300122")[0]
    moved = scan_text("Өтініш. ИИН 9001 1530 0122")[0]
    other = scan_text("ИИН 050721603459")[0]
    assert first.start != moved.start
    assert first.fingerprint == moved.fingerprint != other.fingerprint
    assert re.fullmatch(r"[0-9a-f]{64}", first.fingerprint)
    assert "900115300122" not in first.fingerprint


def test_with_field_and_has_blocking():
    finding = Finding("phone", WARN, "phone.kz", 0, 5, "•••", "basis")
    assert finding.with_field("title").field == "title"
    assert not has_blocking([finding])
    assert has_blocking([finding, finding.__class__("iin", BLOCK, "iin.checksum", 0, 1, "", "")])
    assert not has_blocking([])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ҚАЗАҚСТАН", "казакстан"),
        ("Ёлка ӘҒҚҢӨҰҮҺІ", "елка агкноуухи"),
        ("İstanbul", "İstanbul"),
        ("Latin A and Cyrillic А", "latin a and cyrillic а"),
        ("", ""),
    ],
)
def test_normalize_keeps_length(text, expected):
    assert normalize(text) == expected
    assert len(normalize(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Тел.: +7\u00a0701\u00a0234\u00a056\u00a078",
            [("phone", "+7\u00a0701\u00a0234\u00a056\u00a078")],
        ),
        ("ИИН\u00a0900115\u202f300122", [("iin", "900115\u202f300122")]),
        (
            "😀🇰🇿 ИИН 900115300122 😀 press@gov.kz",
            [("iin", "900115300122"), ("email", "press@gov.kz")],
        ),
        ("Жеке куәлік 👉 012345678", [("id_document", "012345678")]),
    ],
)
def test_offsets_with_unusual_characters(text, expected):
    assert hits(text) == expected


def test_clean_press_release():
    text = (
        "Министрлік 2025 жылы 1 250 өтінішті қарады. Министр 15 қаңтарда брифинг өткізді.\n"
        "Министерство рассмотрело 1 250 обращений в 2024-2025 годах; бюджет 12,5 млрд тенге.\n"
        "The ministry answered every request within 15 days."
    )
    assert scan_text(text) == []
    assert scan_text("") == []

"""Dates of birth next to a name, vehicle plates and the vocabulary of protected secrets, with
the look-alikes that must stay clean."""

import pytest

from workflows.restricted import CATEGORIES, WARN, scan_text
from workflows.restricted.findings import LEGAL_BASIS


def hits(text, category, **kwargs):
    return [
        (f.rule, text[f.start : f.end]) for f in scan_text(text, **kwargs) if f.category == category
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Ахметов Серік, 12.03.1985 ж.т., Алматы қаласының тұрғыны.", "12.03.1985 ж.т."),
        ("Иванов Иван Петрович родился 12 марта 1985 года.", "родился 12 марта 1985"),
        ("John Smith, born on 1985-03-12, was detained.", "born on 1985-03-12"),
        ("Mary Jones (born March 12, 1985) spoke.", "born March 12, 1985"),
        ("Асқаров Ерлан 1985 жылғы 12 наурызда туған.", "1985 жылғы 12 наурызда туған"),
        ("Задержан Петров А.Б., 1985 г.р.", "1985 г.р."),
        ("Сидорова Анна, дата рождения: 01/02/1990.", "рождения: 01/02/1990"),
    ],
)
def test_birth_date_next_to_a_name(text, span):
    assert hits(text, "birth_date") == [("birth_date.near_name", span)]


@pytest.mark.parametrize(
    "text",
    [
        "Брифинг 12.03.2026 өтеді, Министр Ахметов Серік қатысады.",  # the date of an event
        "Министрлік 1995 жылы 12 наурызда құрылған.",
        "Born on 1985-03-12.",  # no name
        "день рождения ведомства 12.03.1985",
        "Абай Құнанбайұлы 1845 жылы туған.",  # history, not personal data
        "Ахметов Серік 12.03.1985 марапатталды.",  # a date without a birth word
        "Жылдың басынан бері 1985 адам тіркелді, Нұр-Сұлтан қаласында.",
    ],
)
def test_dates_that_are_not_dates_of_birth(text):
    assert hits(text, "birth_date") == []


def test_a_date_of_birth_is_masked():
    [finding] = [
        f for f in scan_text("Ахметов Серік, 12.03.1985 ж.т.") if f.category == "birth_date"
    ]
    assert finding.excerpt == "••.••.•••• ж.т."
    assert finding.severity == WARN


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("Автокөлік 123 ABC 02 тоқтатылды.", "vehicle_plate.individual", "123 ABC 02"),
        ("Госномер 123ABC02, водитель скрылся.", "vehicle_plate.individual", "123ABC02"),
        ("ТОО автомобилі 456 AB 17 нөмірімен.", "vehicle_plate.legal", "456 AB 17"),
        ("The car (777KZA01) was found.", "vehicle_plate.individual", "777KZA01"),
    ],
)
def test_vehicle_plates(text, rule, span):
    assert hits(text, "vehicle_plate") == [(rule, span)]


@pytest.mark.parametrize(
    "text",
    [
        "Модель 123ABC02 жаңа.",  # a product code
        "Артикул 500ABC01.",
        "SKU 123ABC02",
        "Салмағы 100 KG 05 партия.",  # a unit
        "Бағасы 500 USD 10 дана.",
        "2024 ABC 02",  # a year
        "ISO 9001 стандарты",
        "8 701 234 56 78",  # a phone
        "123ABC021",  # longer than a plate
        "123 ABC 25",  # no such region
        "A123ABC02",
        "123abc02",  # plates are written in capitals
        "Код: 123AB02",
    ],
)
def test_plate_look_alikes_stay_clean(text):
    assert hits(text, "vehicle_plate") == []


@pytest.mark.parametrize(
    ("text", "rule", "span", "language"),
    [
        (
            "Сведения, составляющие государственную тайну.",
            "secret_vocabulary.state",
            "государственную тайну",
            "ru",
        ),
        ("Банктік құпияны сақтау міндеті.", "secret_vocabulary.bank", "Банктік құпияны", "kk"),
        ("He leaked trade secrets.", "secret_vocabulary.commercial", "trade secrets", "en"),
        (
            "Данные досудебного расследования не разглашаются.",
            "secret_vocabulary.investigation",
            "Данные досудебного расследования",
            "ru",
        ),
        (
            "Медицина қызметкерінің құпиясы қорғалады.",
            "secret_vocabulary.medical",
            "Медицина қызметкерінің құпиясы",
            "kk",
        ),
    ],
)
def test_protected_secret_vocabulary(text, rule, span, language):
    assert hits(text, "secret_vocabulary", languages=[language]) == [(rule, span)]
    other = "en" if language != "en" else "ru"
    assert hits(text, "secret_vocabulary", languages=[other]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Государственный секретарь выступил.",
        "Тайна вклада гарантирована.",
        "Құпиясөзді ешкімге айтпаңыз.",
        "The secretary of state arrived.",
    ],
)
def test_secret_vocabulary_look_alikes_stay_clean(text):
    assert hits(text, "secret_vocabulary") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ДСП", True),
        ("Құжатта «ДСП» белгісі бар.", True),
        ("Мебель из ДСП-плиты.", False),  # chipboard
        ("ДСП-плита 16 мм", False),
        ("Шкаф, корпус ЛДСП", False),  # laminated chipboard: not a whole word
        ("ДСП, 16 мм, ламинированная", False),
        ("дсп", False),  # the marking is written in capitals
    ],
)
def test_dsp_is_judged_by_its_neighbours(text, found):
    assert bool(hits(text, "secrecy_marking")) is found


def test_new_categories_have_a_severity_and_a_legal_basis():
    for category in ("birth_date", "vehicle_plate", "secret_vocabulary"):
        assert CATEGORIES[category] == WARN
    assert LEGAL_BASIS["birth_date"].startswith("Law on Personal Data")
    assert LEGAL_BASIS["vehicle_plate"].startswith("Law on Personal Data")
    finding = next(
        f for f in scan_text("Коммерциялық құпия туралы.") if f.category == "secret_vocabulary"
    )
    assert "AIL Art. 1 p.8" in finding.legal_basis

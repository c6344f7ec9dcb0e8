"""The word analysers: every form of a word gives one stem, unrelated words different ones."""

import pytest

from agency.analysis import (
    analyse,
    fold,
    forms_prefix,
    looks_like_surname,
    same_word,
    stem,
    stem_as_written,
    tokenise,
    word_spans,
)

KAZAKH_FORMS = {
    "журналист": [
        "журналист",
        "журналистер",
        "журналистерге",
        "журналистердің",
        "журналистерді",
        "журналистермен",
        "журналистің",
        "журналистке",
        "журналиске",
        "журналистеріміздің",
    ],
    "министрлік": [
        "министрлік",
        "министрлігі",
        "министрлігіне",
        "министрлігінің",
        "министрліктің",
        "министрлікке",
        "министрліктер",
    ],
    "бюджет": ["бюджет", "бюджетке", "бюджеттің", "бюджеттен", "бюджеті", "бюджетті"],
    "ахметов": ["Ахметов", "Ахметовтың", "Ахметовқа", "Ахметовпен"],
    "заң": ["заң", "заңы", "заңның", "заңдар", "заңға"],
    "адам": ["адам", "адамдар", "адамның", "адамға"],
    "қала": ["қала", "қалалар", "қаланың", "қалада", "қалаға", "қаласы"],
    "бағдарлама": ["бағдарлама", "бағдарламасы", "бағдарламаның", "бағдарламалар"],
    "жаңалық": ["жаңалық", "жаңалықтар", "жаңалығы", "жаңалықтары"],
    "азамат": ["азамат", "азаматтар", "азаматтарға", "азаматтың"],
    "көмек": ["көмек", "көмегі"],
    "түзету": ["түзету", "түзетуі", "түзетулер", "түзетуге", "түзетудің"],
    "облыс": ["облыс", "облысы", "облысының", "облысына", "облыстың", "облыстар"],
    "жұмыс": ["жұмыс", "жұмысы", "жұмысын", "жұмысына", "жұмыстың"],
    "мәжіліс": ["мәжіліс", "мәжілісі", "мәжілісінің"],
    "жоба": ["жоба", "жобасы", "жобасының", "жобалар"],
    "жүйе": ["жүйе", "жүйесі", "жүйесінің"],
}

RUSSIAN_FORMS = {
    "журналист": ["журналист", "журналиста", "журналистов", "журналистам", "журналистами"],
    "бюджет": ["бюджет", "бюджета", "бюджетом", "бюджете", "бюджеты"],
    "министерство": ["министерство", "министерства", "министерству", "министерством"],
    "ёлка": ["ёлка", "елки"],
}

ENGLISH_FORMS = {
    "journalist": ["journalist", "journalists", "Journalist's"],
    "budget": ["budget", "budgets", "budgeting"],
    "publish": ["publish", "published", "publishing"],
}


def _cases(table, language):
    return [
        pytest.param(language, word, form, id=f"{language}-{form}")
        for word, forms in table.items()
        for form in forms
    ]


@pytest.mark.parametrize(
    ("language", "word", "form"),
    _cases(KAZAKH_FORMS, "kk") + _cases(RUSSIAN_FORMS, "ru") + _cases(ENGLISH_FORMS, "en"),
)
def test_every_form_has_the_stem_of_the_dictionary_form(language, word, form):
    assert analyse(form, language) == analyse(word, language)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("заң", "заң"),
        ("адам", "адам"),
        ("қала", "қала"),
        ("үй", "үй"),
        ("бағдарлама", "бағдарлама"),
        ("бастама", "бастама"),
        ("министрлігі", "министрлік"),
        ("жаңалығы", "жаңалық"),
        ("мен", "мен"),
    ],
)
def test_kazakh_words_are_not_over_stripped(word, expected):
    assert stem(word, "kk") == expected


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("kk", ["бас", "бастама", "баспасөз", "бастық"]),
        ("kk", ["жыл", "жылғы", "жылқы"]),
        ("kk", ["заң", "заңгер", "заңдылық"]),
        ("kk", ["қала", "қалың", "қалау"]),
        ("kk", ["министр", "министрлік"]),
        ("kk", ["журналист", "журналистика", "журналистік"]),
        ("ru", ["журналист", "журнал", "журналистика"]),
        ("en", ["journal", "journalist", "journey"]),
    ],
)
def test_unrelated_look_alikes_keep_different_stems(language, words):
    stems = [stem(word, language) for word in words]
    assert len(set(stems)) == len(words), dict(zip(words, stems, strict=True))


def test_tokenise_keeps_letters_and_digits_and_kazakh_letters():
    assert tokenise("ӘҒҚҢӨҰҮҺІ әлем, 2025 жыл! (test_case)", "kk") == [
        "әғқңөұүһі",
        "әлем",
        "2025",
        "жыл",
        "test",
        "case",
    ]


def test_a_kazakh_ending_after_a_hyphen_belongs_to_the_word_before():
    assert analyse("ЭЦҚ-ны ХҚКО-да алуға", "kk") == ["эцқ", "хқко", "алу"]
    assert analyse("онлайн-қызмет", "kk") == ["онлайн", "қызмет"]


def test_analyse_follows_the_language():
    assert analyse("Бюджетом журналистов", "ru") == ["бюджет", "журналист"]
    assert analyse("Budgets of journalists", "en") == ["budget", "of", "journalist"]
    assert analyse("", "kk") == []
    assert analyse("слово", "de") == ["слово"]


RUSSIAN_NAME_FORMS = {
    "ахметов": ["Ахметов", "Ахметова", "Ахметову", "Ахметовым", "Ахметове", "Ахметовой"],
    "ахметовы": ["Ахметовы", "Ахметовых", "Ахметовыми"],
    "токаев": ["Токаев", "Токаева", "Токаеву", "Токаевым"],
    "пушкин": ["Пушкин", "Пушкина", "Пушкину", "Пушкиным", "Пушкиной"],
    "ахметович": ["Ахметович", "Ахметовича", "Ахметовичу", "Ахметовичем"],
    "ахметовна": ["Ахметовна", "Ахметовны", "Ахметовне", "Ахметовной", "Ахметовну"],
    "достоевский": ["Достоевский", "Достоевского", "Достоевскому", "Достоевским"],
    "нурлан": ["Нурлан", "Нурлана", "Нурлану", "Нурланом", "Нурлане"],
    "досым": ["Досым", "Досыма", "Досыму", "Досымом"],
    "сергей": ["Сергей", "Сергея", "Сергею", "Сергеем"],
    "абай": ["Абай", "Абая", "Абаю", "Абаем"],
    "казахстан": ["Казахстан", "Казахстана", "Казахстану", "Казахстаном", "Казахстане"],
    "астана": ["Астана", "Астаны", "Астане", "Астану", "Астаной"],
}


@pytest.mark.parametrize(
    ("name", "form"),
    [
        pytest.param(name, form, id=form)
        for name, forms in RUSSIAN_NAME_FORMS.items()
        for form in forms
    ],
)
def test_every_case_of_a_capitalised_russian_name_has_one_stem(name, form):
    assert stem_as_written(form, "ru") == stem_as_written(name.capitalize(), "ru")


def test_a_surname_is_not_its_root_first_name():
    assert stem_as_written("Ахметов", "ru") != stem_as_written("Ахмет", "ru")
    assert stem_as_written("Иванову", "ru") != stem_as_written("Ивану", "ru")
    # Snowball alone confuses them: the nominative loses -ов as if a genitive plural.
    assert stem("ахметов", "ru") == stem("ахмет", "ru")


def test_lower_case_and_other_languages_keep_the_plain_stem():
    assert stem_as_written("министерству", "ru") == stem("министерству", "ru")
    assert stem_as_written("Министерству", "ru") == stem("министерству", "ru")
    assert stem_as_written("Ахметовтың", "kk") == stem("ахметовтың", "kk") == "ахметов"
    assert stem_as_written("Ministries", "en") == stem("ministries", "en")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Ахметов", True),
        ("Ахметовой", True),
        ("Пушкиным", True),
        ("Ахметовичем", True),
        ("Достоевского", True),
        ("Министерство", False),
        ("Казахстан", False),
        ("Нурлан", False),
    ],
)
def test_surname_forms_are_recognised(word, expected):
    assert looks_like_surname(word, "ru") is expected
    assert looks_like_surname(word, "kk") is False


def test_word_spans_give_the_words_as_written_with_their_offsets():
    text = "Пресс-служба: ЭЦҚ-ны «Ахметов’s»"
    assert word_spans(text, "ru") == [
        ("Пресс", 0, 5),
        ("служба", 6, 12),
        ("ЭЦҚ", 14, 17),
        ("ны", 18, 20),
        ("Ахметов's", 22, 31),
    ]
    kazakh = word_spans("ЭЦҚ-ны онлайн-қызмет", "kk")
    assert kazakh == [("ЭЦҚ", 0, 6), ("онлайн", 7, 13), ("қызмет", 14, 20)]
    assert [word.lower() for word, _start, _end in kazakh] == tokenise("ЭЦҚ-ны онлайн-қызмет", "kk")


# A word, forms of it (in any of kk, ru, en, as a stop-list meets them), and look-alikes that
# are other words.
SAME_WORD = {
    "Иванов": (
        ["Иванов", "Иванова", "Иванову", "Ивановым", "ИВАНОВ", "Ивановтың", "Ивановқа"],
        ["Иван", "Ивановский", "Ивановка", "Иванович"],
    ),
    "Иванова": (["Иванова", "Ивановой", "Иванову", "Ивановаға"], ["Иванов", "Ивановым"]),
    "Ивановская": (["Ивановская", "Ивановской", "Ивановскую"], ["Ивановский", "Ивановского"]),
    "Сергей": (["Сергей", "Сергея", "Сергеем", "Сергейге"], ["Сергеевич", "Сергеев"]),
    "Нұрлан": (
        ["Нұрланға", "Нұрланның", "Нұрланды", "Нурлан", "Нурланга", "Нурлану"],
        ["Нұрланұлы", "Нұрлы", "Нурла"],
    ),
    "Ёлкин": (["Елкин", "Ёлкина", "Елкиным"], ["ёлки"]),
    "Пушкин": (["Пушкина", "Пушкинге"], ["пушки"]),
    "Максим": (["Максима", "Максимом"], ["Макс"]),
    "облысы": (["облысының", "ОБЛЫСЫНДА", "облысына", "облыстың"], ["область", "облысшы"]),
    "министрлік": (
        [
            "министрлігі",
            "министрлігінің",
            "министрліктер",
            "министрліктеріміздің",
        ],
        ["министр", "министрлер"],
    ),
    "бағдарлама": (["бағдарламамыздың", "бағдарламалары", "бағдарламаға"], ["бағдар"]),
    "журналист": (["журналиске", "журналистерге", "журналиста", "журналистами"], ["журнал"]),
    "кітап": (["кітабы", "кітаптар", "кітабымызда"], ["кітапхана"]),
    "кот": (["Кот", "кота", "котом"], ["котлета", "скот", "Котов"]),
    "область": (["области", "областей", "областью"], ["областной", "облысы"]),
    "Holdings": (["holdings", "Holding"], ["holder"]),
}


@pytest.mark.parametrize(
    ("word", "form", "expected"),
    [
        pytest.param(word, form, expected, id=f"{word}-{form}")
        for word, (forms, others) in SAME_WORD.items()
        for expected, words in ((True, forms), (False, others))
        for form in words
    ],
)
def test_same_word_knows_the_forms_of_a_word_in_every_language(word, form, expected):
    assert same_word(form, word) is expected


@pytest.mark.parametrize("word", [word for word, (forms, _others) in SAME_WORD.items() if forms])
def test_every_form_begins_with_the_forms_prefix(word):
    prefix = forms_prefix(word)
    assert prefix
    for form in SAME_WORD[word][0]:
        assert fold(form.lower()).startswith(prefix), (form, prefix)


def test_fold_types_kazakh_letters_as_a_russian_keyboard_does():
    assert fold("әғқңөұүһіё") == "агкноуухие"

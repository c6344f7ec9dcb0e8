"""Watch terms are found in every form of their words, many at once, at the right offsets."""

import pytest

from media_watch.matching import Hit, Term, TermMatcher

MINISTRY_RU = Term("ministry-ru", "Министерство информации", "ru", "agency")
MINISTRY_KK = Term("ministry-kk", "Ақпарат министрлігі", "kk", "agency")
MINISTRY_EN = Term("ministry-en", "Ministry of Information", "en", "agency")
HEAD_RU = Term("head-ru", "Ахметов", "ru", "person")
HEAD_FULL_RU = Term("head-full-ru", "Нурлан Ахметов", "ru", "person")
HEAD_KK = Term("head-kk", "Ахметов", "kk", "person")
INFORMATION_RU = Term("information-ru", "информации", "ru")
KAZAKHSTAN_RU = Term("kazakhstan-ru", "Казахстан", "ru")
PRICES_RU = Term("prices-ru", "рост цен", "ru")
PRICES_KK = Term("prices-kk", "баға өсуі", "kk")
CORRUPTION_KK = Term("corruption-kk", "сыбайлас жемқорлық", "kk")

MATCHER = TermMatcher(
    [
        MINISTRY_RU,
        MINISTRY_KK,
        MINISTRY_EN,
        HEAD_RU,
        HEAD_FULL_RU,
        HEAD_KK,
        INFORMATION_RU,
        KAZAKHSTAN_RU,
        PRICES_RU,
        PRICES_KK,
        CORRUPTION_KK,
    ]
)


def keys(hits: list[Hit]) -> list[object]:
    return [hit.term.key for hit in hits]


def assert_offsets(text: str, hits: list[Hit]) -> None:
    for hit in hits:
        assert hit.matched == text[hit.start : hit.end]


@pytest.mark.parametrize(
    "form",
    [
        "Министерство информации",
        "министерства информации",
        "министерству информации",
        "министерством информации",
        "министерстве информации",
        "МИНИСТЕРСТВО ИНФОРМАЦИИ",
    ],
)
def test_a_russian_body_is_found_in_every_case(form):
    text = f"Вчера {form} сообщило о новом порядке аккредитации."
    hits = [hit for hit in MATCHER.find(text, "ru") if hit.term == MINISTRY_RU]
    assert [hit.matched for hit in hits] == [form]
    assert_offsets(text, hits)


@pytest.mark.parametrize(
    "form",
    ["Ахметов", "Ахметова", "Ахметову", "Ахметовым", "Ахметове", "Ахметовой", "Ахметовых"],
)
def test_a_russian_surname_is_found_in_every_case(form):
    text = f"Журналисты обратились к министру. {form} ответил не сразу."
    assert keys(MATCHER.find(text, "ru")) == ["head-ru"]


@pytest.mark.parametrize(
    "text",
    [
        "Ахмет Байжанов провёл брифинг.",
        "Ахмету Байжанову вручили награду.",
        "Ахметжанов провёл брифинг.",
        "ахметовский район",
    ],
)
def test_a_surname_does_not_match_its_root_or_a_longer_name(text):
    assert keys(MATCHER.find(text, "ru")) == []


@pytest.mark.parametrize(
    "form",
    [
        "Ақпарат министрлігі",
        "Ақпарат министрлігінің",
        "Ақпарат министрлігіне",
        "Ақпарат министрлігін",
        "Ақпарат министрлігінде",
        "Ақпарат министрлігінен",
        "Ақпарат министрлігімен",
        "ақпарат министрлігі",
    ],
)
def test_a_kazakh_body_is_found_with_every_suffix(form):
    text = f"Бүгін {form} өкілі брифинг өткізді."
    hits = MATCHER.find(text, "kk")
    assert [(hit.term.key, hit.matched) for hit in hits] == [("ministry-kk", form)]
    assert_offsets(text, hits)


@pytest.mark.parametrize(
    "form",
    ["Ахметов", "Ахметовтың", "Ахметовқа", "Ахметовты", "Ахметовтан", "Ахметовта", "Ахметовпен"],
)
def test_a_surname_takes_kazakh_case_suffixes(form):
    text = f"Журналистер министр {form} туралы жазды."
    hits = MATCHER.find(text, "kk")
    assert [(hit.term.key, hit.matched) for hit in hits] == [("head-kk", form)]


def test_a_multi_word_term_matches_only_consecutive_words():
    assert keys(MATCHER.find("Министерство культуры и информации", "ru")) == ["information-ru"]
    assert keys(MATCHER.find("Министерство, информации", "ru")) == ["information-ru"]
    assert keys(MATCHER.find("Рост тарифов и цен на хлеб", "ru")) == []
    assert keys(MATCHER.find("Аналитики ожидают роста цен.", "ru")) == ["prices-ru"]
    assert keys(MATCHER.find("Азық-түлікке баға өсуінің себебі", "kk")) == ["prices-kk"]
    assert keys(MATCHER.find("Баға тұрақты, өсуі байқалмайды", "kk")) == []


def test_overlapping_and_nested_terms_are_all_reported():
    text = "Нурлану Ахметову, министру информации"
    hits = MATCHER.find(text, "ru")
    assert [(hit.term.key, hit.matched) for hit in hits] == [
        ("head-full-ru", "Нурлану Ахметову"),
        ("head-ru", "Ахметову"),
        ("information-ru", "информации"),
    ]
    nested = MATCHER.find("Министерством информации", "ru")
    assert [(hit.term.key, hit.start, hit.end) for hit in nested] == [
        ("ministry-ru", 0, 24),
        ("information-ru", 14, 24),
    ]


def test_a_term_matches_only_texts_in_its_language():
    assert keys(MATCHER.find("Ахметовқа", "kk")) == ["head-kk"]
    assert keys(MATCHER.find("Ахметову", "kk")) == []
    assert keys(MATCHER.find("Министерству информации", "kk")) == []
    assert keys(MATCHER.find("Ministry of Information", "ru")) == []
    assert MATCHER.find("Ахметову", "de") == []


def test_an_unknown_language_tries_every_term_language():
    text = "Ахметову и Ахметовқа: the Ministry of Information’s answer"
    hits = MATCHER.find(text, None)
    assert [(hit.term.key, hit.matched) for hit in hits] == [
        ("head-ru", "Ахметову"),
        ("head-kk", "Ахметовқа"),
        ("ministry-en", "Ministry of Information’s"),
    ]
    assert_offsets(text, hits)


def test_kazakh_and_russian_names_that_snowball_cuts_short():
    for form in ("Казахстан", "Казахстана", "Казахстане", "Казахстаном"):
        assert keys(MATCHER.find(f"Новости: {form} и соседи", "ru")) == ["kazakhstan-ru"]
    assert keys(MATCHER.find("Нурлан Ахметов", "ru")) == ["head-full-ru", "head-ru"]
    assert keys(MATCHER.find("Нурланом Ахметовым", "ru")) == ["head-full-ru", "head-ru"]


def test_offsets_are_right_around_hyphens_quotes_and_kazakh_endings():
    matcher = TermMatcher(
        [
            Term("e-gov", "ЭЦҚ", "kk"),
            Term("service", "онлайн қызмет", "kk"),
            Term("press", "пресс-служба", "ru"),
            Term("press-en", "press office", "en"),
        ]
    )
    kazakh = "«ЭЦҚ-ны» алу үшін онлайн-қызметке жүгініңіз."
    hits = matcher.find(kazakh, "kk")
    assert [(hit.term.key, hit.matched) for hit in hits] == [
        ("e-gov", "ЭЦҚ-ны"),
        ("service", "онлайн-қызметке"),
    ]
    assert_offsets(kazakh, hits)
    russian = "Как сообщила пресс-службе… нет, пресс-служба акимата"
    hits = matcher.find(russian, "ru")
    assert [hit.matched for hit in hits] == ["пресс-службе", "пресс-служба"]
    assert_offsets(russian, hits)
    english = "The Press Offices' statement"
    assert [hit.matched for hit in matcher.find(english, "en")] == ["Press Offices"]


def test_english_terms_match_inflected_forms():
    assert [hit.matched for hit in MATCHER.find("ministries of information", "en")] == [
        "ministries of information"
    ]


def test_a_matcher_with_no_terms_or_empty_text_finds_nothing():
    assert TermMatcher([]).find("Министерство информации", None) == []
    assert MATCHER.find("", None) == []
    assert TermMatcher([Term(1, "  «» ", "ru")]).find("«»", "ru") == []


def test_many_terms_share_one_automaton_and_the_matcher_is_reusable():
    terms = [
        Term(index, f"Ахмет{root}ов", "ru", "person") for index, root in enumerate("абвгдежзик")
    ]
    terms.append(Term("corruption", "коррупция", "ru"))
    matcher = TermMatcher(terms)
    text = "Ахметбову и Ахметиковым предъявлено обвинение в коррупции."
    assert keys(matcher.find(text, "ru")) == [1, "corruption"]
    assert keys(matcher.find(text, "ru")) == [1, "corruption"]


def test_punctuation_that_ends_a_phrase_stops_a_multi_word_term():
    assert keys(MATCHER.find("Министерство. Информации", "ru")) == ["information-ru"]
    assert keys(MATCHER.find("Рост; цен", "ru")) == []
    assert keys(MATCHER.find("«Рост» цен", "ru")) == ["prices-ru"]
    assert keys(MATCHER.find("Рост — цен", "ru")) == ["prices-ru"]
    matcher = TermMatcher([Term("mcis", "Министерство культуры, информации и спорта", "ru")])
    assert keys(matcher.find("министерством культуры, информации и спорта", "ru")) == ["mcis"]
    assert keys(matcher.find("министерством культуры информации и спорта", "ru")) == []

"""Tone: lexicon words in any form, negation in Kazakh, Russian and English, and the accuracy
on the labelled news items."""

from collections import Counter
from pathlib import Path

import pytest

from media_watch.tone import LANGUAGES, NEGATIVE, NEUTRAL, POSITIVE, Lexicon, score

LABELLED = Path(__file__).resolve().parents[2] / "media_watch" / "data" / "tone_labelled.tsv"
# Measured on the labelled set (see bench/media_watch_tone.py), a little below the figures.
MINIMUM_ACCURACY = {"kk": 0.85, "ru": 0.83, "en": 0.9}
MINIMUM_HELD_OUT_ACCURACY = 0.8


def labelled_items():
    with LABELLED.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith(("#", "split\t")) or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_lexicon_holds_a_few_hundred_entries_without_conflicts(language):
    lexicon = Lexicon.load(language)
    assert lexicon.size >= 200


def test_a_lexicon_refuses_one_stem_with_two_weights():
    with pytest.raises(ValueError, match="another weight"):
        Lexicon("ru", ["коррупция\t-2", "коррупции\t1"])


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Против чиновника возбуждено дело о коррупции."),
        ("ru", "Мэр заявил о борьбе с коррупционерами и взяточниками."),
        ("ru", "Водитель погиб в аварии на трассе."),
        ("kk", "Әкім орынбасары жемқорлыққа қатысты ұсталды."),
        ("kk", "Жемқорлықтың алдын алу бойынша жиын өтті, парақорлар жазаланды."),
        ("kk", "Тасжолдағы апаттан екі адам қаза тапты."),
        ("en", "The official was arrested for bribery."),
    ],
)
def test_inflected_forms_of_bad_words_make_a_text_negative(language, text):
    verdict = score(text, language)
    assert verdict.tone == NEGATIVE, verdict
    assert verdict.score <= -1
    assert all(reason in text for reason in verdict.reasons)


@pytest.mark.parametrize(
    ("language", "text", "reason"),
    [
        ("ru", "В селе открылась новая школа.", "открылась"),
        ("ru", "Министерство наградило журналистов почетными грамотами.", "наградило"),
        ("kk", "Ауылда жаңа мектеп ашылды.", "ашылды"),
        ("kk", "Журналистер министрдің алғыс хатымен марапатталды.", "алғыс хатымен"),
        ("en", "The new clinic was opened and residents thanked the akimat.", "thanked"),
    ],
)
def test_good_news_is_positive_and_names_its_words(language, text, reason):
    verdict = score(text, language)
    assert verdict.tone == POSITIVE, verdict
    assert reason in verdict.reasons


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Правительство рассмотрело проект бюджета на следующий год."),
        ("ru", "Министерство по чрезвычайным ситуациям провело плановое совещание."),
        ("kk", "Үкімет келесі жылға арналған бюджет жобасын қарады."),
        ("kk", "Облыс әкімі шағын бизнес өкілдерімен кездесті."),
        ("en", "The Senate returned the bill to the Mazhilis with amendments."),
    ],
)
def test_routine_news_is_neutral(language, text):
    assert score(text, language).tone == NEUTRAL


@pytest.mark.parametrize(
    ("language", "text", "tone", "reason"),
    [
        ("ru", "Школу так и не открыли.", NEGATIVE, "не + открыли"),
        ("ru", "Ремонт дороги не улучшил ситуацию.", NEGATIVE, "не + улучшил"),
        ("ru", "Пострадавших нет.", NEUTRAL, "Пострадавших + нет"),
        ("ru", "Нарушений не выявлено.", NEUTRAL, "Нарушений + не"),
        ("ru", "Рейс прошёл без происшествий и без задержек.", NEUTRAL, "без + задержек"),
        ("ru", "Ни одного нарушения не допущено.", NEUTRAL, "Ни + нарушения"),
        ("kk", "Жол жөндеуден кейін де жағдай жақсармады.", NEGATIVE, "жақсармады"),
        ("kk", "Жаңа емхана әлі ашылмады.", NEGATIVE, "ашылмады"),
        ("kk", "Шағымдар түскен жоқ.", NEUTRAL, "Шағымдар + жоқ"),
        ("kk", "Тексеру кезінде бұзушылық анықталмады.", NEUTRAL, "бұзушылық + анықталмады"),
        ("kk", "Бұл бұзушылық емес.", NEUTRAL, "бұзушылық + емес"),
        # A strong bad word negated is mildly good news: коррупции не выявлено.
        ("kk", "Бұл сыбайлас жемқорлық емес.", POSITIVE, "сыбайлас жемқорлық + емес"),
        ("kk", "Ешкім зардап шеккен жоқ.", NEUTRAL, "зардап шеккен + жоқ"),
        ("en", "The bridge was not opened on time.", NEGATIVE, "not + opened"),
        ("en", "The reform wasn't successful.", NEGATIVE, "wasn't + successful"),
        ("en", "No one was injured.", NEUTRAL, "No + injured"),
        ("en", "The inspection found no violations.", NEUTRAL, "no + violations"),
    ],
)
def test_negation_turns_words_round(language, text, tone, reason):
    verdict = score(text, language)
    assert verdict.tone == tone, verdict
    assert reason in verdict.reasons, verdict


@pytest.mark.parametrize(
    ("language", "text", "tone"),
    [
        # Set phrases with a negator that negate nothing.
        ("ru", "Это не только коррупция, но и халатность.", NEGATIVE),
        ("kk", "Бұл жемқорлық ғана емес, сонымен қатар немқұрайлылық.", NEGATIVE),
        ("en", "It is not only corruption but negligence.", NEGATIVE),
        # Negation stops at the end of a clause.
        ("ru", "Не дождавшись ответа, жители вышли на митинг протеста.", NEGATIVE),
        ("en", "Without warning, the bridge collapsed.", NEGATIVE),
        # A Kazakh name in -бай is not a negated verb.
        ("kk", "Жұмабай ауылда жаңа мектеп ашты.", POSITIVE),
    ],
)
def test_words_that_only_look_like_negation_do_not_negate(language, text, tone):
    assert score(text, language).tone == tone, score(text, language)


@pytest.mark.parametrize(
    ("language", "text", "tone"),
    [
        ("ru", "Уровень преступности в области снизился на 18 процентов.", POSITIVE),
        ("ru", "Задолженность по зарплате перед работниками завода полностью погашена.", POSITIVE),
        ("ru", "Уровень преступности в области не снизился.", NEGATIVE),
        ("kk", "Қоғамдық көлікке түсетін шағымдар азайды.", POSITIVE),
        ("en", "Crime in the region fell by a fifth.", POSITIVE),
    ],
)
def test_a_decrease_or_a_resolution_turns_bad_news_round(language, text, tone):
    assert score(text, language).tone == tone, score(text, language)


def test_reasons_are_the_words_as_written_strongest_first():
    text = "Скандал: чиновник задержан, жители пожаловались на проблемы."
    verdict = score(text, "ru")
    assert verdict.tone == NEGATIVE
    assert verdict.reasons[:2] == ("Скандал", "задержан")
    assert set(verdict.reasons[2:]) == {"пожаловались", "проблемы"}
    assert verdict.score == -6.0


def test_a_long_article_is_not_more_loaded_for_its_length():
    sentence = "Министр провёл совещание с представителями районов и обсудил планы на год. "
    short = score(sentence * 3 + "Выявлены нарушения.", "ru")
    long = score(sentence * 40 + "Выявлены нарушения.", "ru")
    assert short.tone == NEGATIVE
    assert long.tone == NEUTRAL
    assert long.reasons == ("нарушения",)


def test_unknown_language_or_empty_text_is_neutral_without_reasons():
    assert score("Коррупция!", "de") == score("", "ru")
    assert score("", "ru").tone == NEUTRAL
    assert score("", "ru").reasons == ()


def test_accuracy_on_the_labelled_news_items():
    right, count = Counter(), Counter()
    held_out = Counter()
    for split, language, label, text in labelled_items():
        verdict = score(text, language)
        count[language] += 1
        right[language] += verdict.tone == label
        if split == "held-out":
            held_out["count"] += 1
            held_out["right"] += verdict.tone == label
    assert count["kk"] >= 60
    assert count["ru"] >= 60
    assert count["en"] >= 30
    accuracy = {language: right[language] / count[language] for language in count}
    for language, minimum in MINIMUM_ACCURACY.items():
        assert accuracy[language] >= minimum, accuracy
    assert held_out["right"] / held_out["count"] >= MINIMUM_HELD_OUT_ACCURACY

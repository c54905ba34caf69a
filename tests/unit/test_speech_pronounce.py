"""The pronunciation layer: what the voice says for codes, phones, addresses, money, dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.services.speech.numerals import Numerals, plural_index
from kiosk.services.speech.pronounce import leftovers, pronounce
from kiosk.services.speech.tables import TABLES_DIR, TableError, load_table, parse_table


def say(text: str, lang: str = "bg") -> str:
    return pronounce(text, lang).text


# The sentence, in each language with its own words.
@pytest.mark.parametrize(
    ("lang", "written", "spoken"),
    [
        (
            "bg",
            "Обадете се на 112 или пишете на info@sofia.bg",
            "Обадете се на едно едно две или пишете на инфо маймунка софия точка бе-ге",
        ),
        (
            "en",
            "Call 112 or write to info@sofia.bg",
            "Call one one two or write to info at Sofia dot B G",
        ),
        (
            "uk",
            "Телефонуйте 112 або пишіть на info@sofia.bg",
            "Телефонуйте один один два або пишіть на інфо равлик софія крапка бе-ге",
        ),
        (
            "tr",
            "112'yi arayın veya info@sofia.bg adresine yazın",
            "yüz on ikiyi arayın veya info et sofya nokta be-ge adresine yazın",
        ),
    ],
)
def test_emergency_number_and_address_in_each_language(
    lang: str, written: str, spoken: str
) -> None:
    assert say(written, lang) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Изпратете SMS", "Изпратете ес-ем-ес"),
        ("Отворете www.sofia.bg", "Отворете три дабъл ю точка софия точка бе-ге"),
        ("Натиснете ?123", "Натиснете въпросителна едно две три"),
        ("Натиснете БГ/EN", "Натиснете бе-ге ен"),
        ("@", "маймунка"),
        (".", "точка"),
        ("Call Sofia: 0700 17 310", "Кол София: нула седем нула нула, едно седем, три едно нула"),
        ("+359 2 123 4567", "плюс три пет девет, две, едно две три, четири пет шест седем"),
        ("Пишете във Viber или WhatsApp", "Пишете във вайбър или уотсап"),
        ("ЕГН и МВР", "е-ге-ен и ем-ве-ре"),
        ("Кодът е 482913", "Кодът е четири осем две девет едно три"),
        ("ПИН 0420", "ПИН нула четири две нула"),
        ("Наберете *123#", "Наберете звездичка едно две три диез"),
        ("portal.nra.bg", "портал точка ен-ер-а точка бе-ге"),
    ],
)
def test_bulgarian_codes_names_and_symbols(written: str, spoken: str) -> None:
    assert say(written) == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("€5.00", "пет евро"),
        ("€12.70", "дванадесет евро и седемдесет цента"),
        ("€0.80", "осемдесет цента"),
        ("5,00 €", "пет евро"),
        ("€2.00", "две евро"),
        ("1 лв.", "един лев"),
        ("21 цента", "двадесет и един цента"),
        ("2 часа и 1 минута", "два часа и една минута"),
        ("68+", "шестдесет и осем и повече"),
        ("50%", "петдесет процента"),
        ("16 от 24 района", "шестнадесет от двадесет и четири района"),
        ("1 000 души", "хиляда души"),
        ("125 и 105", "сто двадесет и пет и сто и пет"),
        ("8:00–17:00", "от осем часа до седемнадесет часа"),
        ("10:30", "десет и тридесет"),
        ("1 януари 2026 г.", "първи януари две хиляди двадесет и шеста година"),
        ("17.06.2024", "седемнадесети юни две хиляди двадесет и четвърта година"),
        ("1-ви, 2-ра, 3-то", "първи, втора, трето"),
        ("т.е. напр. и т.н.", "тоест например и така нататък"),
    ],
)
def test_bulgarian_amounts_counts_times_and_dates(written: str, spoken: str) -> None:
    assert say(written) == spoken


def test_other_languages_say_money_and_dates_their_own_way() -> None:
    assert say("€12.70 from 1 January 2026", "en") == (
        "twelve euros seventy cents from the first of January twenty twenty-six"
    )
    assert say("1,000 people, 3.5 km", "en") == "one thousand people, three point five kilometres"
    assert say("€12.70, 21 цент, 5 центів", "uk") == (
        "дванадцять євро сімдесят центів, двадцять один цент, п'ять центів"
    )
    assert say("З 1 січня 2026 р.", "uk") == "З першого січня дві тисячі двадцять шостого року"
    assert say("вул. Раковски, ъгъл", "uk") == "вулиця Раковски, игил"
    assert say("%50 indirim, €0.80", "tr") == "yüzde elli indirim, seksen sent"
    assert say("Call Sofia: 0700 17 310", "tr") == "Kol Sofya: sıfır yedi yüz, on yedi, üç yüz on"
    assert say("ул. Раковски 5, Лозенец", "tr") == "sokak Rakovski beş, Lozenets"
    assert say("ул. Раковски, ЕГН", "en") == "street Rakovski, E G N"


def test_turkish_suffixes_join_their_word() -> None:
    # Turkish writes a suffix behind an apostrophe or a closing quote; espeak-ng would pause
    # there and read the suffix as a word of its own.
    assert say("iPhone'da Ayarlar'ı açın, saat 10'da", "tr") == "ayfonda Ayarları açın, saat onda"
    assert say("“Geri”ye dokunun, Call Sofia'yı arayın", "tr") == (
        "“Geriye dokunun, Kol Sofyayı arayın"
    )
    assert say("NAP portalı, Gmail'e yazın", "tr") == "NAP portalı, cimeyle yazın"  # one word
    assert say("ул. Раковски'de", "tr") == "sokak Rakovskide"  # a Bulgarian name, too
    assert say("п'ять", "uk") == "п'ять"  # other languages keep the mark


def test_a_spoken_word_maps_back_to_what_the_screen_shows() -> None:
    text = "Обадете се на 112 днес."
    spoken = pronounce(text, "bg")
    at = spoken.text.index("едно")
    assert spoken.original_span(at, 4) == (text.index("112"), 3)
    assert spoken.original_span(spoken.text.index("днес"), 4) == (text.index("днес"), 4)
    assert spoken.original_span(0, 7) == (0, 7)


def test_text_without_anything_to_change_is_kept_as_it_is() -> None:
    text = "Здравейте. Добре дошли в библиотеката!"
    assert say(text) == text
    assert say(text, "xx") == text  # a language with no table


def test_unknown_latin_words_are_left_for_the_validator_to_report() -> None:
    assert say("Отворете Foobar") == "Отворете Foobar"
    assert leftovers("Отворете Foobar и ДРТ, 7 и ¤", "bg") == ["Foobar", "ДРТ", "¤"]
    assert leftovers("Обадете се на 112 или пишете на info@sofia.bg", "bg") == []
    assert leftovers("Call Sofia, ЕГН, улица Раковски", "en") == []
    assert leftovers("Кажете ЦРУ", "en") == []  # transliterated: the English voice reads it


def test_plural_forms_and_number_words() -> None:
    assert [plural_index(n, "east-slavic") for n in (1, 2, 5, 11, 21, 22, 25)] == [
        0,
        1,
        2,
        2,
        0,
        1,
        2,
    ]
    bg = Numerals(load_table("bg").numerals)  # type: ignore[union-attr]
    assert bg.cardinal(2026) == "две хиляди двадесет и шест"
    assert bg.cardinal(1100) == "хиляда и сто"
    assert bg.cardinal(2, "m") == "два" and bg.cardinal(1, "f") == "една"
    assert bg.ordinal(2000, "f") == "две хилядна"
    en = Numerals(load_table("en").numerals)  # type: ignore[union-attr]
    assert en.cardinal(1005) == "one thousand and five"
    assert en.cardinal(121) == "one hundred and twenty-one"


@pytest.mark.parametrize("lang", ["bg", "en", "uk", "tr"])
def test_every_shipped_table_loads(lang: str) -> None:
    table = load_table(lang)
    assert table is not None and table.lang == lang
    assert (TABLES_DIR / f"{lang}.toml").is_file()


def test_a_broken_table_names_its_problem(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="not valid TOML"):
        parse_table("bg", "[words\n", tmp_path / "bg.toml")
    with pytest.raises(TableError, match="unknown section"):
        parse_table("bg", "[wrods]\n", tmp_path / "bg.toml")
    with pytest.raises(TableError, match="needs 'zero'"):
        parse_table("bg", "[words]\nSMS = 'ес-ем-ес'\n", tmp_path / "bg.toml")

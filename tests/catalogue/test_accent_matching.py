"""Everyday phrases (the synonym file's and the finder's) are read into words typed with
diacritics only where the marks agree ("mắt" eyes / "mất" died, "để" / "đẻ", "còn" / "con");
a word typed without any still matches every accented form, and a mark left out, a tone placed
by the older rule or hỏi for ngã still finds its word."""

from __future__ import annotations

import pytest

from kiosk.catalogue.finder import Finder, load_finder_data
from kiosk.catalogue.snapshot import Catalogue
from kiosk.catalogue.store import bundled_catalogue_path
from kiosk.catalogue.synonyms import SynonymEntry, SynonymTable
from kiosk.folding import accent_of, accents_agree, marked_tokens, tokens

DEATH = {"1.000656", "1.001766"}  # death registration, and with a foreign element
BIRTH = "1.001193"


def test_marked_tokens_are_the_folded_tokens_that_remember_their_marks() -> None:
    text = "Bà ngoại MẮT kém, không KÝ được; ddaauf mat"
    words = marked_tokens(text)
    assert words == tokens(text)
    assert [accent_of(w) for w in words] == [
        *("bà", "ngoại", "mắt", "kém", "không", "kí", "được"),
        *("ddaauf", "mat"),
    ]


@pytest.mark.parametrize(
    ("typed", "written", "agree"),
    [
        ("mắt", "mất", False),  # eyes, died
        ("để", "đẻ", False),  # in order to, give birth
        ("thầy", "thay", False),
        ("cô", "có", False),
        ("cụ", "cũ", False),
        ("chứng", "chung", False),
        ("còn", "con", False),
        ("mât", "mất", True),  # the tone left out
        ("mat", "mất", True),  # no marks at all
        ("tủ", "tử", True),  # the horn left out
        ("xoá", "xóa", True),  # the tone placed by the older rule
        ("thuỷ", "thủy", True),
        ("củng", "cũng", True),  # hỏi for ngã, as southern writers mix them
    ],
)
def test_typed_marks_agree_only_with_a_word_that_has_them(
    typed: str, written: str, agree: bool
) -> None:
    assert accents_agree(typed, written) is agree


def test_a_phrase_matches_a_word_typed_with_other_marks_only_without_marks() -> None:
    table = SynonymTable(
        [
            SynonymEntry(phrases=["đẻ con"], means="đăng ký khai sinh"),
            SynonymEntry(phrases=["để lại nhà"], means="di chúc"),
        ]
    )
    assert not table.rewrite(marked_tokens("để con ở nhà ông bà")).replaced
    assert table.rewrite(marked_tokens("đẻ con ở nhà")).replaced
    assert table.rewrite(marked_tokens("de con o nha")).replaced
    assert table.rewrite(marked_tokens("để lại nhà cho con")).terms[:2] == ("di", "chuc")


def first(starter: Catalogue, query: str) -> str:
    hits = starter.index.search(query + " ")
    return hits[0].procedure.code if hits else ""


def test_weak_eyes_are_no_death(starter: Catalogue) -> None:
    assert first(starter, "bà ngoại mắt kém không ký được") not in DEATH


def test_in_order_to_is_no_birth(starter: Catalogue) -> None:
    assert first(starter, "để con ở nhà ông bà") != BIRTH
    assert first(starter, "đẻ con ở nhà") == BIRTH


@pytest.mark.parametrize(
    "query",
    [
        "bo toi vua mat",  # without marks: every accented form
        "bố tôi vừa mât",  # a tone left out
        "boos tooi vuwaf maats",  # Telex keys left in
        "bố tôi vừa mất",
    ],
)
def test_a_word_without_its_marks_still_finds_its_accented_form(
    starter: Catalogue, query: str
) -> None:
    assert first(starter, query) == "1.000656"


def test_the_finder_reads_eyes_as_eyes(starter: Catalogue) -> None:
    codes = {p.code for p in starter.document.procedures}
    finder = Finder(
        load_finder_data(
            bundled_catalogue_path().with_name("finder.json"),
            codes,
            starter.index.synonyms.concept_names,
        ),
        starter,
    )
    for weak_eyes in ("bố tôi mắt kém", "người già mắt kém"):
        assert "death" not in {e.id for e in finder.ask(weak_eyes).events}
    for died in ("bo toi mat roi", "nguoi gia mat roi", "người nhà vừa mất"):
        assert "death" in {e.id for e in finder.ask(died).events}

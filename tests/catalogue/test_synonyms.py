"""Everyday phrases are rewritten into the catalogue's words, longest phrase first."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.catalogue.loader import CatalogueError
from kiosk.catalogue.synonyms import SynonymEntry, SynonymTable, load_synonyms
from kiosk.folding import tokens

TABLE = SynonymTable(
    [
        SynonymEntry(phrases=["sổ đỏ"], means="giấy chứng nhận quyền sử dụng đất"),
        SynonymEntry(phrases=["làm sổ đỏ"], means="đăng ký đất đai lần đầu"),
        SynonymEntry(phrases=["cccd"], means="căn cước"),
    ]
)


def rewrite(text: str, typing: bool = False) -> tuple[str, ...]:
    return TABLE.rewrite(tokens(text), typing).terms


def test_phrases_match_without_diacritics_and_longest_first() -> None:
    assert rewrite("so do") == tuple(tokens("giấy chứng nhận quyền sử dụng đất"))
    assert rewrite("lam so do") == tuple(tokens("đăng ký đất đai lần đầu"))
    assert rewrite("mat cccd") == ("mat", "can", "cuoc")


def test_a_phrase_still_being_typed_counts() -> None:
    assert rewrite("lam so d", typing=True) == tuple(tokens("đăng ký đất đai lần đầu"))
    assert rewrite("lam so d", typing=False) == ("lam", "so", "d")


def test_no_phrase_no_rewrite() -> None:
    result = TABLE.rewrite(["ket", "hon"])
    assert result.terms == ("ket", "hon") and not result.replaced


def test_a_broken_synonym_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.json"
    path.write_text('{"format": 1, "entries": [{"phrases": [], "means": "x"}]}')
    with pytest.raises(CatalogueError) as caught:
        load_synonyms(path)
    assert [str(p).split(":")[1].strip() for p in caught.value.problems] == [
        "entries.0.phrases",
        "entries.0.means",
    ]


def first_problem(tmp_path: Path, text: str) -> str:
    """What loading a synonym file of `text` is refused for first."""
    path = tmp_path / "synonyms.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_synonyms(path)
    return str(caught.value.problems[0])


def test_an_abbreviation_without_a_source_is_refused(tmp_path: Path) -> None:
    problem = first_problem(
        tmp_path,
        '{"format": 1, "entries": [{"phrases": ["GPXD"], "means": "giấy phép xây dựng",'
        ' "kind": "abbreviation"}]}',
    )
    assert "source" in problem


def test_an_abbreviation_nobody_was_seen_using_is_refused(tmp_path: Path) -> None:
    problem = first_problem(
        tmp_path,
        '{"format": 1, "entries": [{"phrases": ["TLKS"], "means": "trích lục khai sinh",'
        ' "kind": "abbreviation", "source": "Luật Hộ tịch 60/2014/QH13"}]}',
    )
    assert "seen_at" in problem


def test_where_a_short_form_was_seen_is_a_web_address(tmp_path: Path) -> None:
    problem = first_problem(
        tmp_path,
        '{"format": 1, "entries": [{"phrases": ["KT3"], "means": "tạm trú",'
        ' "kind": "abbreviation", "source": "Luật Cư trú 36/2013/QH13",'
        ' "seen_at": "from memory"}]}',
    )
    assert "seen_at" in problem


KIN = SynonymTable(
    [
        SynonymEntry(phrases=["{cha mẹ} {qua đời}"], means="đăng ký khai tử"),
        SynonymEntry(phrases=["mất ví"], means="cấp lại căn cước"),
    ],
    {"cha mẹ": ["bố", "tía", "má", "thầy u"], "qua đời": ["mất", "từ trần", "về với ông bà"]},
)


def test_a_phrase_with_concepts_stands_for_every_way_of_saying_them() -> None:
    death = tuple(tokens("đăng ký khai tử"))
    for said in ("tía mất", "má từ trần", "thầy u về với ông bà", "bo mat"):
        assert KIN.rewrite(tokens(said)).terms == death, said
    assert KIN.rewrite(tokens("ông mất")).terms == ("ong", "mat")


def test_words_that_change_nothing_may_stand_inside_a_phrase() -> None:
    death = tuple(tokens("đăng ký khai tử"))
    assert KIN.rewrite(tokens("tía tui mới từ trần")).terms == death
    assert KIN.rewrite(tokens("má của tôi vừa mới mất")).terms == death
    # …but not any word: "bố bị mất ví" is a loss, and a phrase never starts on a gap.
    assert KIN.rewrite(tokens("bố bị mất ví")).terms == ("bo", "bi", *tokens("cấp lại căn cước"))
    assert KIN.rewrite(tokens("tôi mất")).terms == ("toi", "mat")


def test_a_word_two_phrases_share_belongs_to_the_one_that_reaches_further() -> None:
    # "bố tôi mất | ví": what follows "mất" says it is a loss, not a death.
    lost = tuple(tokens("cấp lại căn cước"))
    assert KIN.rewrite(tokens("bố tôi mất ví")).terms == ("bo", "toi", *lost)
    assert KIN.rewrite(tokens("bố tôi mất hôm qua")).terms == (
        *tokens("đăng ký khai tử"),
        *tokens("hôm qua"),
    )


def test_a_phrase_naming_an_unlisted_concept_is_refused(tmp_path: Path) -> None:
    problem = first_problem(
        tmp_path,
        '{"format": 1, "concepts": {"qua đời": {"words": ["mất", "từ trần"],'
        ' "source": "how a death is said"}},'
        ' "entries": [{"phrases": ["{cha mẹ} {qua đời}"], "means": "đăng ký khai tử"}]}',
    )
    assert "cha mẹ" in problem


def test_the_bundled_concepts_read_life_events_however_a_region_says_them() -> None:
    table = load_synonyms(Path(__file__).parents[2] / "config" / "catalogue" / "synonyms.json")
    means = {
        "tía tui mới từ trần": "đăng ký khai tử",
        "bà ngoại tôi vừa tạ thế": "đăng ký khai tử",
        "vợ em mới đẻ": "đăng ký khai sinh",
        "cháu nội vừa chào đời": "đăng ký khai sinh",
        "bị giật túi xách": "cấp lại thẻ căn cước",
        "đánh rơi bóp": "cấp lại thẻ căn cước",
        "mở tiệm tạp hóa": "đăng ký thành lập hộ kinh doanh",
        "vừa tậu xe tay ga": "đăng ký cấp biển số xe lần đầu",
        "bán miếng đất": "chứng thực giao dịch hợp đồng quyền sử dụng đất nhà ở",
        "tính cất nhà cấp 4": "cấp giấy phép xây dựng mới",
        "chứng minh thư của tôi quá hạn": "cấp đổi thẻ căn cước",
    }
    for said, meant in means.items():
        assert table.rewrite(tokens(said)).terms == tuple(tokens(meant)), said

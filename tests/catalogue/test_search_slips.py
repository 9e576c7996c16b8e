"""The search reads what a citizen meant where the words typed are real words of another
meaning: spellings that sound alike in some region ("tạm chú" for "tạm trú", "kết hông" for
"kết hôn"), slips the typed neighbours explain, slips in abbreviations ("glx" for "GPLX"),
and ages ("căn cước cho con 15 tuổi") that tell two procedures apart which differ only by
age."""

from __future__ import annotations

import math

import pytest

from kiosk.catalogue.ages import AgeRange, age_range, stated_age
from kiosk.catalogue.snapshot import Catalogue
from kiosk.folding import sound_alikes, tokens, without_input_keys


def first(catalogue: Catalogue, query: str) -> str:
    return catalogue.search(query, 1)[0].procedure.code


def test_sound_alikes_swap_one_regional_confusion_at_a_time() -> None:
    assert sound_alikes("chu") == {"tru"}  # ch/tr
    assert "xin" in sound_alikes("sin")  # s/x
    assert "lam" in sound_alikes("nam")  # l/n
    assert sound_alikes("hong") == {"hon"}  # final ng/n
    assert "mat" in sound_alikes("mac")  # final c/t
    assert "doanh" in sound_alikes("doan")  # final nh/n
    assert sound_alikes("ngeo") == {"ngheo"}  # the h of ngh dropped
    # Only a whole onset is swapped: the n of "ng" is no l, the g of "gi" takes no h.
    assert "lgeo" not in sound_alikes("ngeo") and "ghia" not in sound_alikes("gia")
    assert sound_alikes("cccd") == set()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dang ky tam chu cho nguoi thue nha", "1.004194"),  # "chú" is a word; "tạm trú" is meant
        ("gia hang tam tru", "1.002755"),  # "hàng" is a word; "gia hạn" is meant
        ("dang ky ket hong", "1.000894"),  # "hỏng" would ask for a re-issue
        ("cap lai can cuoc bi mac", "1.014064"),
        ("ho ngeo", "1.011607"),
        ("nam giay khai sinh", "1.001193"),
    ],
)
def test_a_word_its_neighbours_do_not_fit_is_read_as_the_one_they_do(
    starter: Catalogue, query: str, expected: str
) -> None:
    assert first(starter, query) == expected


def test_a_short_word_typed_with_a_letter_too_many_is_found(starter: Catalogue) -> None:
    # "tuu" is one letter from "tử"; the filler "cho" beside it attests nothing.
    assert first(starter, "dang ky khai tuu cho me") == "1.000656"


def test_words_that_fit_their_neighbours_are_left_as_typed(starter: Catalogue) -> None:
    # "chữ ký" sits in a name: "chu" is not re-read as "tru".
    assert first(starter, "chung thuc chu ky") == "2.000884"
    # "kai" is nearer "lai" and "khai"; only "khai" fits both "ky" and "sinh".
    assert first(starter, "dang ky kai sinh") == "1.001193"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mat glx", "3.000348"),  # GPLX, a letter dropped
        ("dksk", "1.001193"),  # ĐKKS, two letters swapped
        ("noxxh", "1.014632"),  # NOXH, a letter doubled
        ("DDKKS", "1.001193"),  # ĐKKS with its Đ typed in Telex
        ("mất thẻ bhty", "1.002759"),  # BHYT, its last letters swapped
    ],
)
def test_a_slip_in_an_abbreviation_still_finds_it(
    starter: Catalogue, query: str, expected: str
) -> None:
    assert first(starter, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dkkt", "1.000656"),  # đăng ký khai tử, in no synonym entry
        ("XNCT", "1.010041"),  # xác nhận cư trú
        ("khai tử YTNN", "1.001766"),  # yếu tố nước ngoài: a y may begin initials
        ("kết hôn với người NN", "2.000806"),  # two letters, the run "người" begins
    ],
)
def test_a_short_form_nobody_listed_is_read_as_initials(
    starter: Catalogue, query: str, expected: str
) -> None:
    assert first(starter, query) == expected


def test_a_slip_two_abbreviations_are_equally_near_is_not_guessed(starter: Catalogue) -> None:
    # "bhxt" is one letter from both BHXH (social insurance) and BHYT (health insurance):
    # neither is assumed.
    assert starter.index._short_form_slip("bhxt") is None
    assert starter.index._short_form_slip("bhxk") == "bhxh"
    assert without_input_keys("ddkks") == "dkks" and without_input_keys("ct07") == "ct07"


def test_ages_in_procedure_names_are_read_as_ranges() -> None:
    assert age_range(tokens("Cấp thẻ căn cước cho người dưới 14 tuổi")) == AgeRange(high=14)
    assert age_range(tokens("Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên")) == AgeRange(low=14)
    assert age_range(tokens("Identity card for a person aged 14 or over")) == AgeRange(low=14)
    assert age_range(tokens("health-insurance card for a child under 6")) == AgeRange(high=6)
    assert age_range(tokens("Đăng ký khai sinh")) is None
    assert AgeRange(high=14).holds(13.5) and not AgeRange(high=14).holds(14)
    assert AgeRange(low=14).holds(80) and AgeRange().high == math.inf


def test_an_age_is_read_only_where_a_query_states_one() -> None:
    stated = stated_age(tokens("căn cước cho con 15 tuổi"))
    assert stated is not None and stated.age == 15 and stated.positions == {4, 5}
    old = stated_age(tokens("ID card for my 10 year old"))
    assert old is not None and old.age == 10 and old.positions == {4, 5, 6}
    below = stated_age(tokens("BHYT cho trẻ dưới 6 tuổi"))
    assert below is not None and below.age == 5.5
    assert stated_age(tokens("sổ đỏ cấp năm 2024")) is None
    assert stated_age(tokens("căn cước 14")) is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("làm căn cước cho con 15 tuổi", "1.014061"),
        ("can cuoc cho be 8 tuoi", "1.014062"),
        ("ID card for my 16 year old", "1.014061"),
        ("ID card for my 9 year old", "1.014062"),
        ("làm giấy khai sinh cho con 2 tuổi", "1.001193"),  # an age alone asks for no variant
        ("con tôi 14 tuổi", "1.014061"),  # nothing but an age: what that age can do
        ("cháu 10 tuổi", "1.014062"),
    ],
)
def test_a_stated_age_picks_the_procedure_for_that_age(
    starter: Catalogue, query: str, expected: str
) -> None:
    assert first(starter, query) == expected


def test_a_filler_word_is_a_slip_only_where_its_neighbours_say_so(starter: Catalogue) -> None:
    # "hai" (two) is one letter from "lại" (re-): read so, it asked for re-registration.
    assert first(starter, "hai đứa muốn kết hôn") == "1.000894"
    # …but between "đăng ký" and "sinh" it is "khai" with its k lost.
    assert first(starter, "dang ky hai sinh") == "1.001193"

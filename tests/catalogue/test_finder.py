"""The "what do you need?" finder leads from life events and plain words to procedures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.catalogue.finder import Finder, FinderSession, load_finder_data
from kiosk.catalogue.loader import CatalogueError
from kiosk.catalogue.snapshot import Catalogue
from kiosk.catalogue.store import bundled_catalogue_path
from kiosk.catalogue.synonyms import SynonymTable

FINDER_FILE = bundled_catalogue_path().with_name("finder.json")


@pytest.fixture(scope="module")
def finder(starter: Catalogue) -> Finder:
    codes = {p.code for p in starter.document.procedures}
    return Finder(
        load_finder_data(FINDER_FILE, codes, starter.index.synonyms.concept_names), starter
    )


def codes_of(session: FinderSession) -> list[str]:
    return [s.procedure.code for s in session.suggestions()]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("con tôi mới sinh", "birth"),
        ("vo toi vua de em be", "birth"),
        ("bố tôi vừa mất", "death"),
        ("chung toi sap cuoi", "marriage"),
        ("toi muon mo quan ban pho", "business"),
        ("nha toi muon lam so do", "house_land"),
        ("toi chuyen nha ve que", "moving"),
        ("boos tooi vuwaf maats", "death"),  # Telex keys left in
        ("chu1ng to6i sa81p cu7o71i", "marriage"),  # VNI keys left in
        # Through the synonym file's concepts: its ways of saying a thing serve the finder too.
        ("bà nội tôi vừa tạ thế", "death"),
        ("con gái tôi sắp lên xe hoa", "marriage"),
        ("tui mới khai trương tiệm tóc", "business"),
        ("mướn phòng trọ gần chỗ làm", "moving"),
    ],
)
def test_plain_words_find_the_life_event(finder: Finder, sentence: str, event: str) -> None:
    assert event in [e.id for e in finder.ask(sentence).events]


def test_plain_questions_match_their_phrases(finder: Finder) -> None:
    [question] = finder.ask("tôi bị mất căn cước").questions
    assert [p.code for p in finder.procedures_for(question)] == ["1.014064"]
    [question] = finder.ask("tôi đánh rơi mất cái cmnd").questions
    assert [p.code for p in finder.procedures_for(question)] == ["1.014064"]
    assert finder.ask("hôm nay trời đẹp").events == []


def test_a_birth_to_married_parents(finder: Finder) -> None:
    session = finder.start("birth")
    assert session.next_question().id == "foreign"
    session.answer("foreign", "no")
    assert session.next_question().id == "married"
    session.answer("married", "yes")
    assert session.finished
    assert codes_of(session) == ["1.001193", "2.001023", "1.004222", "1.014062"]
    assert session.suggestions()[0].why.vi.startswith("Đăng ký khai sinh cho bé")


def test_a_birth_abroad_skips_the_marriage_question(finder: Finder) -> None:
    session = finder.start("birth")
    session.answer("foreign", "yes")
    assert session.finished
    assert codes_of(session)[0] == "2.000528"


def test_changing_an_answer_forgets_questions_no_longer_asked(finder: Finder) -> None:
    session = finder.start("birth")
    session.answer("foreign", "no")
    session.answer("married", "no_father")
    assert codes_of(session)[0] == "1.000689"
    session.answer("foreign", "yes")
    assert "married" not in session.answers
    session.undo()
    assert session.answers == {} and session.next_question().id == "foreign"


def test_a_death_with_insurance_and_an_estate(finder: Finder) -> None:
    session = finder.start("death")
    for question, option in (("foreign", "no"), ("insured", "yes"), ("estate", "yes")):
        session.answer(question, option)
    assert codes_of(session) == ["1.000656", "2.000821", "2.001406", "2.001016"]


def test_a_wrong_answer_is_refused(finder: Finder) -> None:
    session = finder.start("marriage")
    with pytest.raises(ValueError, match="maybe"):
        session.answer("foreign", "maybe")
    with pytest.raises(KeyError):
        finder.start("holiday")


def test_procedures_a_centre_does_not_offer_are_left_out(
    finder: Finder, starter: Catalogue, synonyms: SynonymTable
) -> None:
    commune = Catalogue.build(starter.document, synonyms, levels=["commune"])
    session = Finder(finder.data, commune).start("business")
    session.answer("kind", "company")
    assert codes_of(session) == []  # sole proprietorships register at the province


def test_broken_finder_data_is_named_precisely(tmp_path: Path) -> None:
    data = json.loads(FINDER_FILE.read_text("utf-8"))
    data["events"][0]["outcomes"][0]["procedures"].append("1.999999")
    data["events"][0]["questions"][1]["ask_if"] = {"foreign": "perhaps"}
    data["events"][0]["phrases"].append("{em bé} {chào đời}")
    path = tmp_path / "finder.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_finder_data(
            path,
            {"1.001193", "1.000689", "2.000528", "2.001023", "1.004222", "1.014062"},
            {"em bé"},
        )
    problems = [str(p) for p in caught.value.problems]
    assert (
        f"{path}: events[0].questions[1].ask_if: foreign=perhaps is not a question and "
        "option of birth" in problems
    )
    assert f"{path}: events[0].outcomes[0].procedures: 1.999999 is not in the catalogue" in problems
    assert (
        f"{path}: events[0].phrases: '{{em bé}} {{chào đời}}' names concepts the synonym file "
        "does not list: ['chào đời']" in problems
    )

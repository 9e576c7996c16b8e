"""The find-a-procedure journey without a screen: ways in, back along the citizen's own path,
and a wipe that forgets everything."""

from __future__ import annotations

import pytest

from kiosk.catalogue.finder import Finder, load_finder_data
from kiosk.catalogue.snapshot import Catalogue
from kiosk.catalogue.store import bundled_finder_path
from kiosk.catalogue.synonyms import SynonymTable
from kiosk.journeys.base import InvalidTransition
from kiosk.journeys.find_procedure import (
    FIELDS_PER_PAGE,
    FindProcedureJourney,
    FindProcedureState,
    PrintState,
)
from kiosk.printing import PrintOutcome

S = FindProcedureState


@pytest.fixture
def journey(starter: Catalogue) -> FindProcedureJourney:
    codes = {p.code for p in starter.document.procedures}
    return FindProcedureJourney(
        starter,
        Finder(
            load_finder_data(bundled_finder_path(), codes, starter.index.synonyms.concept_names),
            starter,
        ),
    )


def test_search_then_detail_then_back(journey: FindProcedureJourney) -> None:
    journey.choose_way("search")
    journey.type_query("khai sinh")
    assert journey.hits[0].procedure.code == "1.001193"
    journey.open_procedure("1.001193")
    assert journey.state is S.DETAIL and journey.procedure.code == "1.001193"
    assert journey.back() and journey.state is S.SEARCH and journey.query == "khai sinh"
    assert journey.back() and journey.state is S.CHOOSE_WAY
    assert not journey.back()


def test_fields_come_in_pages(journey: FindProcedureJourney) -> None:
    journey.choose_way("fields")
    assert len(journey.fields_on_page()) == FIELDS_PER_PAGE
    journey.turn_field_page(+5)
    assert journey.field_page == journey.field_pages - 1
    journey.turn_field_page(-9)
    assert journey.field_page == 0
    journey.choose_field("chung-thuc")
    assert {p.field for p in journey.field_procedures()} == {"chung-thuc"}
    with pytest.raises(ValueError):
        journey.choose_field("khong-co")


def test_finder_answers_are_undone_by_back(journey: FindProcedureJourney) -> None:
    journey.choose_way("events")
    journey.choose_event("marriage")
    journey.answer("foreign", "no")
    journey.answer("move", "yes")
    assert journey.state is S.SUGGESTIONS
    assert [s.procedure.code for s in journey.session.suggestions()] == ["1.000894", "1.004222"]
    journey.back()
    assert journey.state is S.QUESTION and journey.question.id == "move"
    journey.back()
    assert journey.question.id == "foreign"
    journey.back()
    assert journey.state is S.EVENTS


def test_steps_out_of_order_are_refused(journey: FindProcedureJourney) -> None:
    with pytest.raises(InvalidTransition):
        journey.open_procedure("1.001193")
    with pytest.raises(ValueError):
        journey.choose_way("teleport")


def test_printing_states_and_the_wipe(
    journey: FindProcedureJourney, starter: Catalogue, synonyms: SynonymTable
) -> None:
    journey.choose_way("search")
    journey.type_query("ket hon")
    journey.open_procedure("1.000894")
    journey.printing()
    assert journey.print_state is PrintState.PRINTING
    journey.print_finished(PrintOutcome(False, "printer.paper_out"))
    assert journey.print_state is PrintState.FAILED
    assert journey.print_outcome.problem_key == "printer.paper_out"
    newer = Catalogue.build(starter.document, synonyms, levels=["commune"])
    journey.use(newer, None)
    assert journey.catalogue is starter, "the session keeps the catalogue it started with"
    journey.reset()
    assert journey.state is S.CHOOSE_WAY and journey.catalogue is newer
    assert (journey.query, journey.hits, journey.procedure, journey.session) == ("", [], None, None)
    with pytest.raises(ValueError):
        journey.choose_way("events")  # no finder data in the newer set-up

"""Find a procedure: choose how to look (by name, by field, or "what is happening to you?") →
the list → the procedure's details, from which the citizen prints a guidance slip or takes a
queue number.

The journey keeps the catalogue snapshot it started with, so an update installed meanwhile
never changes a screen under the citizen's finger. Back retraces the citizen's own path.
"""

from __future__ import annotations

import enum
from typing import ClassVar

from kiosk.catalogue.finder import Finder, FinderSession, LifeEvent, Question
from kiosk.catalogue.model import Procedure, ProcedureField
from kiosk.catalogue.search import SearchHit
from kiosk.catalogue.snapshot import Catalogue
from kiosk.journeys.base import Journey
from kiosk.printing import PrintOutcome


class FindProcedureState(enum.Enum):
    CHOOSE_WAY = "choose_way"
    FIELDS = "fields"
    FIELD_LIST = "field_list"
    SEARCH = "search"
    EVENTS = "events"
    QUESTION = "question"
    SUGGESTIONS = "suggestions"
    DETAIL = "detail"


class PrintState(enum.Enum):
    IDLE = "idle"
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


S = FindProcedureState
FIELDS_PER_PAGE = 8


class FindProcedureJourney(Journey[FindProcedureState]):
    TRANSITIONS: ClassVar = {
        S.CHOOSE_WAY: frozenset({S.FIELDS, S.SEARCH, S.EVENTS}),
        S.FIELDS: frozenset({S.FIELD_LIST, S.CHOOSE_WAY}),
        S.FIELD_LIST: frozenset({S.DETAIL, S.FIELDS}),
        S.SEARCH: frozenset({S.DETAIL, S.QUESTION, S.SUGGESTIONS, S.CHOOSE_WAY}),
        S.EVENTS: frozenset({S.QUESTION, S.SUGGESTIONS, S.CHOOSE_WAY}),
        S.QUESTION: frozenset({S.QUESTION, S.SUGGESTIONS, S.EVENTS, S.SEARCH}),
        S.SUGGESTIONS: frozenset({S.DETAIL, S.QUESTION, S.EVENTS, S.SEARCH}),
        S.DETAIL: frozenset(
            {S.FIELD_LIST, S.SEARCH, S.SUGGESTIONS, S.CHOOSE_WAY, S.FIELDS, S.EVENTS}
        ),
    }

    def __init__(self, catalogue: Catalogue, finder: Finder | None = None) -> None:
        super().__init__(S.CHOOSE_WAY)
        self._latest_catalogue = catalogue
        self._latest_finder = finder
        self.catalogue = catalogue
        self.finder = finder
        self._trail: list[FindProcedureState] = []
        self._wipe()

    def use(self, catalogue: Catalogue, finder: Finder | None) -> None:
        """A newer catalogue for the next session (this one keeps what it started with)."""
        self._latest_catalogue = catalogue
        self._latest_finder = finder

    # -- moving between screens -----------------------------------------------------------
    def _forward(self, state: FindProcedureState) -> None:
        self._trail.append(self.state)
        self._go(state)

    def back(self) -> bool:
        """One screen back along the citizen's path; False at the first screen."""
        if not self._trail:
            return False
        previous = self._trail.pop()
        if previous is S.QUESTION and self.session is not None:
            self.session.undo()  # back to a question means answering it again
        self._go(previous)
        return True

    def choose_way(self, way: str) -> None:
        targets = {"fields": S.FIELDS, "search": S.SEARCH, "events": S.EVENTS}
        if way not in targets or (way == "events" and self.finder is None):
            raise ValueError(f"unknown way {way!r}")
        self._forward(targets[way])

    # -- browse by field -------------------------------------------------------------------
    @property
    def fields(self) -> list[ProcedureField]:
        return list(self.catalogue.fields)

    @property
    def field_pages(self) -> int:
        return max(1, -(-len(self.catalogue.fields) // FIELDS_PER_PAGE))

    def fields_on_page(self) -> list[ProcedureField]:
        start = self.field_page * FIELDS_PER_PAGE
        return self.fields[start : start + FIELDS_PER_PAGE]

    def turn_field_page(self, step: int) -> None:
        self.field_page = min(max(self.field_page + step, 0), self.field_pages - 1)

    def choose_field(self, field_id: str) -> None:
        if self.catalogue.field(field_id) is None or not self.catalogue.in_field(field_id):
            raise ValueError(f"unknown field {field_id!r}")
        self.field_id = field_id
        self._forward(S.FIELD_LIST)

    def field_procedures(self) -> list[Procedure]:
        return self.catalogue.in_field(self.field_id) if self.field_id else []

    # -- search ----------------------------------------------------------------------------
    def type_query(self, text: str) -> None:
        """Every keystroke: the results follow the text as it is typed."""
        self.query = text
        self.hits = self.catalogue.search(text, self.result_limit) if text.strip() else []
        answer = self.finder.ask(text) if self.finder and text.strip() else None
        self.matched_events = answer.events if answer else []

    # -- the "what do you need?" finder -----------------------------------------------------
    @property
    def events(self) -> list[LifeEvent]:
        return self.finder.events() if self.finder else []

    def choose_event(self, event_id: str) -> None:
        if self.finder is None:
            raise ValueError("no finder data")
        self.session = self.finder.start(event_id)
        self._forward(S.QUESTION if self.session.next_question() else S.SUGGESTIONS)

    @property
    def question(self) -> Question | None:
        return self.session.next_question() if self.session else None

    def answer(self, question_id: str, option_id: str) -> None:
        if self.session is None:
            raise ValueError("no life event chosen")
        self.session.answer(question_id, option_id)
        self._forward(S.QUESTION if self.session.next_question() else S.SUGGESTIONS)

    # -- one procedure ---------------------------------------------------------------------
    def open_procedure(self, code: str) -> None:
        procedure = self.catalogue.procedure(code)
        if procedure is None:
            raise ValueError(f"unknown procedure {code!r}")
        self.procedure = procedure
        self.print_state = PrintState.IDLE
        self.print_outcome: PrintOutcome | None = None
        self._forward(S.DETAIL)

    def printing(self) -> None:
        self.print_state = PrintState.PRINTING
        self.print_outcome = None

    def print_finished(self, outcome: PrintOutcome) -> None:
        self.print_state = PrintState.PRINTED if outcome.printed else PrintState.FAILED
        self.print_outcome = outcome

    def _wipe(self) -> None:
        self.catalogue = self._latest_catalogue
        self.finder = self._latest_finder
        self._trail = []
        self.field_page = 0
        self.field_id: str | None = None
        self.query = ""
        self.result_limit = 8
        self.hits: list[SearchHit] = []
        self.matched_events: list[LifeEvent] = []
        self.session: FinderSession | None = None
        self.procedure: Procedure | None = None
        self.print_state = PrintState.IDLE
        self.print_outcome = None

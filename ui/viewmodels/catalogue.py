"""View-model of "find a procedure" (`catalogue` in QML): turns the journey's state into what
the Catalogue* screens show, in the citizen's language, and forwards their taps.

Search runs on the Qt thread on purpose: it is in memory and takes well under a millisecond a
keystroke. Printing the guidance slip runs on a worker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.catalogue.guidance import SlipContext, guidance_job
from kiosk.catalogue.model import Procedure
from kiosk.catalogue.presentation import (
    describe_counts,
    describe_fees,
    describe_levels,
    describe_online,
    describe_time,
    display_name,
    fee_summary,
    time_details,
    time_summary,
)
from kiosk.config import QueueService
from kiosk.journeys.find_procedure import (
    FindProcedureJourney,
    FindProcedureState,
    PrintState,
)
from kiosk.printing import PaperWords, PrintOutcome, print_and_report, print_message
from ui.background import run_in_background
from ui.list_model import RowsModel, live_rows
from ui.viewmodels.base import JourneyViewModel

log = logging.getLogger(__name__)
SLIP_WORDS = PaperWords(
    "catalogue.detail.printed",
    "catalogue.detail.printed_unconfirmed",
    "catalogue.detail.not_printed",
    call_staff=False,  # the list is on the screen to photograph
)
S = FindProcedureState

SCREENS = {
    S.CHOOSE_WAY: "CatalogueStart",
    S.FIELDS: "CatalogueFields",
    S.FIELD_LIST: "CatalogueList",
    S.SEARCH: "CatalogueSearch",
    S.EVENTS: "CatalogueEvents",
    S.QUESTION: "CatalogueQuestion",
    S.SUGGESTIONS: "CatalogueList",
    S.DETAIL: "CatalogueDetail",
}


@dataclass(frozen=True)
class WayRow:
    """A way to look for a procedure (a row of `Catalogue.ways`)."""

    wayId: str  # search, fields, events
    title: str
    subtitle: str


@dataclass(frozen=True)
class FieldRow:
    """A field of procedures on the page shown (a row of `Catalogue.fieldTiles`)."""

    fieldId: str
    name: str
    countText: str  # "12 thủ tục"


@dataclass(frozen=True)
class ProcedureRow:
    """A procedure to open (a row of `Catalogue.listItems` and `Catalogue.results`)."""

    code: str
    name: str
    summary: str  # its time and fee
    why: str  # from the finder: why it applies; empty elsewhere


@dataclass(frozen=True)
class EventRow:
    """A life event (a row of `Catalogue.events`, and of `Catalogue.eventChips` as a search
    matched it)."""

    eventId: str
    title: str


@dataclass(frozen=True)
class OptionRow:
    """An answer to the finder's question (a row of `Catalogue.options`)."""

    optionId: str
    label: str


@dataclass(frozen=True)
class PaperRow:
    """A paper to bring for the procedure shown (a row of `Catalogue.paperList`); the first
    paper of a situation carries its heading ("Nếu …:")."""

    caseHeading: str
    name: str
    counts: str  # originals and copies
    note: str


class CatalogueViewModel(JourneyViewModel):
    changed = Signal()

    SCREENS = SCREENS

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        store = self.kiosk.services.catalogue
        self.follow(FindProcedureJourney(store.current, store.finder()))
        self._ways = live_rows(self, self.changed, WayRow, self._way_rows)
        self._field_tiles = live_rows(self, self.changed, FieldRow, self._field_rows)
        self._list_items = live_rows(self, self.changed, ProcedureRow, self._list_rows)
        self._results = live_rows(self, self.changed, ProcedureRow, self._result_rows)
        self._event_chips = live_rows(self, self.changed, EventRow, self._event_chip_rows)
        self._events = live_rows(self, self.changed, EventRow, self._event_rows)
        self._options = live_rows(self, self.changed, OptionRow, self._option_rows)
        self._paper_list = live_rows(self, self.changed, PaperRow, self._paper_rows)

    def start(self) -> None:
        store = (
            self.kiosk.services.catalogue
        )  # a newer catalogue may have arrived since the last citizen
        self.journey.use(store.current, store.finder())
        super().start()

    # --- what the screens show -------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.i18n.lang

    def _summary(self, procedure: Procedure) -> str:
        return self.t(
            "catalogue.list.summary",
            time=time_summary(procedure.processing_time, self.lang),
            fee=fee_summary(procedure, self.lang),
        )

    def _item(self, procedure: Procedure, why: str = "") -> ProcedureRow:
        return ProcedureRow(
            procedure.code, display_name(procedure, self.lang), self._summary(procedure), why
        )

    def _way_rows(self) -> list[WayRow]:
        ways = ["search", "fields"] + (["events"] if self.journey.finder else [])
        return [
            WayRow(way, self.t(f"catalogue.way.{way}"), self.t(f"catalogue.way.{way}_hint"))
            for way in ways
        ]

    def _field_rows(self) -> list[FieldRow]:
        catalogue = self.journey.catalogue
        return [
            FieldRow(
                f.id,
                f.name.get(self.lang),
                self.t("catalogue.fields.count", count=len(catalogue.in_field(f.id))),
            )
            for f in self.journey.fields_on_page()
        ]

    def _field_page_text(self) -> str:
        return self.t(
            "catalogue.fields.page",
            n=self.journey.field_page + 1,
            total=self.journey.field_pages,
        )

    def _list_title(self) -> str:
        if self.journey.state is S.SUGGESTIONS:
            return self.t("catalogue.list.suggestions")
        field = self.journey.catalogue.field(self.journey.field_id or "")
        return field.name.get(self.lang) if field else self.t("catalogue.list.question")

    def _list_rows(self) -> list[ProcedureRow]:
        if self.journey.state is S.SUGGESTIONS and self.journey.session:
            return [
                self._item(s.procedure, s.why.get(self.lang))
                for s in self.journey.session.suggestions()
            ]
        return [self._item(p) for p in self.journey.field_procedures()]

    def _result_rows(self) -> list[ProcedureRow]:
        return [self._item(hit.procedure) for hit in self.journey.hits]

    def _search_message(self) -> str:
        if not self.journey.query.strip():
            return self.t("catalogue.search.start")
        return "" if self.journey.hits else self.t("catalogue.search.nothing")

    def _event_chip_rows(self) -> list[EventRow]:
        return [
            EventRow(e.id, self.t("catalogue.search.event", title=e.title.get(self.lang)))
            for e in self.journey.matched_events
        ]

    def _event_rows(self) -> list[EventRow]:
        return [EventRow(e.id, e.title.get(self.lang)) for e in self.journey.events]

    def _question_id(self) -> str:
        question = self.journey.question
        return question.id if question else ""

    def _question_text(self) -> str:
        question = self.journey.question
        return question.text.get(self.lang) if question else ""

    def _option_rows(self) -> list[OptionRow]:
        question = self.journey.question
        if question is None:
            return []
        return [OptionRow(o.id, o.label.get(self.lang)) for o in question.options]

    def _get_ways(self) -> RowsModel:
        return self._ways

    def _get_field_tiles(self) -> RowsModel:
        return self._field_tiles

    def _get_list_items(self) -> RowsModel:
        return self._list_items

    def _get_results(self) -> RowsModel:
        return self._results

    def _get_event_chips(self) -> RowsModel:
        return self._event_chips

    def _get_events(self) -> RowsModel:
        return self._events

    def _get_options(self) -> RowsModel:
        return self._options

    def _queue_service(self, procedure: Procedure) -> QueueService | None:
        return self.core.config.queue.service(self.journey.catalogue.queue_service_for(procedure))

    def _detail(self) -> dict:
        procedure = self.journey.procedure
        if procedure is None:
            return {}
        lang = self.lang
        service = self._queue_service(procedure)
        source = procedure.source.title
        if procedure.source.decision:
            source += f" ({procedure.source.decision})"
        return {
            "code": procedure.code,
            "name": display_name(procedure, lang),
            "codeLine": self.t(
                "catalogue.detail.code",
                code=procedure.code,
                levels=describe_levels(procedure, lang),
            ),
            "time": describe_time(procedure.processing_time, lang),
            "timeDetails": time_details(procedure.processing_time),
            "feeSummary": fee_summary(procedure, lang),
            "fees": describe_fees(procedure, lang),
            "where": procedure.agency or self.t("catalogue.fact.not_stated"),
            "counters": self.t("catalogue.detail.counters", counters=", ".join(service.counters))
            if service
            else "",
            "online": describe_online(procedure, lang),
            "results": "; ".join(procedure.results) or self.t("catalogue.fact.not_stated"),
            "noPapers": self.t("catalogue.fact.not_stated") if not procedure.papers else "",
            # Paper names exist only in Vietnamese; say so to someone reading in English.
            "papersNote": self.t("catalogue.detail.papers_in_vietnamese") if lang == "en" else "",
            "notes": list(procedure.notes),
            "queueService": service.id if service else "",
            "handIn": self.kiosk.services.forms.can_hand_in(procedure),
            "source": self.t("catalogue.detail.source", source=source),
        }

    def _paper_rows(self) -> list[PaperRow]:
        procedure = self.journey.procedure
        if procedure is None:
            return []
        lang = self.lang
        return [
            PaperRow(
                self.t("catalogue.detail.when", when=case.when) if case.when and n == 0 else "",
                paper.name,
                describe_counts(paper, lang),
                paper.note,
            )
            for case in procedure.papers
            for n, paper in enumerate(case.papers)
        ]

    def _get_paper_list(self) -> RowsModel:
        return self._paper_list

    def _print_message(self) -> str:
        state = self.journey.print_state
        if state is PrintState.PRINTING:
            return self.t("catalogue.detail.printing")
        outcome = self.journey.print_outcome
        if state in (PrintState.PRINTED, PrintState.FAILED) and outcome is not None:
            return print_message(outcome, SLIP_WORDS, self.i18n.lang)
        return ""

    ways = Property(QObject, _get_ways, constant=True)
    fieldTiles = Property(QObject, _get_field_tiles, constant=True)
    fieldPage = Property(int, lambda self: self.journey.field_page, notify=changed)
    fieldPages = Property(int, lambda self: self.journey.field_pages, notify=changed)
    fieldPageText = Property(str, _field_page_text, notify=changed)
    listTitle = Property(str, _list_title, notify=changed)
    listItems = Property(QObject, _get_list_items, constant=True)
    query = Property(str, lambda self: self.journey.query, notify=changed)
    results = Property(QObject, _get_results, constant=True)
    searchMessage = Property(str, _search_message, notify=changed)
    eventChips = Property(QObject, _get_event_chips, constant=True)
    events = Property(QObject, _get_events, constant=True)
    questionId = Property(str, _question_id, notify=changed)
    questionText = Property(str, _question_text, notify=changed)
    options = Property(QObject, _get_options, constant=True)
    detail = Property("QVariantMap", _detail, notify=changed)
    paperList = Property(QObject, _get_paper_list, constant=True)
    printMessage = Property(str, _print_message, notify=changed)
    printing = Property(
        bool, lambda self: self.journey.print_state is PrintState.PRINTING, notify=changed
    )
    printFailed = Property(
        bool, lambda self: self.journey.print_state is PrintState.FAILED, notify=changed
    )

    # --- taps ------------------------------------------------------------------------------
    @Slot(str)
    def chooseWay(self, way: str) -> None:
        self.journey.choose_way(way)

    @Slot(int)
    def turnFieldPage(self, step: int) -> None:
        self.journey.turn_field_page(step)
        self.changed.emit()

    @Slot(str)
    def chooseField(self, field_id: str) -> None:
        self.journey.choose_field(field_id)

    @Slot(str)
    def typeQuery(self, text: str) -> None:
        if text != self.journey.query:
            self.journey.type_query(text)
            self.changed.emit()

    @Slot(str)
    def chooseEvent(self, event_id: str) -> None:
        self.journey.choose_event(event_id)

    @Slot(str, str)
    def answer(self, question_id: str, option_id: str) -> None:
        self.journey.answer(question_id, option_id)

    @Slot(str)
    def openProcedure(self, code: str) -> None:
        self.journey.open_procedure(code)

    @Slot()
    def printGuidance(self) -> None:
        procedure = self.journey.procedure
        if procedure is None or self.journey.print_state is PrintState.PRINTING:
            return
        service = self._queue_service(procedure)
        where = SlipContext(
            centre_name=self.core.config.centre.name.get(self.lang),
            counters=", ".join(service.counters) if service else "",
            portal_link=self.journey.catalogue.portal_link(procedure),
            printed_at=self.core.local_time.now(),
        )
        job = guidance_job(procedure, where, self.lang)
        self.journey.printing()
        self.changed.emit()
        printer = self.core.printer
        run_in_background(
            lambda: print_and_report(printer, job, f"guidance slip {procedure.code}"),
            lambda outcome: self._print_done(procedure.code, outcome),
        )

    def _print_done(self, code: str, outcome: PrintOutcome) -> None:
        procedure = self.journey.procedure
        if self.journey.state is not S.DETAIL or procedure is None or procedure.code != code:
            return  # the citizen moved on, or the session ended
        self.journey.print_finished(outcome)
        self.changed.emit()

    @Slot()
    def back(self) -> None:
        if not self.journey.back():
            self.leave()

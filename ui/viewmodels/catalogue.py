"""View-model of "find a procedure" (`catalogue` in QML): turns the journey's state into what
the Catalogue* screens show, in the citizen's language, and forwards their taps.

Search runs on the Qt thread on purpose: it is in memory and takes well under a millisecond a
keystroke. Printing the guidance slip runs on a worker.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, Signal, Slot

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


class CatalogueViewModel(JourneyViewModel):
    changed = Signal()

    SCREENS = SCREENS

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        store = self.kiosk.services.catalogue
        self.follow(FindProcedureJourney(store.current, store.finder()))

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

    def _item(self, procedure: Procedure, why: str = "") -> dict:
        return {
            "code": procedure.code,
            "name": display_name(procedure, self.lang),
            "summary": self._summary(procedure),
            "why": why,
        }

    def _ways(self) -> list[dict]:
        ways = ["search", "fields"] + (["events"] if self.journey.finder else [])
        return [
            {
                "id": way,
                "title": self.t(f"catalogue.way.{way}"),
                "subtitle": self.t(f"catalogue.way.{way}_hint"),
            }
            for way in ways
        ]

    def _field_tiles(self) -> list[dict]:
        catalogue = self.journey.catalogue
        return [
            {
                "id": f.id,
                "name": f.name.get(self.lang),
                "count": self.t("catalogue.fields.count", count=len(catalogue.in_field(f.id))),
            }
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

    def _list_items(self) -> list[dict]:
        if self.journey.state is S.SUGGESTIONS and self.journey.session:
            return [
                self._item(s.procedure, s.why.get(self.lang))
                for s in self.journey.session.suggestions()
            ]
        return [self._item(p) for p in self.journey.field_procedures()]

    def _results(self) -> list[dict]:
        return [self._item(hit.procedure) for hit in self.journey.hits]

    def _search_message(self) -> str:
        if not self.journey.query.strip():
            return self.t("catalogue.search.start")
        return "" if self.journey.hits else self.t("catalogue.search.nothing")

    def _event_chips(self) -> list[dict]:
        return [
            {"id": e.id, "text": self.t("catalogue.search.event", title=e.title.get(self.lang))}
            for e in self.journey.matched_events
        ]

    def _events(self) -> list[dict]:
        return [{"id": e.id, "title": e.title.get(self.lang)} for e in self.journey.events]

    def _question(self) -> dict:
        question = self.journey.question
        if question is None:
            return {}
        return {
            "id": question.id,
            "text": question.text.get(self.lang),
            "options": [{"id": o.id, "label": o.label.get(self.lang)} for o in question.options],
        }

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
            "papers": [
                {
                    "when": self.t("catalogue.detail.when", when=case.when) if case.when else "",
                    "items": [
                        {
                            "name": paper.name,
                            "counts": describe_counts(paper, lang),
                            "note": paper.note,
                        }
                        for paper in case.papers
                    ],
                }
                for case in procedure.papers
            ],
            "noPapers": self.t("catalogue.fact.not_stated") if not procedure.papers else "",
            # Paper names exist only in Vietnamese; say so to someone reading in English.
            "papersNote": self.t("catalogue.detail.papers_in_vietnamese") if lang == "en" else "",
            "notes": list(procedure.notes),
            "queueService": service.id if service else "",
            "source": self.t("catalogue.detail.source", source=source),
        }

    def _print_message(self) -> str:
        state = self.journey.print_state
        if state is PrintState.PRINTING:
            return self.t("catalogue.detail.printing")
        outcome = self.journey.print_outcome
        if state in (PrintState.PRINTED, PrintState.FAILED) and outcome is not None:
            return print_message(outcome, SLIP_WORDS, self.i18n.lang)
        return ""

    ways = Property("QVariantList", _ways, notify=changed)
    fieldTiles = Property("QVariantList", _field_tiles, notify=changed)
    fieldPage = Property(int, lambda self: self.journey.field_page, notify=changed)
    fieldPages = Property(int, lambda self: self.journey.field_pages, notify=changed)
    fieldPageText = Property(str, _field_page_text, notify=changed)
    listTitle = Property(str, _list_title, notify=changed)
    listItems = Property("QVariantList", _list_items, notify=changed)
    query = Property(str, lambda self: self.journey.query, notify=changed)
    results = Property("QVariantList", _results, notify=changed)
    searchMessage = Property(str, _search_message, notify=changed)
    eventChips = Property("QVariantList", _event_chips, notify=changed)
    events = Property("QVariantList", _events, notify=changed)
    question = Property("QVariantMap", _question, notify=changed)
    detail = Property("QVariantMap", _detail, notify=changed)
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
            self.shell.home()

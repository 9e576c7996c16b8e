"""View-model of "hand in a dossier" (`handIn` in QML): choose the procedure, run the identity
step, ask the form's missing questions one per screen, run the scan step for each paper, check
the answers, submit on a worker, show (and print, and reprint) the receipt.

The identity and scan steps are the window's step view-models (`ui/viewmodels/steps.py`): this
journey runs them with `begin(finished, cancelled)` and takes their result. Everything the
citizen gives lives in the journey, in memory, and goes with the session wipe; scanned files are
read into memory and deleted from disk.
"""

from __future__ import annotations

import logging
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.app import Kiosk
from kiosk.catalogue.model import Procedure
from kiosk.catalogue.presentation import describe_time, display_name
from kiosk.dossiers.forms import Condition, FormField
from kiosk.dossiers.submission import Submitted
from kiosk.errors import message_key_of
from kiosk.folding import fold
from kiosk.identity import Identity
from kiosk.journeys.hand_in import HandInJourney, HandInState
from kiosk.payments.due import payment_due
from kiosk.payments.fees import FEE_EXEMPTION_ANSWER, bill_for
from kiosk.printing import PaperWords, PrintOutcome, print_message
from kiosk.scanning import SavedDocument, document_type_for
from ui.background import run_in_background
from ui.i18n_bridge import I18nBridge
from ui.list_model import RowsModel, live_rows
from ui.shell import Shell
from ui.viewmodels.base import JourneyViewModel
from ui.viewmodels.help import qr_data_url
from ui.viewmodels.scan import ScanPaper
from ui.viewmodels.steps import StepViewModels

log = logging.getLogger(__name__)
RECEIPT_WORDS = PaperWords(
    "hand_in.receipt.printed", "hand_in.receipt.printed_unconfirmed", "hand_in.receipt.not_printed"
)
LONG_LIST = 6  # more choices than this: a search field above a scrolling list
PLACES_SHOWN = 8  # provinces or communes shown at once: the first, or what the search finds
S = HandInState

SCREENS = {
    S.PROCEDURE: "HandInProcedure",
    S.IDENTIFY_OTHER: "HandInOtherPerson",
    S.QUESTION: "HandInQuestion",
    S.PAPER: "HandInPaper",
    S.CHECK: "HandInCheck",
    S.SUBMITTING: "HandInCheck",  # the check screen says it is sending, in place of its button
    S.RECEIPT: "HandInReceipt",
    S.FAILED: "HandInFailed",
}


def _starts_a_word(wanted: str, name: str) -> bool:
    """ "ha n" finds "Hà Nội", "noi" finds it too; "a" does not find "Hà" (folded)."""
    return f" {fold(name)}".find(f" {wanted}") >= 0


def _read_scan(saved: SavedDocument) -> tuple[bytes, int]:
    """On a worker: the PDF into memory, then the files off the disk."""
    try:
        return saved.pdf.read_bytes(), len(saved.pages)
    finally:
        shutil.rmtree(Path(saved.pdf).parent, ignore_errors=True)


@dataclass(frozen=True)
class ProcedureRow:
    """A procedure the kiosk takes dossiers for (a row of `HandIn.procedures`)."""

    code: str
    name: str
    hint: str  # how long it takes


@dataclass(frozen=True)
class ChoiceRow:
    """An answer to tap (a row of a `FieldRow.choices`)."""

    value: str
    label: str
    key: str  # the label folded, for the search of a long list


@dataclass(frozen=True)
class PlaceRow:
    """A province or a commune to tap (a row of a `FieldRow.provinces` or `.communes`)."""

    code: str
    name: str


@dataclass(frozen=True)
class FieldRow:
    """A question on the screen (a row of `HandIn.questionFields`), with its answer: what was
    typed and refused stays as typed, never silently replaced."""

    fieldId: str
    label: str
    kind: str
    mandatory: bool
    value: str
    error: str
    hint: str
    longList: bool  # more choices than LONG_LIST: a search field above a scrolling list
    choices: RowsModel
    # an address: its typed line, the province and commune picked, the places to pick from
    line: str = ""
    lineLabel: str = ""
    canPick: bool = False
    provinceCode: str = ""
    provinceName: str = ""
    communeCode: str = ""
    communeName: str = ""
    provinces: RowsModel | None = None
    communes: RowsModel | None = None
    # the yes/no opening another person's details: the words of the button reading their card
    # at once ("Có, đọc thẻ căn cước của cha"), "" on any other question
    otherCard: str = ""


@dataclass(frozen=True)
class AnswerRow:
    """An answer to check before handing in (a row of `HandIn.answers`)."""

    fieldId: str
    label: str
    value: str
    source: str  # "from the card" for a prefilled answer, else empty


@dataclass(frozen=True)
class PaperRow:
    """A paper of the dossier to check (a row of `HandIn.papers`)."""

    paperIndex: int
    name: str
    status: str  # its pages, or "missing"


class HandInViewModel(JourneyViewModel):
    changed = Signal()
    questionChanged = Signal()  # a new question is on screen: the field shows its answer

    SCREENS = SCREENS

    def __init__(self, kiosk: Kiosk, shell: Shell, i18n: I18nBridge, steps: StepViewModels) -> None:
        super().__init__(kiosk, shell, i18n)
        self.identity_step = steps.identity
        self.scan_step = steps.scan
        self.follow(HandInJourney(camera_ready=lambda: self.scan_step.camera_available))
        self._printing = False
        self._procedures = live_rows(self, self.changed, ProcedureRow, self._procedure_rows)
        self._answers = live_rows(self, self.changed, AnswerRow, self._answer_rows)
        self._papers = live_rows(self, self.changed, PaperRow, self._paper_rows)
        # one model of choices (and of places) per field id, kept: a screen rebuilt with the
        # same rows leaves its delegates, and what is typed in them, alone
        self._choices: dict[str, RowsModel] = {}
        self._places: dict[str, tuple[RowsModel, RowsModel]] = {}
        self._fields = live_rows(self, self.changed, FieldRow, self._field_rows)

    def entered(self, state: HandInState) -> None:
        if state is S.QUESTION:
            self.questionChanged.emit()
        elif state is S.IDENTIFY:
            progress = (self.journey.step, self.journey.step_total)
            self.identity_step.begin(self._identified, self._identity_left, progress)
        elif state is S.OTHER_CARD:
            progress = (self.journey.step, self.journey.step_total)
            self.identity_step.begin(self._other_card_read, self._other_card_left, progress)
        elif state is S.SCANNING:
            paper = self.journey.paper
            assert paper is not None
            lang = self.i18n.lang
            self.scan_step.begin(
                self._scanned,
                self._scan_left,
                document_type=document_type_for(paper.name),
                paper=ScanPaper(
                    paper.name,
                    paper.lack_note.get(lang) if paper.may_lack and paper.lack_note else "",
                    self._lacked if paper.may_lack else None,
                ),
                progress=(self.journey.step, self.journey.step_total),
            )

    def forget(self) -> None:
        self._printing = False
        for provinces, communes in self._places.values():  # the last citizen's place
            provinces.set_rows([])
            communes.set_rows([])

    # --- the steps run by other view-models -------------------------------------------------
    def _identified(self, identity: Identity) -> None:
        if self.journey.state is S.IDENTIFY:
            self.identity_step.reset()  # the journey holds the identity from here on
            self.journey.identified(identity)

    def _scanned(self, saved: SavedDocument) -> None:
        if self.journey.state is not S.SCANNING:
            shutil.rmtree(Path(saved.pdf).parent, ignore_errors=True)
            return
        journey = self.journey

        def keep(result: tuple[bytes, int]) -> None:
            if journey.state is S.SCANNING:  # the session may have ended meanwhile
                journey.paper_scanned(*result)

        def lost(exc: BaseException) -> None:
            log.error("reading the scanned paper failed", exc_info=exc)
            if journey.state is S.SCANNING:
                journey.scan_failed("hand_in.paper.scan_failed")

        run_in_background(lambda: _read_scan(saved), keep, lost)

    def _other_identified(self, identity: Identity) -> None:
        if self.journey.state is S.IDENTIFY_OTHER:
            self.identity_step.reset()
            self.journey.other_identified(identity)

    def _other_card_read(self, identity: Identity) -> None:
        if self.journey.state is S.OTHER_CARD:
            self.identity_step.reset()
            self.journey.other_card_read(identity)

    def _other_card_left(self, _problem_key: str) -> None:
        self.journey.other_card_left()

    def _other_left(self, _problem_key: str) -> None:
        """Back from the identity step's first screen: whose card is asked for, again."""
        if self.journey.state is S.IDENTIFY_OTHER:
            self.shell.go(SCREENS[S.IDENTIFY_OTHER])

    def _identity_left(self, _problem_key: str) -> None:
        """Back from the identity step's first screen leaves the hand-in too."""
        self.leave()

    def _scan_left(self, problem_key: str) -> None:
        """Back from the scan screen goes one step back; a camera gone leaves the paper's own
        screen saying so."""
        if self.journey.state is not S.SCANNING:
            return
        if problem_key:
            self.journey.scan_failed("hand_in.paper.camera_gone")
        else:
            self.journey.back()

    def _lacked(self) -> None:
        """ "I don't have this paper" on the scan screen."""
        if self.journey.state is S.SCANNING:
            self.journey.lack_paper()

    # --- what the screens show --------------------------------------------------------------
    def _eligible(self) -> list[Procedure]:
        forms = self.kiosk.services.forms
        by_code = self.kiosk.services.catalogue.current.by_code
        return [by_code[c] for c in forms.codes() if c in by_code and forms.can_hand_in(by_code[c])]

    def _procedure_rows(self) -> list[ProcedureRow]:
        lang = self.i18n.lang
        return [
            ProcedureRow(
                p.code,
                display_name(p, lang),
                self.t("hand_in.procedure.time", time=describe_time(p.processing_time, lang)),
            )
            for p in self._eligible()
        ]

    def _error(self) -> str:
        key = self.journey.error_key
        return self.t(key) if key else ""

    def _field_rows(self) -> list[FieldRow]:
        """The screen of questions: its fields, each with its answer (or what was typed and
        refused) and what is wrong with it."""
        journey, draft = self.journey, self.journey.draft
        if draft is None:
            return []
        lang = self.i18n.lang
        opener = journey.other_card_opener
        rows = []
        for f in journey.page:
            value = journey.rejected.get(f.id, draft.answers.get(f.id, ""))
            long_list = len(f.choices) > LONG_LIST
            rows.append(
                FieldRow(
                    fieldId=f.id,
                    label=f.label.get(lang),
                    kind=f.kind,
                    mandatory=f.required,
                    value=value,
                    error=self.t(journey.field_errors[f.id])
                    if f.id in journey.field_errors
                    else "",
                    hint=self.t(
                        "hand_in.form.hint.list" if long_list else f"hand_in.form.hint.{f.kind}"
                    ),
                    longList=long_list,
                    choices=self._choices_of(f),
                    **self._address_parts(f, value),
                    otherCard=self._other_card_words(opener)
                    if opener and opener.field == f.id
                    else "",
                )
            )
        return rows

    def _other_card_words(self, opener: Condition) -> str:
        """The button reading the card of the person whose section `opener` opens."""
        form = self.journey.form
        assert form is not None
        section = next(f.section for f in form.fields if opener in f.ask_if)
        return self.t("hand_in.form.other_card_now", who=section.get(self.i18n.lang).lower())

    def _choices_of(self, form_field: FormField) -> RowsModel:
        lang = self.i18n.lang
        model = self._choices.get(form_field.id)
        if model is None:  # once per field: a model parented to the view-model lives as long
            model = self._choices[form_field.id] = RowsModel(ChoiceRow, self)
        model.set_rows(
            [
                ChoiceRow(c.value, c.label.get(lang), fold(c.label.get(lang)))
                for c in form_field.choices
            ]
        )
        return model

    def _address_parts(self, form_field: FormField, value: str) -> dict:
        """An address answer as the picker shows it: its typed line, province and commune."""
        if form_field.kind != "address":
            return {}
        units = self.kiosk.services.admin_units
        line, commune = units.split(value) if units is not None else (value, None)
        if form_field.id not in self._places:
            self._places[form_field.id] = (RowsModel(PlaceRow, self), RowsModel(PlaceRow, self))
        provinces, communes = self._places[form_field.id]
        return {
            "line": line,
            "lineLabel": form_field.line_label.get(self.i18n.lang)
            if form_field.line_label
            else self.t("hand_in.form.address.line"),
            "canPick": units is not None,
            "provinceCode": commune.province.code if commune else "",
            "provinceName": commune.province.name if commune else "",
            "communeCode": commune.code if commune else "",
            "communeName": commune.name if commune else "",
            "provinces": provinces,
            "communes": communes,
        }

    def _question_title(self) -> str:
        """One question alone: its words; a screen of several: the section most of its
        questions belong to, the earlier on a tie. A screen may open with the declarant's role,
        or close with whether the next section applies (the birth place with "is the father
        known?"), and the fee exemption joins the end of a page: none of them names it."""
        page = self.journey.page
        if not page or self.journey.draft is None:
            return ""
        lang = self.i18n.lang
        if len(page) == 1:
            return page[0].label.get(lang)
        sections = Counter(f.section.get(lang) for f in page if f.id != FEE_EXEMPTION_ANSWER)
        return max(sections, key=sections.__getitem__)  # the first of the most, in page order

    def _offers_other_card(self) -> bool:
        """Another person's details on this screen: their card may answer them instead."""
        journey = self.journey
        return bool(journey.page) and journey.draft is not None and journey.offers_other_card

    def _taps_answer(self) -> bool:
        """One short choice alone on its screen: a tap answers it."""
        page = self.journey.page
        return len(page) == 1 and page[0].kind == "choice" and len(page[0].choices) <= LONG_LIST

    def _first_error(self) -> str:
        """The field id of the first refused answer on the screen, scrolled into view."""
        return next((f.id for f in self.journey.page if f.id in self.journey.field_errors), "")

    def _paper(self) -> dict:
        paper = self.journey.paper
        if paper is None:
            return {}
        lang = self.i18n.lang
        return {
            "name": paper.name,
            "note": paper.note,
            "mayLack": paper.may_lack,
            "lackNote": paper.lack_note.get(lang) if paper.lack_note else "",
        }

    def _answer_rows(self) -> list[AnswerRow]:
        draft = self.journey.draft
        if draft is None:
            return []
        lang = self.i18n.lang
        prefilled = self.journey.prefilled()
        return [
            AnswerRow(
                fieldId=f.id,
                label=f.label.get(lang),
                value=f.shown(draft.answers.get(f.id, ""), lang) or self.t("hand_in.check.empty"),
                source=self.t("hand_in.check.from_card") if f.id in prefilled else "",
            )
            for f in draft.form.fields
            if draft.form.applies(f, draft.answers)  # a section answered "no" is not listed
        ]

    def _paper_rows(self) -> list[PaperRow]:
        draft = self.journey.draft
        if draft is None:
            return []
        return [
            PaperRow(
                paperIndex=p.step.index,
                name=p.step.name,
                status=self.t("hand_in.check.pages", pages=p.pages)
                if p.pdf is not None
                else self.t("hand_in.check.missing"),
            )
            for p in draft.papers
        ]

    def _get_question_fields(self) -> RowsModel:
        return self._fields

    def _get_procedures(self) -> RowsModel:
        return self._procedures

    def _get_answers(self) -> RowsModel:
        return self._answers

    def _get_papers(self) -> RowsModel:
        return self._papers

    def _other_person(self) -> str:
        form = self.journey.form
        return form.other_person.get(self.i18n.lang) if form and form.other_person else ""

    def _fees(self) -> str:
        """The fees worked out from the answers so far, line by line with the total, for the
        check screen: the citizen sees what the dossier will cost before handing it in."""
        draft = self.journey.draft
        if draft is None:
            return ""
        settings = self.core.config.payments
        bill = bill_for(
            draft.procedure.code, draft.answers, settings.province_amounts, self._today()
        )
        return "\n".join(payment_due("", bill, settings).lines(self.i18n.lang)) if bill else ""

    def _procedure_name(self) -> str:
        procedure = self.journey.procedure
        return display_name(procedure, self.i18n.lang) if procedure else ""

    def _receipt(self) -> dict:
        submitted = self.journey.submitted
        if submitted is None:
            return {}
        receipt, outcome = submitted.receipt, submitted.print_outcome
        procedure = self.journey.procedure
        lang = self.i18n.lang
        pay_code = receipt.payment.qr_payload if receipt.payment else ""
        message = print_message(outcome, RECEIPT_WORDS, lang, code=receipt.dossier_code)
        return {
            "code": receipt.dossier_code,
            "procedure": display_name(procedure, self.i18n.lang) if procedure else "",
            "applicant": receipt.applicant_name,
            "appointment": receipt.appointment or self.t("hand_in.receipt.no_appointment"),
            "collect": receipt.collect_at,
            "fees": "; ".join(receipt.payment.lines(lang) if receipt.payment else receipt.fees),
            "payQr": qr_data_url(pay_code) if pay_code else "",
            "payHow": receipt.payment.how_to_pay(lang) if receipt.payment else [],
            "papers": [
                self.t("hand_in.check.pages", pages=p.pages) + " — " + p.name
                if p.pages
                else self.t("hand_in.check.missing") + " — " + p.name
                for p in receipt.papers
            ],
            "printed": outcome.printed,
            "unconfirmed": outcome.unconfirmed,
            "message": message,
        }

    procedures = Property(QObject, _get_procedures, constant=True)
    step = Property(int, lambda self: self.journey.step, notify=changed)
    stepTotal = Property(int, lambda self: self.journey.step_total, notify=changed)
    state = Property(str, lambda self: self.journey.state.value, notify=changed)
    error = Property(str, _error, notify=changed)
    procedureName = Property(str, _procedure_name, notify=changed)
    otherPerson = Property(str, _other_person, notify=changed)
    fees = Property(str, _fees, notify=changed)
    questionTitle = Property(str, _question_title, notify=changed)
    questionFields = Property(QObject, _get_question_fields, constant=True)
    otherCard = Property(bool, _offers_other_card, notify=changed)
    tapAnswers = Property(bool, _taps_answer, notify=changed)
    firstError = Property(str, _first_error, notify=changed)
    paper = Property("QVariantMap", _paper, notify=changed)
    answers = Property(QObject, _get_answers, constant=True)
    papers = Property(QObject, _get_papers, constant=True)
    receipt = Property("QVariantMap", _receipt, notify=changed)
    printing = Property(bool, lambda self: self._printing, notify=changed)
    submitting = Property(bool, lambda self: self.journey.state is S.SUBMITTING, notify=changed)

    # --- taps -------------------------------------------------------------------------------
    @Slot(str)
    def chooseProcedure(self, code: str) -> None:
        procedure = next((p for p in self._eligible() if p.code == code), None)
        form = self.kiosk.services.forms.get(code)
        if procedure is not None and form is not None:
            self.journey.choose_procedure(procedure, form)

    @Slot()
    def identifyOther(self) -> None:
        """The second person puts their card on the reader (or shows its QR)."""
        if self.journey.state is S.IDENTIFY_OTHER:
            progress = (self.journey.step, self.journey.step_total)
            self.identity_step.begin(self._other_identified, self._other_left, progress)

    @Slot()
    def readOtherCard(self) -> None:
        """ "Read their ID card" on a screen asking another person's details."""
        self.journey.read_other_card()

    @Slot("QVariantMap")
    def readOtherCardNow(self, texts: dict) -> None:
        """ "Yes, read the father's card" beside whether his details will be given: the
        screen's answers, then his card in place of the screen of his details."""
        self.journey.read_other_card_opening({k: str(v) for k, v in texts.items()}, self._today())

    @Slot(str)
    def handInFor(self, code: str) -> None:
        """Straight to the identity step for one procedure (from its page in the catalogue)."""
        self.reset()
        self.chooseProcedure(code)

    @Slot(str)
    def answer(self, text: str) -> None:
        self.journey.answer(text, self.core.local_time.now().date())

    @Slot("QVariantMap")
    def answerPage(self, texts: dict) -> None:
        """The answers on a screen of questions, field id → what was typed or chosen."""
        self.journey.answer_page({k: str(v) for k, v in texts.items()}, self._today())

    @Slot(str, str, str)
    def findProvinces(self, field_id: str, search: str, chosen: str) -> None:
        """The provinces an address field shows: the chosen one alone, else the first ones or
        those the search finds ("ha noi", "hn", "hue")."""
        units, models = self.kiosk.services.admin_units, self._places.get(field_id)
        if units is None or models is None:
            return
        provinces = units.provinces()
        wanted = fold(search)
        if chosen and not wanted:
            found = [p for p in provinces if p.code == chosen]
        else:
            found = [
                p
                for p in provinces
                if not wanted or _starts_a_word(wanted, p.short_name) or wanted in p.aliases
            ]
        models[0].set_rows([PlaceRow(p.code, p.name) for p in found[:PLACES_SHOWN]])

    @Slot(str, str, str, str)
    def findCommunes(self, field_id: str, province: str, search: str, chosen: str) -> None:
        """The communes and wards of the province an address field shows, as for provinces."""
        units, models = self.kiosk.services.admin_units, self._places.get(field_id)
        if units is None or models is None:
            return
        communes = units.communes_of(province) if province else []
        wanted = fold(search)
        if chosen and not wanted:
            found = [c for c in communes if c.code == chosen]
        else:
            found = [c for c in communes if not wanted or _starts_a_word(wanted, c.short_name)]
        models[1].set_rows([PlaceRow(c.code, c.name) for c in found[:PLACES_SHOWN]])

    @Slot(str, result=str)
    def fold(self, text: str) -> str:
        """Search without diacritics in a long list ("e de" finds "Ê Đê")."""
        return fold(text)

    def _today(self):
        return self.core.local_time.now().date()

    @Slot()
    def scanPaper(self) -> None:
        if not self.scan_step.camera_available:
            self.journey.scan_failed("hand_in.paper.no_camera")
            return
        self.journey.start_scan()

    @Slot()
    def lackPaper(self) -> None:
        paper = self.journey.paper
        if paper is not None and paper.may_lack:
            self.journey.lack_paper()

    @Slot(str)
    def editAnswer(self, field_id: str) -> None:
        self.journey.edit_answer(field_id)

    @Slot(int)
    def editPaper(self, index: int) -> None:
        self.journey.edit_paper(index)

    @Slot()
    def submit(self) -> None:
        if self.journey.state not in (S.CHECK, S.FAILED):
            return
        draft, service, lang = self.journey.draft, self.kiosk.services.hand_in, self.i18n.lang
        self.journey.submitting()
        journey = self.journey
        run_in_background(
            lambda: service.submit(draft, lang),
            lambda submitted: self._submitted(journey, submitted),
            lambda exc: self._submit_failed(journey, exc),
        )

    def _submitted(self, journey: HandInJourney, submitted: Submitted) -> None:
        if journey.state is S.SUBMITTING:
            journey.done(submitted)

    def _submit_failed(self, journey: HandInJourney, exc: BaseException) -> None:
        if journey.state is not S.SUBMITTING:
            return
        key = message_key_of(exc, "hand_in.error.unexpected")
        if key == "hand_in.error.unexpected":
            log.error("handing in the dossier failed", exc_info=exc)
        journey.failed(key)

    @Slot()
    def reprint(self) -> None:
        submitted = self.journey.submitted
        if submitted is None or self._printing:
            return
        self._printing = True
        self.changed.emit()
        service, lang, journey = self.kiosk.services.hand_in, self.i18n.lang, self.journey
        run_in_background(
            lambda: service.print_receipt(submitted.receipt, lang),
            lambda outcome: self._reprinted(journey, outcome),
        )

    def _reprinted(self, journey: HandInJourney, outcome: PrintOutcome) -> None:
        self._printing = False
        if journey.state is S.RECEIPT:
            journey.reprinted(outcome)
        self.changed.emit()

    @Slot()
    def back(self) -> None:
        if not self.journey.back():
            self.leave()

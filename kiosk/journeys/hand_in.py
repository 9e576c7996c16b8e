"""Hand in a dossier (nộp hồ sơ): choose the procedure → identify (and, for a declaration of
two people such as a marriage, identify the other person with their own card) → answer only
what the cards did not → scan each paper (or say you do not have it, where the law allows) →
check your answers → submit → receipt.

Everything the citizen gives is held here, in memory, for the session only; `_wipe()` forgets
it. Devices, disk and printer are driven by the view-model on workers; this class only decides
what comes next.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable, Mapping
from typing import ClassVar

from kiosk.catalogue.model import Procedure
from kiosk.dossiers.forms import (
    OTHER_PERSON,
    Condition,
    FormDefinition,
    FormField,
    PaperStep,
    clean_answer,
    papers_to_scan,
)
from kiosk.dossiers.submission import DossierDraft, ScannedPaper, Submitted
from kiosk.identity import Identity
from kiosk.journeys.base import Journey
from kiosk.journeys.progress import Steps
from kiosk.printing import PrintOutcome


class HandInState(enum.Enum):
    PROCEDURE = "procedure"
    IDENTIFY = "identify"
    IDENTIFY_OTHER = "identify_other"
    OTHER_CARD = "other_card"  # a second card read from a question screen, by choice
    QUESTION = "question"
    PAPER = "paper"
    SCANNING = "scanning"
    CHECK = "check"
    SUBMITTING = "submitting"
    RECEIPT = "receipt"
    FAILED = "failed"


S = HandInState


class HandInJourney(Journey[HandInState]):
    STEPS: ClassVar = Steps(
        {  # procedure, identity, form, papers, check, receipt
            S.PROCEDURE: 1,
            S.IDENTIFY: 2,
            S.IDENTIFY_OTHER: 2,
            S.OTHER_CARD: 3,
            S.QUESTION: 3,
            S.PAPER: 4,
            S.SCANNING: 4,
            S.CHECK: 5,
            S.SUBMITTING: 5,
            S.FAILED: 5,
            S.RECEIPT: 6,
        },
        total=6,
    )
    TRANSITIONS: ClassVar[Mapping[HandInState, frozenset[HandInState]]] = {
        S.PROCEDURE: frozenset({S.IDENTIFY}),
        S.IDENTIFY: frozenset(
            {S.PROCEDURE, S.IDENTIFY_OTHER, S.QUESTION, S.PAPER, S.SCANNING, S.CHECK}
        ),
        S.IDENTIFY_OTHER: frozenset(
            {S.IDENTIFY_OTHER, S.PROCEDURE, S.QUESTION, S.PAPER, S.SCANNING, S.CHECK}
        ),
        S.QUESTION: frozenset(
            {S.QUESTION, S.OTHER_CARD, S.PROCEDURE, S.PAPER, S.SCANNING, S.CHECK}
        ),
        S.OTHER_CARD: frozenset({S.QUESTION, S.PAPER, S.SCANNING, S.CHECK, S.PROCEDURE}),
        S.PAPER: frozenset({S.PAPER, S.SCANNING, S.QUESTION, S.CHECK, S.PROCEDURE}),
        S.SCANNING: frozenset({S.PAPER, S.SCANNING, S.QUESTION, S.CHECK, S.PROCEDURE}),
        S.CHECK: frozenset({S.QUESTION, S.PAPER, S.SCANNING, S.SUBMITTING, S.PROCEDURE}),
        S.SUBMITTING: frozenset({S.RECEIPT, S.FAILED}),
        S.FAILED: frozenset({S.CHECK, S.SUBMITTING}),
        S.RECEIPT: frozenset(),
    }

    def __init__(self, camera_ready: Callable[[], bool] = lambda: False) -> None:
        """`camera_ready` says whether a paper can be scanned now: then each paper opens
        straight on the camera (its name, and "I don't have it", on the scan screen), one
        screen instead of a paper screen and a scan screen."""
        super().__init__(S.PROCEDURE)
        self._camera_ready = camera_ready
        self._wipe()

    def _wipe(self) -> None:
        self.procedure: Procedure | None = None
        self.form: FormDefinition | None = None
        self.draft: DossierDraft | None = None
        self.known: dict[str, str] = {}  # what the card gave (the other person's: "other.…")
        self.other: Identity | None = None  # the second person of a declaration of two
        self.from_card: set[str] = set()  # fields the card answered (never asked)
        self.reopened: set[str] = set()  # card answers the citizen chose to change
        self.page_index = 0
        self.papers: list[PaperStep] = []
        self.paper_index = 0
        self.editing = False  # came from "check your answers": go back there after one change
        self.error_key: str | None = None
        self.field_errors: dict[str, str] = {}  # field id → what is wrong with its answer
        # a refused screen's answers as typed, shown again as typed (never silently replaced)
        self.rejected: dict[str, str] = {}
        self.submitted: Submitted | None = None

    @property
    def pages(self) -> list[list[FormField]]:
        """The screens of questions, as the answers so far decide them."""
        if self.form is None or self.draft is None:
            return []
        answers = self.draft.answers
        asked = [
            f
            for f in self.form.fields
            if self.form.applies(f, answers)
            and (f.id not in self.from_card or f.id in self.reopened)
        ]
        return self.form.screens(asked)

    @property
    def page(self) -> list[FormField]:
        pages = self.pages
        if self.state is not S.QUESTION or not 0 <= self.page_index < len(pages):
            return []
        return pages[self.page_index]

    @property
    def question(self) -> FormField | None:
        page = self.page
        return page[0] if page else None

    @property
    def paper(self) -> PaperStep | None:
        if self.state not in (S.PAPER, S.SCANNING) or not self.papers:
            return None
        return self.papers[self.paper_index]

    # --- choose, identify -----------------------------------------------------------------
    def choose_procedure(self, procedure: Procedure, form: FormDefinition) -> None:
        self.procedure, self.form = procedure, form
        self._go(S.IDENTIFY)

    def identified(self, identity: Identity) -> None:
        assert self.procedure is not None and self.form is not None
        self.known = identity.form_values()
        self.draft = DossierDraft(self.procedure, self.form, identity)
        if self.form.other_person is not None:
            self.error_key = None
            self._go(S.IDENTIFY_OTHER)
            return
        self._to_questions()

    def other_identified(self, identity: Identity) -> bool:
        """The second person's card; the first person's own card again is refused (two people
        declare together)."""
        assert self.draft is not None
        if identity.id_number == self.draft.identity.id_number:
            self.error_key = "hand_in.other.same_person"
            self._go(S.IDENTIFY_OTHER)
            return False
        self.other, self.error_key = identity, None
        self.known.update({OTHER_PERSON + k: v for k, v in identity.form_values().items()})
        self._to_questions()
        return True

    def read_other_card(self) -> None:
        """The screen asking another person's details reads their card instead (the other
        parent's); confirmed, it answers what it can and the questions go on."""
        if self.state is S.QUESTION and self.offers_other_card:
            self.error_key, self.field_errors, self.rejected = None, {}, {}
            self._go(S.OTHER_CARD)

    def read_other_card_opening(self, texts: Mapping[str, str], today: dt.date) -> bool:
        """The screen asking whether another person's details will be given reads that
        person's card at once: its answers are kept with the "yes" that opens their section,
        and their card is read in place of the screen of their details, which comes back only
        for what the card leaves open (or on Back from the card)."""
        assert self.form is not None and self.draft is not None
        opener = self.other_card_opener
        if opener is None or not self._keep_page({**texts, opener.field: opener.values[0]}, today):
            return False
        self.error_key, self.field_errors, self.rejected = None, {}, {}
        self.page_index += 1  # the screen of their details, which the card answers
        self._go(S.OTHER_CARD)
        return True

    @property
    def other_card_opener(self) -> Condition | None:
        """The yes/no on this screen that opens a section another person's card can answer."""
        if self.state is not S.QUESTION or self.other is not None:
            return None
        assert self.form is not None and self.draft is not None
        return self.form.other_card_opener(self.page, self.draft.answers)

    @property
    def offers_other_card(self) -> bool:
        assert self.form is not None and self.draft is not None
        return self.other is None and self.form.offers_other_card(self.page, self.draft.answers)

    def other_card_read(self, identity: Identity) -> bool:
        """The other person's card, read by choice; the declarant's own card is refused."""
        assert self.draft is not None
        if self.state is not S.OTHER_CARD:
            return False
        if identity.id_number == self.draft.identity.id_number:
            self.error_key = "hand_in.other.same_person"
            self._go(S.QUESTION)
            return False
        self.other = identity
        self.known.update({OTHER_PERSON + k: v for k, v in identity.form_values().items()})
        self._take_card_values()
        pending = self._first_unanswered_page()
        if pending is not None:
            self.page_index = pending
            self._go(S.QUESTION)
        elif self.editing:
            self.editing = False
            self._after_questions(to_check=True)
        elif self.page_index < len(self.pages):
            self._go(S.QUESTION)  # the answered screen again, for what the card left open
        else:
            self._after_questions()
        return True

    def other_card_left(self) -> None:
        """Back from the other card: the screen asking their details again."""
        if self.state is S.OTHER_CARD:
            self._go(S.QUESTION)

    def _to_questions(self) -> None:
        self._take_card_values()
        self.page_index = 0
        self._go(S.QUESTION) if self.pages else self._after_questions()

    def _take_card_values(self) -> None:
        """Fills what the card answers under the answers so far; drops what no longer applies."""
        assert self.form is not None and self.draft is not None
        answers = self.draft.answers
        for form_field in self.form.fields:
            if form_field.id in self.reopened:
                continue
            value = self.form.card_value(form_field, self.known, answers)
            if value:
                answers[form_field.id] = value
                self.from_card.add(form_field.id)
            elif form_field.id in self.from_card:
                self.from_card.discard(form_field.id)
                answers.pop(form_field.id, None)
        for form_field in self.form.fields:
            if not self.form.applies(form_field, answers):
                answers.pop(form_field.id, None)

    def prefilled(self) -> set[str]:
        return self.from_card - self.reopened

    # --- the form ---------------------------------------------------------------------------
    def answer(self, text: str, today: dt.date) -> bool:
        """One answer for a screen of one question (a choice tapped)."""
        form_field = self.question
        assert form_field is not None
        return self.answer_page({form_field.id: text}, today)

    def _keep_page(self, texts: Mapping[str, str], today: dt.date) -> bool:
        """Keeps a screen's valid answers; with any refused, keeps what was typed as typed,
        says what is wrong beside each, and stays on the screen (False)."""
        page, draft = self.page, self.draft
        assert page and draft is not None
        cleaned: dict[str, str] = {}
        self.field_errors, self.rejected = {}, {}
        for form_field in page:
            text = texts.get(form_field.id, draft.answers.get(form_field.id, ""))
            value, error = clean_answer(form_field, text, today)
            if error:
                self.field_errors[form_field.id] = error
            cleaned[form_field.id] = value
        if self.field_errors:
            self.rejected = {f.id: texts.get(f.id, draft.answers.get(f.id, "")) for f in page}
            self.error_key = next(iter(self.field_errors.values()))
            self._go(S.QUESTION)
            return False
        self.error_key = None
        for field_id, value in cleaned.items():
            if value:
                draft.answers[field_id] = value
            else:
                draft.answers.pop(field_id, None)
        self._take_card_values()
        return True

    def answer_page(self, texts: Mapping[str, str], today: dt.date) -> bool:
        """Keeps a screen's valid answers and moves on; with any answer refused, keeps what was
        typed as typed, says what is wrong beside each, and stays."""
        if not self._keep_page(texts, today):
            return False
        pending = self._first_unanswered_page()
        if self.editing and pending is None:
            self.editing = False
            self._after_questions(to_check=True)
        elif self.editing and pending is not None:
            self.page_index = pending  # a change opened a section: its questions first
            self._go(S.QUESTION)
        elif self.page_index + 1 < len(self.pages):
            self.page_index += 1
            self._go(S.QUESTION)
        else:
            self._after_questions()
        return True

    def _first_unanswered_page(self) -> int | None:
        assert self.draft is not None
        answers = self.draft.answers
        for index, page in enumerate(self.pages):
            if any(f.required and f.id not in answers for f in page):
                return index
        return None

    def _after_questions(self, to_check: bool = False) -> None:
        """Which papers the answers call for; then the first paper, or the check."""
        assert self.draft is not None
        self._settle_papers()
        scanned = {p.step.name for p in self.draft.papers}
        missing = [p for p in self.papers if p.name not in scanned]
        if missing and (to_check or not self.draft.papers):
            self.paper_index = self.papers.index(missing[0])
            self._to_paper()
        elif to_check or not self.papers:
            self._go(S.CHECK)
        else:
            self.paper_index = 0
            self._to_paper()

    def _settle_papers(self) -> None:
        """The papers the answers (and the papers said missing) call for; the ones kept take
        their new place, the ones no longer asked for are dropped."""
        assert self.procedure is not None and self.form is not None and self.draft is not None
        lacking = {p.step.name for p in self.draft.papers if p.pdf is None}
        self.papers = papers_to_scan(self.procedure, self.form, self.draft.answers, lacking)
        steps = {step.name: step for step in self.papers}
        self.draft.papers = sorted(
            (
                dataclasses.replace(p, step=steps[p.step.name])
                for p in self.draft.papers
                if p.step.name in steps
            ),
            key=lambda p: p.step.index,
        )

    def _to_paper(self) -> None:
        """The paper at `paper_index`: on the camera at once when it can scan, else its screen."""
        self.error_key = None
        self._go(S.SCANNING if self._camera_ready() else S.PAPER)

    # --- the papers -------------------------------------------------------------------------
    def start_scan(self) -> None:
        self.error_key = None
        self._go(S.SCANNING)

    def paper_scanned(self, pdf: bytes, pages: int) -> None:
        self._keep_paper(ScannedPaper(self.papers[self.paper_index], pdf, pages))

    def lack_paper(self) -> None:
        step = self.papers[self.paper_index]
        if not step.may_lack:
            raise ValueError("this paper is required")
        self._keep_paper(ScannedPaper(step, None))

    def scan_failed(self, message_key: str) -> None:
        self.error_key = message_key
        self._go(S.PAPER)

    def _keep_paper(self, paper: ScannedPaper) -> None:
        assert self.draft is not None
        papers = [p for p in self.draft.papers if p.step.name != paper.step.name]
        self.draft.papers = [*papers, paper]
        self.error_key = None
        self._settle_papers()  # a paper said missing may call for the one standing in for it
        scanned = {p.step.name for p in self.draft.papers}
        missing = [p for p in self.papers if p.name not in scanned]
        if not missing:
            self.editing = False
            self._go(S.CHECK)
        elif self.editing and missing[0].name != paper.step.name:
            self.paper_index = missing[0].index  # a change opened a paper: it comes first
            self._to_paper()
        elif self.editing:
            self.editing = False
            self._go(S.CHECK)
        else:
            self.paper_index = missing[0].index
            self._to_paper()

    # --- check, change, submit ------------------------------------------------------------
    def edit_answer(self, field_id: str) -> None:
        """ "Sửa": the screen that asked it (a card answer gets a screen of its own), then back
        to the check."""
        assert self.form is not None
        if field_id in self.from_card:
            self.reopened.add(field_id)
        self.page_index = next(
            i for i, page in enumerate(self.pages) if field_id in {f.id for f in page}
        )
        self.editing, self.error_key = True, None
        self.field_errors, self.rejected = {}, {}
        self._go(S.QUESTION)

    def edit_paper(self, index: int) -> None:
        self.paper_index = index
        self.editing = True
        self._to_paper()

    def submitting(self) -> None:
        self.error_key = None
        self._go(S.SUBMITTING)

    def done(self, submitted: Submitted) -> None:
        self.submitted = submitted
        self._go(S.RECEIPT)

    def failed(self, message_key: str) -> None:
        self.error_key = message_key
        self._go(S.FAILED)

    def reprinted(self, outcome: PrintOutcome) -> None:
        assert self.submitted is not None
        self.submitted = Submitted(self.submitted.receipt, outcome)

    def back(self) -> bool:
        """One step back; False when there is nowhere to go back to (the journey ends)."""
        state = self.state
        self.field_errors, self.rejected = {}, {}
        if state is S.QUESTION and self.editing:
            self.editing, self.error_key = False, None
            self._go(S.CHECK)
        elif state is S.QUESTION and self.page_index > 0:
            self.page_index -= 1
            self.error_key = None
            self._go(S.QUESTION)
        elif state in (S.PAPER, S.SCANNING) and self.editing:
            self.editing, self.error_key = False, None
            self._go(S.CHECK)
        elif state in (S.PAPER, S.SCANNING) and self.paper_index > 0:
            self.paper_index -= 1
            self._to_paper()
        elif state in (S.PAPER, S.SCANNING) and self.pages:
            self.page_index = len(self.pages) - 1
            self.error_key = None
            self._go(S.QUESTION)
        elif state is S.OTHER_CARD:
            self._go(S.QUESTION)
        elif state in (S.QUESTION, S.PAPER, S.SCANNING, S.IDENTIFY, S.IDENTIFY_OTHER):
            self._wipe()
            self._go(S.PROCEDURE)
        elif state is S.CHECK:
            self.paper_index = max(len(self.papers) - 1, 0)
            if self.papers:
                self._to_paper()
            elif self.pages:
                self.page_index = len(self.pages) - 1
                self._go(S.QUESTION)
            else:
                self._wipe()
                self._go(S.PROCEDURE)
        elif state is S.FAILED:
            self._go(S.CHECK)
        else:
            return False
        return True

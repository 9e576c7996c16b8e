"""Hand in a dossier (nộp hồ sơ): choose the procedure → identify → answer only what the card
did not → scan each paper (or say you do not have it, where the law allows) → check your
answers → submit → receipt.

Everything the citizen gives is held here, in memory, for the session only; `_wipe()` forgets
it. Devices, disk and printer are driven by the view-model on workers; this class only decides
what comes next.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import ClassVar

from kiosk.catalogue.model import Procedure
from kiosk.dossiers.forms import FormDefinition, FormField, PaperStep, clean_answer, papers_to_scan
from kiosk.dossiers.submission import DossierDraft, ScannedPaper, Submitted
from kiosk.identity import Identity
from kiosk.journeys.base import Journey
from kiosk.journeys.progress import Steps
from kiosk.printing import PrintOutcome


class HandInState(enum.Enum):
    PROCEDURE = "procedure"
    IDENTIFY = "identify"
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
        S.IDENTIFY: frozenset({S.PROCEDURE, S.QUESTION, S.PAPER, S.CHECK}),
        S.QUESTION: frozenset({S.QUESTION, S.PROCEDURE, S.PAPER, S.CHECK}),
        S.PAPER: frozenset({S.PAPER, S.SCANNING, S.QUESTION, S.CHECK, S.PROCEDURE}),
        S.SCANNING: frozenset({S.PAPER, S.CHECK}),
        S.CHECK: frozenset({S.QUESTION, S.PAPER, S.SUBMITTING}),
        S.SUBMITTING: frozenset({S.RECEIPT, S.FAILED}),
        S.FAILED: frozenset({S.CHECK, S.SUBMITTING}),
        S.RECEIPT: frozenset(),
    }

    def __init__(self) -> None:
        super().__init__(S.PROCEDURE)
        self._wipe()

    def _wipe(self) -> None:
        self.procedure: Procedure | None = None
        self.form: FormDefinition | None = None
        self.draft: DossierDraft | None = None
        self.questions: list[FormField] = []  # the fields the citizen is asked, in order
        self.question_index = 0
        self.papers: list[PaperStep] = []
        self.paper_index = 0
        self.editing = False  # came from "check your answers": go back there after one change
        self.error_key: str | None = None
        self.submitted: Submitted | None = None

    @property
    def question(self) -> FormField | None:
        if self.state is not S.QUESTION or not self.questions:
            return None
        return self.questions[self.question_index]

    @property
    def paper(self) -> PaperStep | None:
        if self.state not in (S.PAPER, S.SCANNING) or not self.papers:
            return None
        return self.papers[self.paper_index]

    # --- choose, identify -----------------------------------------------------------------
    def choose_procedure(self, procedure: Procedure, form: FormDefinition) -> None:
        self.procedure, self.form = procedure, form
        self.papers = papers_to_scan(procedure, form)
        self._go(S.IDENTIFY)

    def identified(self, identity: Identity) -> None:
        assert self.procedure is not None and self.form is not None
        known = identity.form_values()
        draft = DossierDraft(self.procedure, self.form, identity)
        for form_field in self.form.fields:
            value = known.get(form_field.prefill, "") if form_field.prefill else ""
            if value and (not form_field.choices or value in {c.value for c in form_field.choices}):
                draft.answers[form_field.id] = value
        self.draft = draft
        self.questions = [f for f in self.form.fields if f.id not in draft.answers]
        self.question_index = 0
        self._after_questions() if not self.questions else self._go(S.QUESTION)

    def prefilled(self) -> set[str]:
        asked = {f.id for f in self.questions}
        return {f.id for f in self.form.fields if f.id not in asked} if self.form else set()

    # --- the form ---------------------------------------------------------------------------
    def answer(self, text: str, today: dt.date) -> bool:
        """Keeps a valid answer and moves on; an invalid one sets `error_key` and stays."""
        form_field, draft = self.question, self.draft
        assert form_field is not None and draft is not None
        value, self.error_key = clean_answer(form_field, text, today)
        if self.error_key:
            self._go(S.QUESTION)
            return False
        if value:
            draft.answers[form_field.id] = value
        else:
            draft.answers.pop(form_field.id, None)
        if self.editing:
            self.editing = False
            self._go(S.CHECK)
        elif self.question_index + 1 < len(self.questions):
            self.question_index += 1
            self._go(S.QUESTION)
        else:
            self._after_questions()
        return True

    def _after_questions(self) -> None:
        self.paper_index = 0
        self._go(S.PAPER if self.papers else S.CHECK)

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
        papers = [p for p in self.draft.papers if p.step.index != paper.step.index]
        self.draft.papers = sorted([*papers, paper], key=lambda p: p.step.index)
        self.error_key = None
        if self.editing or self.paper_index + 1 >= len(self.papers):
            self.editing = False
            self._go(S.CHECK)
        else:
            self.paper_index += 1
            self._go(S.PAPER)

    # --- check, change, submit ------------------------------------------------------------
    def edit_answer(self, field_id: str) -> None:
        assert self.form is not None
        form_field = self.form.field(field_id)
        if form_field not in self.questions:
            self.questions.append(form_field)
        self.question_index = self.questions.index(form_field)
        self.editing, self.error_key = True, None
        self._go(S.QUESTION)

    def edit_paper(self, index: int) -> None:
        self.paper_index = index
        self.editing, self.error_key = True, None
        self._go(S.PAPER)

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
        if state is S.QUESTION and self.editing:
            self.editing, self.error_key = False, None
            self._go(S.CHECK)
        elif state is S.QUESTION and self.question_index > 0:
            self.question_index -= 1
            self.error_key = None
            self._go(S.QUESTION)
        elif state is S.PAPER and self.editing:
            self.editing, self.error_key = False, None
            self._go(S.CHECK)
        elif state is S.PAPER and self.paper_index > 0:
            self.paper_index -= 1
            self._go(S.PAPER)
        elif state is S.PAPER and self.questions:
            self.question_index = len(self.questions) - 1
            self._go(S.QUESTION)
        elif state in (S.QUESTION, S.PAPER, S.IDENTIFY):
            self._wipe()
            self._go(S.PROCEDURE)
        elif state is S.CHECK:
            self.paper_index = max(len(self.papers) - 1, 0)
            self._go(S.PAPER) if self.papers else self.edit_answer(self.form.fields[-1].id)
        elif state is S.FAILED:
            self._go(S.CHECK)
        else:
            return False
        return True

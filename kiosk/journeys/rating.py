"""Rate the service: how satisfied (the five official levels) → which counter, or which dossier,
or the centre as a whole → optionally "tell us more" (the 9-index questionnaire, one question a
screen, each skippable) → stored for the province → thank you.

Storing is disk work, so the journey only moves to SAVING; whoever runs it stores `rating()` on a
worker and reports `saved()` or `failed()`. The rating id is fixed when saving first starts, so
"try again" can never store the same rating twice.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import ClassVar

from kiosk.dossiers.code import DossierCodeError, parse_dossier_code
from kiosk.journeys.base import Journey
from kiosk.journeys.progress import Steps
from kiosk.ratings import Index, Questionnaire, Rating, new_rating_id


class RatingState(enum.Enum):
    LEVEL = "level"
    SUBJECT = "subject"
    DOSSIER = "dossier"
    MORE = "more"
    QUESTION = "question"
    SAVING = "saving"
    SAVED = "saved"
    FAILED = "failed"


S = RatingState


class RatingJourney(Journey[RatingState]):
    STEPS: ClassVar = Steps(
        {
            S.LEVEL: 1,
            S.SUBJECT: 2,
            S.DOSSIER: 2,
            S.MORE: 3,
            S.QUESTION: 3,
            S.SAVING: 4,
            S.SAVED: 4,
            S.FAILED: 4,
        },
        total=4,
    )
    TRANSITIONS: ClassVar = {
        S.LEVEL: frozenset({S.SUBJECT}),
        S.SUBJECT: frozenset({S.LEVEL, S.DOSSIER, S.MORE}),
        S.DOSSIER: frozenset({S.SUBJECT, S.MORE}),
        S.MORE: frozenset({S.SUBJECT, S.DOSSIER, S.QUESTION, S.SAVING}),
        S.QUESTION: frozenset({S.MORE, S.SAVING}),
        S.SAVING: frozenset({S.SAVED, S.FAILED}),
        S.SAVED: frozenset(),
        S.FAILED: frozenset({S.SAVING}),
    }

    def __init__(self, questionnaire: Questionnaire, counters: Mapping[str, Sequence[str]]) -> None:
        """`counters`: each counter's name → the queue services it serves."""
        super().__init__(S.LEVEL)
        self.questionnaire = questionnaire
        self.counters = {name: tuple(services) for name, services in counters.items()}
        self._clear()

    def _clear(self) -> None:
        self.level_id: str | None = None
        self.counter: str | None = None
        self.dossier_code: str | None = None
        self.answers: dict[str, int] = {}
        self.question = 0
        self.rating_id: str | None = None
        self.problem_key = ""

    # --- events ------------------------------------------------------------------------------
    def choose_level(self, level_id: str) -> None:
        self.questionnaire.level(level_id)  # raises for an unknown level
        self.level_id = level_id
        self._go(S.SUBJECT)

    def choose_counter(self, counter: str | None) -> None:
        """A counter served the citizen; None = the centre as a whole."""
        if counter is not None and counter not in self.counters:
            raise ValueError(f"unknown counter {counter!r}")
        self.counter = counter
        self.dossier_code = None
        self._go(S.MORE)

    def rate_a_dossier(self) -> None:
        self.problem_key = ""
        self._go(S.DOSSIER)

    def dossier_typed(self, text: str) -> None:
        try:
            self.dossier_code = parse_dossier_code(text)
        except DossierCodeError as exc:
            self.problem_key = exc.message_key
            self._redraw()
            return
        self.counter = None
        self.problem_key = ""
        self._go(S.MORE)

    def tell_more(self, wanted: bool) -> None:
        if wanted:
            self.question = 0
            self.answers = {}
            self._go(S.QUESTION)
        else:
            self._start_saving()

    def answer(self, answer_id: str | None) -> None:
        """The current question's answer; None skips it."""
        index = self.current_index
        if answer_id is not None:
            self.answers[index.id] = index.points(answer_id)
        else:
            self.answers.pop(index.id, None)
        if self.question + 1 < len(self.questionnaire.indices):
            self.question += 1
            self._redraw()
        else:
            self._start_saving()

    def saved(self) -> None:
        if self.state is S.SAVING:
            self._go(S.SAVED)

    def failed(self, message_key: str) -> None:
        if self.state is S.SAVING:
            self.problem_key = message_key
            self._go(S.FAILED)

    def retry(self) -> None:
        self.problem_key = ""
        self._go(S.SAVING)

    def back(self) -> bool:
        """One step back; False when there is nothing to go back to (leave the journey)."""
        state = self.state
        if state is S.SUBJECT:
            self._go(S.LEVEL)
        elif state is S.DOSSIER:
            self.problem_key = ""
            self._go(S.SUBJECT)
        elif state is S.MORE:
            self._go(S.DOSSIER if self.dossier_code else S.SUBJECT)
        elif state is S.QUESTION and self.question > 0:
            self.question -= 1
            self._redraw()
        elif state is S.QUESTION:
            self._go(S.MORE)
        else:
            return False
        return True

    # --- what the screens and the store need -------------------------------------------------
    @property
    def current_index(self) -> Index:
        return self.questionnaire.indices[self.question]

    def rating(self, rated_at: datetime, kiosk_id: str, language: str) -> Rating:
        assert self.level_id is not None and self.rating_id is not None
        services = self.counters.get(self.counter or "", ())
        return Rating(
            rating_id=self.rating_id,
            level_id=self.level_id,
            score=self.questionnaire.level(self.level_id).score,
            rated_at=rated_at,
            kiosk_id=kiosk_id,
            language=language,
            counter=self.counter,
            service_id=services[0] if len(services) == 1 else None,
            dossier_code=self.dossier_code,
            answers=dict(self.answers),
        )

    def _start_saving(self) -> None:
        if self.rating_id is None:
            self.rating_id = new_rating_id()
        self._go(S.SAVING)

    def _redraw(self) -> None:
        for listener in list(self._listeners):
            listener(self.state)

    def _wipe(self) -> None:
        self._clear()

"""View-model of "rate the service" (`rating` in QML): five big buttons with words and faces,
which counter (or dossier), an optional questionnaire, then thank you.

The rating is stored in the outbox on a worker (never the Qt thread) and uploaded later by the
outbox's uploader, so rating works the same with or without a network.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.errors import UserFacingError
from kiosk.journeys.rating import RatingJourney, RatingState
from kiosk.province import OutboxError, ProvinceNotReady
from kiosk.ratings import Rating
from kiosk.ratings.questionnaire import bundled_questionnaire
from ui.background import run_in_background
from ui.list_model import RowsModel, live_rows
from ui.viewmodels.base import JourneyViewModel

log = logging.getLogger(__name__)
S = RatingState

SCREENS = {
    S.LEVEL: "RatingLevel",
    S.SUBJECT: "RatingSubject",
    S.DOSSIER: "RatingDossier",
    S.MORE: "RatingMore",
    S.QUESTION: "RatingQuestion",
    S.SAVING: "RatingThanks",
    S.SAVED: "RatingThanks",
    S.FAILED: "RatingThanks",
}


@dataclass(frozen=True)
class LevelRow:
    """How satisfied the citizen is (a row of `Rating.levels`)."""

    levelId: str
    label: str
    score: int


@dataclass(frozen=True)
class AnswerRow:
    """An answer to the question shown (a row of `Rating.answers`)."""

    answerId: str
    label: str
    chosen: bool


@dataclass(frozen=True)
class CounterRow:
    """A counter the rating may be about (a row of `Rating.counters`)."""

    counter: str
    label: str
    services: str


class RatingViewModel(JourneyViewModel):
    changed = Signal()

    SCREENS = SCREENS

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        counters: dict[str, list[str]] = {}
        for service in self.core.config.queue.services:
            for counter in service.counters:
                counters.setdefault(counter, []).append(service.id)
        self._storing = False
        self._rating: Rating | None = None  # built once, so "try again" stores the same bytes
        self.follow(RatingJourney(bundled_questionnaire(), counters))
        self._levels = live_rows(self, self.changed, LevelRow, self._level_rows)
        self._counters = live_rows(self, self.changed, CounterRow, self._counter_rows)
        self._answers = live_rows(self, self.changed, AnswerRow, self._answer_rows)

    def forget(self) -> None:
        self._storing = False
        self._rating = None

    def entered(self, state: RatingState) -> None:
        if state is S.SAVING:
            self._store()

    # --- storing --------------------------------------------------------------------------------
    def _store(self) -> None:
        if self._storing:
            return
        self._storing = True
        rating = self._rating
        if rating is None or rating.rating_id != self.journey.rating_id:
            rating = self._rating = self.journey.rating(
                self.core.local_time.now(), self.core.config.centre.kiosk_id, self.i18n.lang
            )
        province = self.core.province

        def store() -> Rating:
            try:
                province.hand_in_rating(rating.rating_id, rating.body())
            except ProvinceNotReady as exc:
                raise UserFacingError("rating.failed.not_ready") from exc
            return rating

        run_in_background(store, lambda stored: self._stored(stored), self._store_failed)

    def _stored(self, rating: Rating) -> None:
        self._storing = False
        if self.journey.rating_id == rating.rating_id:  # the session may have ended meanwhile
            self.journey.saved()

    def _store_failed(self, exc: BaseException) -> None:
        self._storing = False
        if isinstance(exc, UserFacingError):
            key = exc.message_key
        else:
            if not isinstance(exc, OutboxError):
                log.error("storing a rating failed", exc_info=exc)
            key = "rating.failed.storage"
        self.journey.failed(key)

    # --- what the screens show ----------------------------------------------------------------
    def _level_rows(self) -> list[LevelRow]:
        levels = self.journey.questionnaire.levels
        return [LevelRow(level.id, self.t(level.message_key), level.score) for level in levels]

    def _counter_rows(self) -> list[CounterRow]:
        names = {s.id: s.name.get(self.i18n.lang) for s in self.core.config.queue.services}
        return [
            CounterRow(
                counter,
                self.t("rating.subject.counter", counter=counter),
                ", ".join(names[s] for s in services),
            )
            for counter, services in self.journey.counters.items()
        ]

    def _get_levels(self) -> RowsModel:
        return self._levels

    def _get_counters(self) -> RowsModel:
        return self._counters

    def _question_text(self) -> str:
        journey = self.journey
        return self.t(journey.current_index.question_key) if journey.state is S.QUESTION else ""

    def _question_counter(self) -> str:
        journey = self.journey
        if journey.state is not S.QUESTION:
            return ""
        total = len(journey.questionnaire.indices)
        return self.t("rating.question.counter", n=journey.question + 1, total=total)

    def _answer_rows(self) -> list[AnswerRow]:
        journey = self.journey
        if journey.state is not S.QUESTION:
            return []
        index = journey.current_index
        chosen = journey.answers.get(index.id)
        return [
            AnswerRow(answer.id, self.t(index.answer_key(answer.id)), chosen == answer.points)
            for answer in index.answers
        ]

    def _get_answers(self) -> RowsModel:
        return self._answers

    def _problem(self) -> str:
        key = self.journey.problem_key
        return self.t(key) if key else ""

    levels = Property(QObject, _get_levels, constant=True)
    counters = Property(QObject, _get_counters, constant=True)
    questionText = Property(str, _question_text, notify=changed)
    questionCounter = Property(str, _question_counter, notify=changed)
    answers = Property(QObject, _get_answers, constant=True)
    problem = Property(str, _problem, notify=changed)
    state = Property(str, lambda self: self.journey.state.value, notify=changed)
    step = Property(int, lambda self: self.journey.step, notify=changed)
    stepTotal = Property(int, lambda self: self.journey.step_total, constant=True)

    # --- taps ---------------------------------------------------------------------------------
    @Slot(str)
    def chooseLevel(self, level_id: str) -> None:
        self.journey.choose_level(level_id)

    @Slot(str)
    def chooseCounter(self, counter: str) -> None:
        self.journey.choose_counter(counter or None)

    @Slot()
    def rateADossier(self) -> None:
        self.journey.rate_a_dossier()

    @Slot(str)
    def submitDossier(self, text: str) -> None:
        self.journey.dossier_typed(text)

    @Slot(bool)
    def tellMore(self, wanted: bool) -> None:
        self.journey.tell_more(wanted)

    @Slot(str)
    def answer(self, answer_id: str) -> None:
        self.journey.answer(answer_id or None)

    @Slot()
    def retry(self) -> None:
        if self.journey.state is S.FAILED:
            self.journey.retry()

    @Slot()
    def back(self) -> None:
        if not self.journey.back():
            self.leave()

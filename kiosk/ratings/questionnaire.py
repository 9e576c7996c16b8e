"""Loads the satisfaction levels and the 9-index questionnaire from `config/ratings/`, checking
the file's shape so a bad edit is named at start-up instead of breaking a citizen's session."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kiosk.paths import config_dir

_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_")


class QuestionnaireError(ValueError):
    pass


@dataclass(frozen=True)
class Level:
    id: str
    score: int

    @property
    def message_key(self) -> str:
        return f"rating.level.{self.id}"


@dataclass(frozen=True)
class Answer:
    id: str
    points: int


@dataclass(frozen=True)
class Index:
    id: str
    answers: tuple[Answer, ...]

    @property
    def question_key(self) -> str:
        return f"rating.index.{self.id}.question"

    def answer_key(self, answer_id: str) -> str:
        return f"rating.index.{self.id}.{answer_id}"

    def points(self, answer_id: str) -> int:
        for answer in self.answers:
            if answer.id == answer_id:
                return answer.points
        raise ValueError(f"{self.id} has no answer {answer_id!r}")


@dataclass(frozen=True)
class Questionnaire:
    levels: tuple[Level, ...]  # best first, as the buttons are shown
    indices: tuple[Index, ...]

    def level(self, level_id: str) -> Level:
        for level in self.levels:
            if level.id == level_id:
                return level
        raise ValueError(f"unknown satisfaction level {level_id!r}")


def bundled_questionnaire_path() -> Path:
    return config_dir() / "ratings" / "questionnaire.toml"


def _id(value: object, where: str) -> str:
    if not isinstance(value, str) or not value or not set(value) <= _ID_CHARS:
        raise QuestionnaireError(f"{where}: id must be lower-case letters, digits or _")
    return value


def _int(value: object, where: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise QuestionnaireError(f"{where}: must be a whole number from {low} to {high}")
    return value


def load_questionnaire(path: Path) -> Questionnaire:
    try:
        with path.open("rb") as fh:
            table = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise QuestionnaireError(f"{path}: {exc}") from exc
    try:
        levels = tuple(
            Level(_id(row["id"], f"{path}: levels"), _int(row["score"], f"{path}: score", 1, 5))
            for row in table["levels"]
        )
        indices = tuple(
            Index(
                _id(row["id"], f"{path}: index"),
                tuple(
                    Answer(
                        _id(answer["id"], f"{path}: {row['id']}"),
                        _int(answer["points"], f"{path}: {row['id']} points", 0, 10),
                    )
                    for answer in row["answers"]
                ),
            )
            for row in table["index"]
        )
    except (KeyError, TypeError) as exc:
        raise QuestionnaireError(f"{path}: missing or wrong entry {exc}") from exc
    scores = [level.score for level in levels]
    if len(levels) != 5 or sorted(scores, reverse=True) != scores or len(set(scores)) != 5:
        raise QuestionnaireError(f"{path}: five levels with distinct scores, best first")
    if len({index.id for index in indices}) != len(indices):
        raise QuestionnaireError(f"{path}: every index needs its own id")
    if any(
        len(index.answers) < 2 or len({a.id for a in index.answers}) != len(index.answers)
        for index in indices
    ):
        raise QuestionnaireError(f"{path}: every index needs two or more distinct answers")
    return Questionnaire(levels, indices)


@cache
def bundled_questionnaire() -> Questionnaire:
    return load_questionnaire(bundled_questionnaire_path())

"""The "what do you need?" finder: from a life event (a birth, a marriage, a death, a house or
land, starting a business, moving home) or a question in plain words to the procedures that
apply, through one or two simple questions. Offline, from `config/catalogue/finder.json`.

An event asks its questions in order, skipping those whose `ask_if` does not hold; each outcome
whose `when` matches the answers given adds its procedures, with a line saying why.

A phrase may name the synonym file's concepts in braces ("{người thân} {qua đời}"): the
everyday ways of saying a thing are listed once, there, for the search and the finder alike.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.catalogue.loader import CatalogueError, CatalogueProblem
from kiosk.catalogue.model import Procedure
from kiosk.catalogue.snapshot import Catalogue
from kiosk.catalogue.synonyms import concepts_named
from kiosk.folding import accent_of, accents_agree, marked_tokens, without_input_keys
from kiosk.local_text import LocalText

ID = r"^[a-z0-9_]+$"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Record):
    id: str = Field(pattern=ID)
    label: LocalText


class Question(_Record):
    id: str = Field(pattern=ID)
    text: LocalText
    options: list[Option] = Field(min_length=2)
    ask_if: dict[str, str] = {}


class Outcome(_Record):
    when: dict[str, str] = {}
    procedures: list[str] = Field(min_length=1)
    why: LocalText


class LifeEvent(_Record):
    id: str = Field(pattern=ID)
    title: LocalText
    phrases: list[str] = []
    questions: list[Question] = []
    outcomes: list[Outcome] = Field(min_length=1)


class PlainQuestion(_Record):
    text: LocalText
    phrases: list[str] = []
    procedures: list[str] = Field(min_length=1)


class FinderData(_Record):
    format: int = Field(1, ge=1, le=1)
    events: list[LifeEvent] = Field(min_length=1)
    questions: list[PlainQuestion] = []


@dataclass(frozen=True)
class Suggestion:
    procedure: Procedure
    why: LocalText


def _problems_in(
    data: FinderData, origin: str, known_codes: set[str], concepts: Collection[str]
) -> list[CatalogueProblem]:
    """Every code must be a catalogue procedure, every condition a real question/option and
    every concept a phrase names one the synonym file lists."""
    problems = []

    def problem(where: str, message: str) -> None:
        problems.append(CatalogueProblem(origin, None, "", "", where, message))

    phrases = [(f"events[{e}].phrases", event.phrases) for e, event in enumerate(data.events)]
    phrases += [
        (f"questions[{q}].phrases", plain.phrases) for q, plain in enumerate(data.questions)
    ]
    for where, listed in phrases:
        for phrase in listed:
            unknown = sorted(set(concepts_named(phrase)) - set(concepts))
            if unknown:
                problem(
                    where, f"{phrase!r} names concepts the synonym file does not list: {unknown}"
                )

    for e, event in enumerate(data.events):
        options = {q.id: {o.id for o in q.options} for q in event.questions}
        for q, question in enumerate(event.questions):
            for asked, answer in question.ask_if.items():
                if answer not in options.get(asked, set()):
                    problem(
                        f"events[{e}].questions[{q}].ask_if",
                        f"{asked}={answer} is not a question and option of {event.id}",
                    )
        for o, outcome in enumerate(event.outcomes):
            for asked, answer in outcome.when.items():
                if answer not in options.get(asked, set()):
                    problem(
                        f"events[{e}].outcomes[{o}].when",
                        f"{asked}={answer} is not a question and option of {event.id}",
                    )
            for code in outcome.procedures:
                if code not in known_codes:
                    problem(
                        f"events[{e}].outcomes[{o}].procedures", f"{code} is not in the catalogue"
                    )
    for q, plain in enumerate(data.questions):
        for code in plain.procedures:
            if code not in known_codes:
                problem(f"questions[{q}].procedures", f"{code} is not in the catalogue")
    return problems


def load_finder_data(path: Path, known_codes: set[str], concepts: Collection[str]) -> FinderData:
    """The finder's data, checked against the catalogue's codes and the synonym file's
    concepts (`SynonymTable.concept_names`)."""
    try:
        data = FinderData.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise CatalogueError([CatalogueProblem(str(path), None, "", "", "", str(exc))]) from exc
    except ValidationError as exc:
        raise CatalogueError(
            [
                CatalogueProblem(str(path), None, "", "", ".".join(map(str, e["loc"])), e["msg"])
                for e in exc.errors()
            ]
        ) from exc
    problems = _problems_in(data, str(path), known_codes, concepts)
    if problems:
        raise CatalogueError(problems)
    return data


def _mentions(typed: Mapping[str, set[str]], phrase: list[str]) -> bool:
    """Every word of the phrase occurs in the sentence (`typed`: each folded word with the
    ways it was typed), in any order, with marks that agree: "con tôi mới sinh" mentions "con
    mới sinh", "mắt kém" does not mention "mất"."""
    return bool(phrase) and all(
        any(accents_agree(way, accent_of(word)) for way in typed.get(word, ())) for word in phrase
    )


@dataclass
class FinderSession:
    """One citizen's way through one life event."""

    event: LifeEvent
    catalogue: Catalogue
    answers: dict[str, str] = field(default_factory=dict)

    def _applies(self, condition: dict[str, str]) -> bool:
        return all(self.answers.get(k) == v for k, v in condition.items())

    def next_question(self) -> Question | None:
        for question in self.event.questions:
            if question.id not in self.answers and self._applies(question.ask_if):
                return question
        return None

    def answer(self, question_id: str, option_id: str) -> None:
        question = next((q for q in self.event.questions if q.id == question_id), None)
        if question is None or option_id not in {o.id for o in question.options}:
            raise ValueError(f"{question_id}={option_id} is not a question of {self.event.id}")
        self.answers[question_id] = option_id
        # A changed answer may make later questions moot: forget those no longer asked.
        for later in self.event.questions:
            if later.id in self.answers and not self._applies(later.ask_if):
                del self.answers[later.id]

    def undo(self) -> None:
        """Forget the last answer (the Back button)."""
        if self.answers:
            self.answers.popitem()

    @property
    def finished(self) -> bool:
        return self.next_question() is None

    def suggestions(self) -> list[Suggestion]:
        """Procedures for the answers so far, each once, in the data file's order. Procedures
        this centre does not offer (another level) are left out."""
        seen: set[str] = set()
        found = []
        for outcome in self.event.outcomes:
            if not self._applies(outcome.when):
                continue
            for code in outcome.procedures:
                procedure = self.catalogue.procedure(code)
                if procedure and code not in seen:
                    seen.add(code)
                    found.append(Suggestion(procedure, outcome.why))
        return found


@dataclass(frozen=True)
class FinderAnswer:
    events: list[LifeEvent]
    questions: list[PlainQuestion]


class Finder:
    def __init__(self, data: FinderData, catalogue: Catalogue) -> None:
        self.data = data
        self.catalogue = catalogue
        # Phrases naming concepts are found through the synonym table's concepts, in order
        # with the words that change nothing stepped over; plain phrases by their words in any
        # order.
        self._tree = catalogue.index.synonyms.tree()
        self._event_phrases = []
        for event in data.events:
            plain = []
            for phrase in [event.title.vi, *event.phrases]:
                if concepts_named(phrase):
                    self._tree.add(phrase, event.id)
                else:
                    plain.append(marked_tokens(phrase))
            self._event_phrases.append((event, plain))
        self._question_phrases = []
        for number, question in enumerate(data.questions):
            plain = []
            for phrase in question.phrases:
                if concepts_named(phrase):
                    self._tree.add(phrase, number)
                else:
                    plain.append(marked_tokens(phrase))
            self._question_phrases.append((question, plain))

    def events(self) -> list[LifeEvent]:
        return list(self.data.events)

    def start(self, event_id: str) -> FinderSession:
        event = next((e for e in self.data.events if e.id == event_id), None)
        if event is None:
            raise KeyError(event_id)
        return FinderSession(event, self.catalogue)

    def plain_questions(self) -> list[PlainQuestion]:
        return list(self.data.questions)

    def procedures_for(self, question: PlainQuestion) -> list[Procedure]:
        found = (self.catalogue.procedure(code) for code in question.procedures)
        return [p for p in found if p]

    def ask(self, text: str) -> FinderAnswer:
        """Which life events and plain questions a sentence in everyday words is about:
        "bố tôi vừa mất" → the death event, also typed with Telex or VNI keys left in
        ("boos tooi vuwaf maats")."""
        typed = marked_tokens(text)
        # A word the input method's keys leave unchanged keeps the marks it was typed with.
        plain = [without_input_keys(word) for word in typed]
        plain = [word if word == bare else bare for word, bare in zip(typed, plain, strict=True)]
        words: dict[str, set[str]] = {}
        for word in (*typed, *plain):
            words.setdefault(word, set()).add(accent_of(word))
        meant = {*self._tree.meanings_in(typed), *self._tree.meanings_in(plain)}
        events = [
            event
            for event, phrases in self._event_phrases
            if event.id in meant or any(_mentions(words, p) for p in phrases)
        ]
        questions = [
            question
            for number, (question, phrases) in enumerate(self._question_phrases)
            if number in meant or any(_mentions(words, p) for p in phrases)
        ]
        return FinderAnswer(events, questions)

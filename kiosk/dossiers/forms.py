"""E-form definitions: for each procedure the kiosk accepts, the questions of its official
declaration (tờ khai), which of them the identity card already answers, and how each paper of
the catalogue record is handled at the kiosk.

One JSON file per procedure in `config/forms/<procedure code>.json`; the files name the template
they follow, so every question can be traced to the official form.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from kiosk.catalogue.model import PROCEDURE_CODE, Paper, Procedure
from kiosk.local_text import LocalText
from kiosk.paths import config_dir

# "address": a province and a commune picked from the administrative units, and one typed line
# (house and street, a hospital's name) before them
FieldKind = Literal["text", "date", "year", "choice", "address"]
# What `Identity.form_values()` offers for pre-filling.
IDENTITY_KEYS = (
    "id_number",
    "full_name",
    "birth_date",
    "birth_year",
    "sex",
    "nationality",
    "ethnicity",
    "hometown",
    "residence",
    "father",
    "mother",
)
# A field prefilled "other.<key>" takes the value from the second person's card (the other
# party of a marriage), read after the first person's.
OTHER_PERSON = "other."


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Choice(_Model):
    value: str = Field(min_length=1)
    label: LocalText


class Condition(_Model):
    """Holds when the answer to `field` is one of `values` (an optional section's yes/no, the
    declarant's relationship deciding a paper)."""

    field: str
    values: list[str] = Field(min_length=1)

    def holds(self, answers: Mapping[str, str]) -> bool:
        return answers.get(self.field, "") in self.values


class FormField(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]{1,40}$")
    section: LocalText  # the part of the declaration it belongs to ("Người yêu cầu" …)
    label: LocalText
    kind: FieldKind = "text"
    required: bool = True
    prefill: str = ""  # a key of Identity.form_values(), or ""
    choices: list[Choice] = []
    choice_list: str = ""  # or a shared list by name: config/forms/lists/<name>.json
    max_length: int = Field(120, ge=1, le=500)
    line_label: LocalText | None = None  # an address's typed line, when not house and street
    # Fields naming the same screen are asked together ("one thing per page", not one field).
    screen: str = ""
    ask_if: list[Condition] = []  # asked (and kept) only when one of these holds
    # the card's value is taken only when this holds (the mother's details from her own card
    # when she is the one declaring); otherwise the field is asked
    prefill_if: Condition | None = None
    # when prefill_if does not hold: a second card's value, read only if the citizen chooses to
    # (the other parent's card, offered on the screen asking their details); "other.<key>"
    prefill_else: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> FormField:
        if self.prefill and self.prefill.removeprefix(OTHER_PERSON) not in IDENTITY_KEYS:
            raise ValueError(f"prefill must be one of {', '.join(IDENTITY_KEYS)} (or other.…)")
        if self.prefill_else and (
            not self.prefill_else.startswith(OTHER_PERSON)
            or self.prefill_else.removeprefix(OTHER_PERSON) not in IDENTITY_KEYS
        ):
            raise ValueError("prefill_else must be other.<one of the identity keys>")
        if self.prefill_else and self.prefill_if is None:
            raise ValueError("prefill_else goes with prefill_if")
        if (self.kind == "choice") != bool(self.choices or self.choice_list):
            raise ValueError("choices go with kind 'choice', and only with it")
        if self.choices and self.choice_list:
            raise ValueError("give choices or a choice_list, not both")
        return self

    def shown(self, answer: str, lang: str) -> str:
        """An answer in `lang`: a choice's words (the form keeps the office's Vietnamese value,
        "Mẹ" is "Mother" in English), anything else as typed."""
        choice = next((c for c in self.choices if c.value == answer), None)
        return choice.label.get(lang) if choice is not None else answer

    @property
    def typed(self) -> bool:
        """A free-text answer typed letter by letter (a name; an address's line is typed only
        when the citizen chooses to)."""
        return self.kind == "text"


class PaperRule(_Model):
    """How one paper of the catalogue record is handled. `matches` is the start of the paper's
    name in the catalogue. `may_lack` papers offer "I don't have this paper", and `lack_note`
    says what happens then, in the words of the procedure's own record."""

    matches: str = Field(min_length=3)
    may_lack: bool = False
    lack_note: LocalText | None = None
    # not asked for at all when this holds (a parent declaring needs no authorisation letter)
    skip_if: Condition | None = None
    never_at_kiosk: bool = False  # the kiosk's case excludes it (the template says why)
    # asked for only when the citizen has said they lack the paper named here (the start of
    # its name): evidence that stands in for a missing death notice
    only_without: str = ""

    @model_validator(mode="after")
    def _note(self) -> PaperRule:
        if self.may_lack and self.lack_note is None:
            raise ValueError("a paper the citizen may lack needs a lack_note")
        return self


class FormDefinition(_Model):
    procedure_code: str = Field(pattern=PROCEDURE_CODE)
    title: LocalText
    template: str = Field(min_length=10)  # the official template the questions follow
    fields: list[FormField] = Field(min_length=1)
    papers: list[PaperRule] = []
    # a second person the declaration needs, identified with their own card (or its QR) after
    # the first: who they are, as the screen asking for their card names them
    other_person: LocalText | None = None

    @model_validator(mode="after")
    def _unique_ids(self) -> FormDefinition:
        ids = [f.id for f in self.fields]
        if len(ids) != len(set(ids)):
            raise ValueError("every field needs its own id")
        if self.other_person is None and any(
            f.prefill.startswith(OTHER_PERSON) for f in self.fields
        ):
            raise ValueError("fields prefilled from other.… need other_person")
        conditions = [c for f in self.fields for c in [*f.ask_if, f.prefill_if]]
        conditions += [p.skip_if for p in self.papers]
        for condition in filter(None, conditions):
            if condition.field not in ids:
                raise ValueError(f"a condition names an unknown field: {condition.field}")
        return self

    def field(self, field_id: str) -> FormField:
        return next(f for f in self.fields if f.id == field_id)

    def applies(self, form_field: FormField, answers: Mapping[str, str]) -> bool:
        return not form_field.ask_if or any(c.holds(answers) for c in form_field.ask_if)

    def card_value(
        self, form_field: FormField, known: Mapping[str, str], answers: Mapping[str, str]
    ) -> str:
        """What the card answers for this field given the answers so far ("" when nothing)."""
        if not form_field.prefill or not self.applies(form_field, answers):
            return ""
        key = form_field.prefill
        if form_field.prefill_if is not None and not form_field.prefill_if.holds(answers):
            key = form_field.prefill_else
        value = known.get(key, "") if key else ""
        if form_field.choices and value not in {c.value for c in form_field.choices}:
            return ""
        return value

    def offers_other_card(self, fields: list[FormField], answers: Mapping[str, str]) -> bool:
        """A screen whose questions a second card may answer (prefill_else, not applying the
        first card's value) offers to read it."""
        return any(
            f.prefill_else and f.prefill_if is not None and not f.prefill_if.holds(answers)
            for f in fields
        )

    def other_card_opener(
        self, fields: list[FormField], answers: Mapping[str, str]
    ) -> Condition | None:
        """The condition on one of these questions (whether the father's details will be
        given) that opens a later section a second card may answer: the screen asking it may
        read that card at once, in place of the screen of their details."""
        on_screen = {f.id for f in fields}
        for later in self.fields:
            if later.id in on_screen or not later.prefill_else:
                continue
            if later.prefill_if is not None and later.prefill_if.holds(answers):
                continue  # the first card's own value (the father declaring himself)
            opener = next((c for c in later.ask_if if c.field in on_screen), None)
            if opener is not None:
                return opener
        return None

    def screens(self, fields: list[FormField]) -> list[list[FormField]]:
        """`fields` (in form order) gathered into screens: one per `screen` name, else one each."""
        pages: list[list[FormField]] = []
        named: dict[str, list[FormField]] = {}
        for form_field in fields:
            if form_field.screen and form_field.screen in named:
                named[form_field.screen].append(form_field)
                continue
            page = [form_field]
            pages.append(page)
            if form_field.screen:
                named[form_field.screen] = page
        return pages


class FormError(Exception):
    """A form file is missing or wrong; names the file and the problem for the technician."""


def forms_dir() -> Path:
    return config_dir() / "forms"


_CHOICE_LIST = TypeAdapter(list[Choice])


def _read_choice_lists(folder: Path) -> dict[str, list[Choice]]:
    lists = {}
    for path in sorted(folder.glob("*.json")):
        try:
            lists[path.stem] = _CHOICE_LIST.validate_json(path.read_bytes())
        except ValidationError as exc:
            raise FormError(f"{path}: {exc}") from exc
    return lists


class FormLibrary:
    """The form definitions on disk, loaded once; a procedure without one cannot be handed in.
    Adding a procedure is adding its JSON file; shared choice lists (ethnic groups,
    nationalities, yes/no…) are named from `lists/`."""

    def __init__(self, folder: Path | None = None) -> None:
        folder = folder or forms_dir()
        lists = _read_choice_lists(folder / "lists")
        self._forms: dict[str, FormDefinition] = {}
        for path in sorted(folder.glob("*.json")):
            try:
                form = FormDefinition.model_validate_json(path.read_bytes())
            except ValidationError as exc:
                raise FormError(f"{path}: {exc}") from exc
            if path.stem != form.procedure_code:
                raise FormError(f"{path}: named for {form.procedure_code}")
            missing = {f.choice_list for f in form.fields if f.choice_list} - set(lists)
            if missing:
                raise FormError(f"{path}: no choice list {', '.join(sorted(missing))}")
            fields = [
                f.model_copy(update={"choices": lists[f.choice_list]}) if f.choice_list else f
                for f in form.fields
            ]
            self._forms[form.procedure_code] = form.model_copy(update={"fields": fields})

    def codes(self) -> list[str]:
        return list(self._forms)

    def get(self, procedure_code: str) -> FormDefinition | None:
        return self._forms.get(procedure_code)

    def can_hand_in(self, procedure: Procedure) -> bool:
        """This kiosk has the procedure's form and its record allows an online hand-in."""
        return procedure.code in self._forms and accepts_hand_in(procedure)


def accepts_hand_in(procedure: Procedure) -> bool:
    """A kiosk hand-in is an electronic submission: the record must allow one online."""
    return "online" in procedure.channels or procedure.online_level in ("full", "partial")


# --- checking what the citizen typed ---------------------------------------------------------


def clean_answer(form_field: FormField, text: str, today: dt.date) -> tuple[str, str | None]:
    """The answer as stored, and the translation key of what is wrong with it (or None)."""
    value = " ".join(text.split())
    if not value:
        return "", "hand_in.form.error.required" if form_field.required else None
    if len(value) > form_field.max_length:
        return value, "hand_in.form.error.too_long"
    if form_field.kind == "date":
        day, error = read_date(value)
        if error or day is None:
            return value, error
        if day > today:
            return value, "hand_in.form.error.future"
        return f"{day:%d/%m/%Y}", None
    year_ok = re.fullmatch(r"\d{4}", value) and 1900 <= int(value) <= today.year
    if form_field.kind == "year" and not year_ok:
        return value, "hand_in.form.error.year"
    if form_field.kind == "choice" and value not in {c.value for c in form_field.choices}:
        return value, "hand_in.form.error.required"
    return value, None


_DATE_PARTS = re.compile(r"(\d{1,2})\D+(\d{1,2})\D+(\d{4})")


def read_date(text: str) -> tuple[dt.date | None, str | None]:
    """A date as a person types it, day first: `15/03/1991`, `15-3-1991`, `15 3 1991` or the
    eight digits `15031991`. Otherwise the key of what is wrong (day, month, or the form)."""
    value = text.strip()
    match = _DATE_PARTS.fullmatch(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
    elif re.fullmatch(r"\d{8}", value):
        day, month, year = int(value[:2]), int(value[2:4]), int(value[4:])
    else:
        return None, "hand_in.form.error.date"
    if not 1 <= month <= 12:
        return None, "hand_in.form.error.date_month"
    if year < 1900:
        return None, "hand_in.form.error.date_year"
    try:
        return dt.date(year, month, day), None
    except ValueError:
        return None, "hand_in.form.error.date_day"


# --- the papers to scan ------------------------------------------------------------------------


class PaperStep(_Model):
    """One paper the citizen is asked to scan, as the catalogue names it."""

    index: int
    name: str
    note: str = ""
    may_lack: bool = False
    lack_note: LocalText | None = None


def papers_to_scan(
    procedure: Procedure,
    form: FormDefinition,
    answers: Mapping[str, str] | None = None,
    lacking: Collection[str] = (),
) -> list[PaperStep]:
    """Papers handed in (not only shown), except the declaration itself, which the e-form
    replaces (the record: "khai mẫu điện tử tương tác … thay cho tờ khai giấy"), those the
    answers make needless (the declarant's role decides the papers) and those standing in for
    a paper the citizen has (`lacking`: the names of the papers said missing)."""
    steps: list[PaperStep] = []
    papers: list[Paper] = [p for case in procedure.papers for p in case.papers]
    for paper in papers:
        if paper.present_only or paper.name.lower().startswith("tờ khai"):
            continue
        rule = next((r for r in form.papers if paper.name.startswith(r.matches)), None)
        if rule and (rule.never_at_kiosk or (rule.skip_if and rule.skip_if.holds(answers or {}))):
            continue
        if (
            rule
            and rule.only_without
            and not any(name.startswith(rule.only_without) for name in lacking)
        ):
            continue
        steps.append(
            PaperStep(
                index=len(steps),
                name=paper.name,
                note=paper.note,
                may_lack=bool(rule and rule.may_lack),
                lack_note=rule.lack_note if rule else None,
            )
        )
    return steps

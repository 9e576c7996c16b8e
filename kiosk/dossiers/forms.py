"""E-form definitions: for each procedure the kiosk accepts, the questions of its official
declaration (tờ khai), which of them the identity card already answers, and how each paper of
the catalogue record is handled at the kiosk.

One JSON file per procedure in `config/forms/<procedure code>.json`; the files name the template
they follow, so every question can be traced to the official form.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from kiosk.catalogue.model import PROCEDURE_CODE, Paper, Procedure
from kiosk.local_text import LocalText
from kiosk.paths import config_dir

FieldKind = Literal["text", "date", "year", "choice"]
# What `Identity.form_values()` offers for pre-filling.
IDENTITY_KEYS = (
    "id_number",
    "full_name",
    "birth_date",
    "sex",
    "nationality",
    "ethnicity",
    "hometown",
    "residence",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Choice(_Model):
    value: str = Field(min_length=1)
    label: LocalText


class FormField(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]{1,40}$")
    section: LocalText  # the part of the declaration it belongs to ("Người yêu cầu" …)
    label: LocalText  # asked as a question: one per screen
    kind: FieldKind = "text"
    required: bool = True
    prefill: str = ""  # a key of Identity.form_values(), or ""
    choices: list[Choice] = []
    max_length: int = Field(120, ge=1, le=500)

    @model_validator(mode="after")
    def _consistent(self) -> FormField:
        if self.prefill and self.prefill not in IDENTITY_KEYS:
            raise ValueError(f"prefill must be one of {', '.join(IDENTITY_KEYS)}")
        if (self.kind == "choice") != bool(self.choices):
            raise ValueError("choices go with kind 'choice', and only with it")
        return self


class PaperRule(_Model):
    """How one paper of the catalogue record is handled. `matches` is the start of the paper's
    name in the catalogue. `may_lack` papers offer "I don't have this paper", and `lack_note`
    says what happens then, in the words of the procedure's own record."""

    matches: str = Field(min_length=3)
    may_lack: bool = False
    lack_note: LocalText | None = None

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

    @model_validator(mode="after")
    def _unique_ids(self) -> FormDefinition:
        ids = [f.id for f in self.fields]
        if len(ids) != len(set(ids)):
            raise ValueError("every field needs its own id")
        return self

    def field(self, field_id: str) -> FormField:
        return next(f for f in self.fields if f.id == field_id)


class FormError(Exception):
    """A form file is missing or wrong; names the file and the problem for the technician."""


def forms_dir() -> Path:
    return config_dir() / "forms"


class FormLibrary:
    """The form definitions on disk, loaded once; a procedure without one cannot be handed in."""

    def __init__(self, folder: Path | None = None) -> None:
        self._forms: dict[str, FormDefinition] = {}
        for path in sorted((folder or forms_dir()).glob("*.json")):
            try:
                form = FormDefinition.model_validate_json(path.read_bytes())
            except ValidationError as exc:
                raise FormError(f"{path}: {exc}") from exc
            if path.stem != form.procedure_code:
                raise FormError(f"{path}: named for {form.procedure_code}")
            self._forms[form.procedure_code] = form

    def codes(self) -> list[str]:
        return list(self._forms)

    def get(self, procedure_code: str) -> FormDefinition | None:
        return self._forms.get(procedure_code)


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
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
        try:
            day = dt.date(int(match[3]), int(match[2]), int(match[1])) if match else None
        except ValueError:
            day = None
        if day is None:
            return value, "hand_in.form.error.date"
        if day > today:
            return value, "hand_in.form.error.future"
        return f"{day:%d/%m/%Y}", None
    year_ok = re.fullmatch(r"\d{4}", value) and 1900 <= int(value) <= today.year
    if form_field.kind == "year" and not year_ok:
        return value, "hand_in.form.error.year"
    if form_field.kind == "choice" and value not in {c.value for c in form_field.choices}:
        return value, "hand_in.form.error.required"
    return value, None


# --- the papers to scan ------------------------------------------------------------------------


class PaperStep(_Model):
    """One paper the citizen is asked to scan, as the catalogue names it."""

    index: int
    name: str
    note: str = ""
    may_lack: bool = False
    lack_note: LocalText | None = None


def papers_to_scan(procedure: Procedure, form: FormDefinition) -> list[PaperStep]:
    """Papers handed in (not only shown), except the declaration itself, which the e-form
    replaces (the record: "khai mẫu điện tử tương tác … thay cho tờ khai giấy")."""
    steps: list[PaperStep] = []
    papers: list[Paper] = [p for case in procedure.papers for p in case.papers]
    for paper in papers:
        if paper.present_only or paper.name.lower().startswith("tờ khai"):
            continue
        rule = next((r for r in form.papers if paper.name.startswith(r.matches)), None)
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

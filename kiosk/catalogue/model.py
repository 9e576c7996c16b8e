"""The catalogue's data model: one `Procedure` per administrative procedure (thủ tục hành chính)
and the `CatalogueDocument` that carries a versioned set of them with their fields (lĩnh vực).

Everything a citizen asks at the counter — what to bring, how long, how much, where — is a
field here. A fact the source does not state stays empty (None, "" or "unknown"): the kiosk
shows "not stated" rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kiosk.catalogue.levels import Level
from kiosk.local_text import LocalText

# National codes are `1.001193`; provinces publish local variants such as `1.012753.H19`.
PROCEDURE_CODE = r"^\d\.\d{6}(\.[A-Z0-9]{1,12})?$"
FIELD_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
VERSION = r"^\d{4}\.\d{2}\.\d{1,4}$"
FORMAT = 1

ChannelKind = Literal["in_person", "post", "online"]
OnlineLevel = Literal["full", "partial", "none", "unknown"]
TimeUnit = Literal["working_days", "days", "hours", "months"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class ProcessingTime(Record):
    """How long the agency may take, counted from a complete dossier.

    `same_day` marks procedures settled on the spot (hộ tịch: "ngay trong ngày"); otherwise
    `value` and `unit` hold the legal limit. `text` keeps the source's own words (conditions,
    exceptions) for the detail screen.
    """

    same_day: bool = False
    value: float | None = Field(None, gt=0, le=1000)
    unit: TimeUnit | None = None
    text: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> ProcessingTime:
        if self.same_day and self.value is not None:
            raise ValueError("a same-day time has no value")
        if (self.value is None) != (self.unit is None):
            raise ValueError("value and unit go together: give both or neither")
        if not (self.same_day or self.value is not None or self.text):
            raise ValueError("say same_day, give value and unit, or give the source text")
        return self


class Fee(Record):
    """One fee (phí) or charge (lệ phí) and when it applies. `amount_vnd` 0 means free;
    None means the amount depends on the case and `text` explains it."""

    kind: Literal["fee", "charge", "unspecified"] = "unspecified"
    amount_vnd: int | None = Field(None, ge=0, le=1_000_000_000)
    per: str = ""
    channel: ChannelKind | None = None
    condition: str = ""
    text: str = ""

    @model_validator(mode="after")
    def _stated(self) -> Fee:
        if self.amount_vnd is None and not self.text:
            raise ValueError("give amount_vnd or the source text that states the fee")
        return self


class Paper(Record):
    """A paper in the dossier (thành phần hồ sơ). `present_only` papers are shown at the
    counter and handed back (giấy tờ xuất trình); others are handed in, in the given numbers."""

    name: str = Field(min_length=3)
    originals: int = Field(0, ge=0, le=20)
    copies: int = Field(0, ge=0, le=20)
    present_only: bool = False
    form: str = ""
    note: str = ""

    @model_validator(mode="after")
    def _counted(self) -> Paper:
        if not self.present_only and self.originals + self.copies == 0:
            raise ValueError("a paper handed in needs at least one original or copy")
        return self


class PaperCase(Record):
    """The papers for one situation; `when` is empty for papers every applicant brings."""

    when: str = ""
    papers: list[Paper] = Field(min_length=1)


class FormTemplate(Record):
    code: str = Field(min_length=1)
    name: str = ""
    issued_by: str = ""


class LegalDocument(Record):
    number: str = Field(min_length=3)
    title: str = ""


class Source(Record):
    """Where every fact of the record comes from: the procedure's page on the national portal
    (or the legal document), and the decision that published the procedure."""

    url: str = Field(pattern=r"^https://\S+$")
    title: str = ""
    decision: str = ""
    retrieved: date | None = None


class Procedure(Record):
    code: str = Field(pattern=PROCEDURE_CODE)
    name: str = Field(min_length=5)
    name_en: str = ""
    field: str = Field(pattern=FIELD_ID)
    levels: list[Level] = Field(min_length=1)
    agency: str = ""
    counter: str = ""
    applicants: str = ""
    channels: list[ChannelKind] = []
    online_level: OnlineLevel = "unknown"
    processing_time: ProcessingTime | None = None
    fees: list[Fee] = []
    papers: list[PaperCase] = []
    forms: list[FormTemplate] = []
    results: list[str] = []
    conditions: str = ""
    legal_basis: list[LegalDocument] = []
    notes: list[str] = []
    # Everyday words a citizen uses for the procedure, besides its official name: Vietnamese in
    # `keywords`, English in `keywords_en` (searched like the English name).
    keywords: list[str] = []
    keywords_en: list[str] = []
    source: Source

    @field_validator("levels", "channels")
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        if len(values) != len(set(values)):
            raise ValueError("lists each value once")
        return values

    @model_validator(mode="after")
    def _online_matches_channels(self) -> Procedure:
        if self.online_level in ("full", "partial") and "online" not in self.channels:
            raise ValueError(f"online_level is {self.online_level} but channels lack 'online'")
        if self.online_level == "none" and "online" in self.channels:
            raise ValueError("online_level is none but channels include 'online'")
        return self

    @property
    def is_free(self) -> bool:
        return bool(self.fees) and all(fee.amount_vnd == 0 for fee in self.fees)


class ProcedureField(Record):
    """A field (lĩnh vực) citizens browse by; `queue_service` is the queue service id
    (`[[queue.services]]` in kiosk.toml) whose counters handle it."""

    id: str = Field(pattern=FIELD_ID)
    name: LocalText
    queue_service: str = ""
    order: int = Field(100, ge=0)
    # The national portal's names for this field, so bulk imports land in it.
    portal_names: list[str] = []


class CatalogueDocument(Record):
    """One versioned catalogue: what `config/catalogue/catalogue.json` holds and what the
    provincial system sends as an update. Versions are `YYYY.MM.N` and only ever go up."""

    format: Literal[1]
    version: str = Field(pattern=VERSION)
    published: date
    publisher: str = Field(min_length=2)
    fields: list[ProcedureField] = Field(min_length=1)
    procedures: list[Procedure] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> CatalogueDocument:
        field_ids = [f.id for f in self.fields]
        if len(field_ids) != len(set(field_ids)):
            raise ValueError("every field needs its own id")
        return self


def version_key(version: str) -> tuple[int, ...]:
    """`2026.05.10` sorts after `2026.05.9`."""
    if not re.fullmatch(VERSION, version):
        raise ValueError(f"not a catalogue version: {version!r}")
    return tuple(int(part) for part in version.split("."))

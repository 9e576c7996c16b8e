"""Fees and charges worked out from the citizen's answers, before the dossier is handed in.

The schedules are data (`config/fees/schedules.toml`), one list of items per procedure, each
citing its legal basis: a flat amount per case, an amount per copy (× the copies asked for) or
per page with tiers and a cap per copy (certified copies: 2.000 đ for each of the first two
pages, 1.000 đ from the third, at most 200.000 đ a copy). Where the provincial council sets the
amount, it comes from the centre's configuration; without it the kiosk says the counter will
tell the amount rather than guessing. An exemption the law grants sets the item to nothing.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kiosk.local_text import LocalText
from kiosk.paths import config_dir

MAX_QUANTITY = 50  # copies or pages one kiosk dossier may ask for
# the form question asking which exemption the citizen claims; its answer is the exemption's
# Vietnamese name, as written on the form (config/forms/lists/civil_status_exemptions.json)
FEE_EXEMPTION_ANSWER = "fee_exemption"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PageTier(_Model):
    from_page: int = Field(ge=2)
    amount_vnd: int = Field(ge=0)


class OnTimeWaiver(_Model):
    """Free when the date answered (`dd/mm/yyyy`) is at most `within_days` before the day the
    dossier is handed in: the law's "registered on time"."""

    answer: str = Field(min_length=1)
    within_days: int = Field(ge=1, le=366)
    exemption: str = Field(min_length=1)

    def holds(self, answers: Mapping[str, str], today: dt.date) -> bool:
        try:
            day = dt.datetime.strptime(answers.get(self.answer, ""), "%d/%m/%Y").date()
        except ValueError:
            return False
        return 0 <= (today - day).days <= self.within_days


class FeeItem(_Model):
    name: LocalText
    source: str = Field(min_length=10)  # the circular, decree or law that sets it
    per: Literal["case", "copy", "page"] = "case"
    amount_vnd: int | None = Field(None, ge=0, le=100_000_000)
    amount_from_province: bool = False
    quantity_answer: str = ""  # the form answer holding the number of copies
    pages_answer: str = ""  # the form answer holding the pages of each copy
    tiers: list[PageTier] = []
    cap_per_copy: int | None = Field(None, gt=0)
    exemptions: list[str] = []
    on_time: OnTimeWaiver | None = None

    @model_validator(mode="after")
    def _consistent(self) -> FeeItem:
        if (self.amount_vnd is None) != self.amount_from_province:
            raise ValueError("give amount_vnd, or amount_from_province = true, not both")
        if self.per == "copy" and not self.quantity_answer:
            raise ValueError("a fee per copy needs quantity_answer")
        if self.per == "page" and not self.pages_answer:
            raise ValueError("a fee per page needs pages_answer")
        return self


class ProcedureFees(_Model):
    items: list[FeeItem] = Field(min_length=1)


class FeeSchedules(_Model):
    procedures: dict[str, ProcedureFees]
    exemptions: dict[str, LocalText]

    @model_validator(mode="after")
    def _known_exemptions(self) -> FeeSchedules:
        for code, fees in self.procedures.items():
            for item in fees.items:
                waived = [item.on_time.exemption] if item.on_time else []
                unknown = {*item.exemptions, *waived} - set(self.exemptions)
                if unknown:
                    raise ValueError(f"{code}: unknown exemptions {sorted(unknown)}")
        return self

    def exemption_answered(self, answer: str) -> str:
        """The exemption whose Vietnamese name the citizen chose, or "" (none claimed)."""
        return next((key for key, name in self.exemptions.items() if name.vi == answer), "")

    def exemptions_for(self, procedure_code: str) -> list[str]:
        """The exemptions a citizen may claim for this procedure, in the schedule's order."""
        fees = self.procedures.get(procedure_code)
        found: list[str] = []
        for item in fees.items if fees else []:
            found += [e for e in item.exemptions if e not in found]
        return found


@cache
def load_schedules(path: Path | None = None) -> FeeSchedules:
    """Read once; a broken file stops the start-up check with pydantic's dotted message."""
    target = path or config_dir() / "fees" / "schedules.toml"
    return FeeSchedules.model_validate(tomllib.loads(target.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class FeeLine:
    """One item as worked out: `amount_vnd` None when the counter states it."""

    name: LocalText
    source: str
    quantity: int
    amount_vnd: int | None
    exemption: str = ""  # the exemption that waived it, or ""


@dataclass(frozen=True)
class FeeBill:
    procedure_code: str
    lines: tuple[FeeLine, ...]

    @property
    def total_vnd(self) -> int:
        return sum(line.amount_vnd or 0 for line in self.lines)

    @property
    def complete(self) -> bool:
        """Every amount is known, so the whole can be paid by transfer."""
        return all(line.amount_vnd is not None for line in self.lines)

    @property
    def payable_by_transfer(self) -> bool:
        return self.complete and self.total_vnd > 0


def bill_for(
    procedure_code: str,
    answers: Mapping[str, str],
    province_amounts: Mapping[str, int],
    day: dt.date,
) -> FeeBill | None:
    """A dossier's bill from its answers on the day it is handed in, with the exemption the
    citizen chose (by its name on the form); shown before submitting and sent with it."""
    schedules = load_schedules()
    exemption = schedules.exemption_answered(answers.get(FEE_EXEMPTION_ANSWER, ""))
    return work_out(schedules, procedure_code, answers, exemption, province_amounts, day)


def fees_data(bill: FeeBill) -> dict:
    """The bill as sent with the dossier: each line, and `due_vnd` when every amount is known
    (the province then knows what is still to pay and says so when the dossier is followed)."""
    lines = [
        {
            "name": line.name.vi,
            "quantity": line.quantity,
            "amount_vnd": line.amount_vnd,
            "exemption": line.exemption,
            "source": line.source,
        }
        for line in bill.lines
    ]
    return {"lines": lines, **({"due_vnd": bill.total_vnd} if bill.complete else {})}


def _count(answers: Mapping[str, str], key: str) -> int:
    """A count the citizen chose; at least one, at most MAX_QUANTITY."""
    raw = answers.get(key, "").strip()
    value = int(raw) if raw.isdigit() else 1
    return min(max(value, 1), MAX_QUANTITY)


def _per_copy_of_pages(item: FeeItem, pages: int) -> int:
    base = item.amount_vnd or 0
    total = 0
    for page in range(1, pages + 1):
        rates = [t.amount_vnd for t in item.tiers if page >= t.from_page]
        total += rates[-1] if rates else base
    return min(total, item.cap_per_copy) if item.cap_per_copy else total


def work_out(
    schedules: FeeSchedules,
    procedure_code: str,
    answers: Mapping[str, str],
    exemption: str = "",
    province_amounts: Mapping[str, int] | None = None,
    today: dt.date | None = None,
) -> FeeBill | None:
    """The bill for these answers (handed in `today`, for what is free when on time), or None
    when the procedure has no schedule here."""
    fees = schedules.procedures.get(procedure_code)
    if fees is None:
        return None
    lines: list[FeeLine] = []
    for item in fees.items:
        copies = _count(answers, item.quantity_answer) if item.quantity_answer else 1
        if item.amount_from_province:
            unit = (province_amounts or {}).get(procedure_code)
        else:
            unit = item.amount_vnd
        if exemption and exemption in item.exemptions:
            lines.append(FeeLine(item.name, item.source, copies, 0, exemption))
            continue
        if item.on_time and today and item.on_time.holds(answers, today):
            lines.append(FeeLine(item.name, item.source, copies, 0, item.on_time.exemption))
            continue
        if unit is None:
            lines.append(FeeLine(item.name, item.source, copies, None))
        elif item.per == "page":
            pages = _count(answers, item.pages_answer)
            per_copy = _per_copy_of_pages(item, pages)
            lines.append(FeeLine(item.name, item.source, copies, per_copy * copies))
        else:
            lines.append(FeeLine(item.name, item.source, copies, unit * copies))
    return FeeBill(procedure_code, tuple(lines))

"""Short staff-facing notices a kiosk sends to its centre through the province: the printer's
paper running out, a citizen asking for a member of staff. Typed here, so whoever raises one
names a known kind and plain string facts; no personal data ever goes in a notice."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field


class NoticeKind(StrEnum):
    """What happened; the province's contract lists the same kinds (schema `Notice`)."""

    PRINTER_PAPER_LOW = "printer_paper_low"
    PRINTER_PAPER_OUT = "printer_paper_out"
    ASSISTANCE_REQUESTED = "assistance_requested"


class Notice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    notice_id: str = Field(pattern=r"^notice-[0-9a-f]{32}$")
    kind: NoticeKind
    at: AwareDatetime
    kiosk_id: str = Field(min_length=1, max_length=32)
    # Plain facts for the staff (which printer, which screen), at most a handful of short ones.
    details: dict[str, str] = Field(default_factory=dict, max_length=20)

    @classmethod
    def new(
        cls, kind: NoticeKind, at: datetime, kiosk_id: str, details: dict[str, str] | None = None
    ) -> Notice:
        return cls(
            notice_id=f"notice-{uuid.uuid4().hex}",
            kind=kind,
            at=at,
            kiosk_id=kiosk_id,
            details=dict(details or {}),
        )

    def body(self) -> dict[str, Any]:
        """The contract's Notice object; the id travels as the idempotency key."""
        return {
            "kind": str(self.kind),
            "at": self.at.isoformat(),
            "kiosk_id": self.kiosk_id,
            "details": dict(self.details),
        }

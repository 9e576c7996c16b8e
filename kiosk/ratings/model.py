"""One citizen's rating as the kiosk stores it for the province: the level, what it is about
(a counter, a dossier or the centre as a whole) and the optional questionnaire answers. No
personal data: a rating says nothing about who gave it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


def new_rating_id() -> str:
    """An id that is also the outbox's idempotency key: fixed once, so a retry never doubles."""
    return f"rating-{uuid.uuid4().hex}"


@dataclass(frozen=True)
class Rating:
    rating_id: str
    level_id: str
    score: int
    rated_at: datetime  # local time, with its offset
    kiosk_id: str
    language: str
    counter: str | None = None
    service_id: str | None = None
    dossier_code: str | None = None
    answers: dict[str, int] = field(default_factory=dict)  # index id → points

    def body(self) -> dict[str, Any]:
        """The contract's Rating object."""
        body: dict[str, Any] = {
            "level": self.level_id,
            "score": self.score,
            "answers": dict(self.answers),
            "rated_at": self.rated_at.isoformat(),
            "kiosk_id": self.kiosk_id,
            "language": self.language,
        }
        for name in ("counter", "service_id", "dossier_code"):
            value = getattr(self, name)
            if value:
                body[name] = value
        return body

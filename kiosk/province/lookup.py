"""Looking a dossier up: what the province says of it and what this kiosk's own outbox knows,
so a citizen gets an answer even while the province cannot be reached."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offline_queue.contract.statuses import dossier_status_codes
from offline_queue.outbox.model import ItemKind, ItemState, OutboxItem

if TYPE_CHECKING:  # the client brings requests; the follow journey's module must not wait for it
    from offline_queue.client import DossierStatus, ProvincialClient
    from offline_queue.outbox.store import Outbox


class LookupOutcome(enum.Enum):
    FOUND = "found"  # the province answered with a timeline
    NOT_FOUND = "not_found"  # the province does not know the code (yet)
    OFFLINE = "offline"  # the province could not be asked now


@dataclass(frozen=True)
class LocalRecord:
    """What this kiosk's outbox knows of a dossier it took in itself."""

    state: ItemState
    received_at: float  # epoch seconds
    sent_at: float | None

    @classmethod
    def of(cls, item: OutboxItem | None) -> LocalRecord | None:
        if item is None or item.kind is not ItemKind.DOSSIER:
            return None
        return cls(item.state, item.created_at, item.acked_at)

    @property
    def sent(self) -> bool:
        return self.sent_at is not None and self.state is not ItemState.QUARANTINED

    @property
    def refused(self) -> bool:
        """Held back with a problem (the province refused it, or its data no longer opens)."""
        return self.state is ItemState.QUARANTINED


@dataclass(frozen=True)
class DossierLookup:
    code: str
    outcome: LookupOutcome
    status: DossierStatus | None = None
    local: LocalRecord | None = None
    problem_key: str = ""  # why the province could not be asked (for the log and technician)


def status_message_key(code: int) -> str | None:
    """Translation key of a national dossier status code, None for a code the portal lacks."""
    known = dossier_status_codes().get(code)
    return known.message_key if known is not None else None


def find_dossier(
    code: str, client: ProvincialClient | None, outbox: Outbox | None
) -> DossierLookup:
    """Ask the province; whatever it answers, add what the kiosk's own outbox knows.
    Blocking (network, disk): run it on a worker. `client`/`outbox` are None when the province
    could not be opened at all."""
    from offline_queue.client import NotFoundError, ProvincialError

    local = LocalRecord.of(outbox.item(code)) if outbox is not None else None
    if client is None:
        return DossierLookup(code, LookupOutcome.OFFLINE, local=local, problem_key="no_link")
    try:
        status = client.dossier_status(code)
    except NotFoundError:
        return DossierLookup(code, LookupOutcome.NOT_FOUND, local=local)
    except ProvincialError as exc:  # transient, refused or unauthenticated: cannot be asked now
        return DossierLookup(code, LookupOutcome.OFFLINE, local=local, problem_key=exc.message_key)
    return DossierLookup(code, LookupOutcome.FOUND, status=status, local=local)

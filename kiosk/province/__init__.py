"""The kiosk's one door to the province (`Province`, see door.py) and the types that pass
through it. Only this package imports `offline_queue`; the architecture test checks it."""

from kiosk.province.door import Assistance, OpenProvince, Province, ProvinceNotReady
from kiosk.province.lookup import (
    DossierLookup,
    LocalRecord,
    LookupOutcome,
    find_dossier,
    status_message_key,
)
from kiosk.province.notices import Notice, NoticeKind
from offline_queue.outbox.errors import OutboxError
from offline_queue.outbox.model import Scan

__all__ = [
    "Assistance",
    "DossierLookup",
    "LocalRecord",
    "LookupOutcome",
    "Notice",
    "NoticeKind",
    "OpenProvince",
    "OutboxError",
    "Province",
    "ProvinceNotReady",
    "Scan",
    "find_dossier",
    "status_message_key",
]

"""The dossier code's grammar, in one place: how the kiosk writes a code
(`<unit id>-<yyMMdd>-<NNNN>`, `000.00.06.H56-231027-0361`) and how it reads one back — typed on
the keyboard, or carried by a receipt's QR. Numbering, following and rating all use these."""

from __future__ import annotations

import json
import re
from datetime import datetime

from kiosk.errors import UserFacingError

MAX_CODE_LENGTH = 40
MAX_QR_BYTES = 2000
# A unit id is dot-separated groups of capitals and digits (000.00.06.H56, G22.39-…).
DOSSIER_CODE = re.compile(
    r"^(?P<unit>[A-Z0-9]{1,5}(?:\.[A-Z0-9]{1,5}){1,5})-(?P<day>\d{6})-(?P<seq>\d{4})$"
)
_CODE_IN_TEXT = re.compile(r"[A-Za-z0-9]{1,5}(?:\.[A-Za-z0-9]{1,5}){1,5}-\d{6}-\d{4}")
_JSON_CODE_KEYS = ("dossier_code", "dossierCode", "ma_ho_so", "maHoSo", "code")
_CARD_QR = re.compile(r"^\d{12}\|")


class DossierCodeError(UserFacingError):
    """A code or QR that cannot be a dossier receipt; the message says what to do."""


def format_code(unit_code: str, day: datetime, sequence: int) -> str:
    return f"{unit_code}-{day:%y%m%d}-{sequence:04d}"


def parse_dossier_code(text: str) -> str:
    """The code as the province knows it (capitals, no spaces around), or DossierCodeError."""
    if not isinstance(text, str) or not text.strip():
        raise DossierCodeError("follow.code.empty")
    code = text.strip().upper()
    if len(code) > MAX_CODE_LENGTH or not code.isascii() or not code.isprintable():
        raise DossierCodeError("follow.code.shape")
    match = DOSSIER_CODE.match(code)
    if match is None:
        raise DossierCodeError("follow.code.shape")
    try:
        datetime.strptime(match["day"], "%y%m%d")
    except ValueError as exc:
        raise DossierCodeError("follow.code.day") from exc
    if int(match["seq"]) == 0:
        raise DossierCodeError("follow.code.shape")
    return code


def code_from_qr(raw: bytes) -> str:
    """The dossier code a receipt's QR carries: the bare code, a JSON object with it, or one
    field of a `|`-separated or multi-line text. Anything else is not a receipt."""
    if len(raw) > MAX_QR_BYTES:
        raise DossierCodeError("follow.qr.not_receipt")
    try:
        text = raw.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise DossierCodeError("follow.qr.not_receipt") from exc
    if _CARD_QR.match(text):
        raise DossierCodeError("follow.qr.id_card")
    candidates = _json_codes(text) if text.startswith("{") else _CODE_IN_TEXT.findall(text)
    codes = set()
    for candidate in candidates:
        try:
            codes.add(parse_dossier_code(candidate))
        except DossierCodeError:
            continue
    if len(codes) != 1:
        raise DossierCodeError("follow.qr.not_receipt")
    return codes.pop()


def _json_codes(text: str) -> list[str]:
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return []
    if not isinstance(document, dict):
        return []
    return [document[key] for key in _JSON_CODE_KEYS if isinstance(document.get(key), str)]

"""Rotating log files that never hold a citizen's personal data.

Code logs events and ids, never names, ID numbers or addresses; as a safety net every record
passes a filter that masks anything shaped like an ID number, a phone number, an MRZ line or an
e-mail address before it is written.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_PATTERNS = [
    (re.compile(r"I[DO]VNM[0-9A-Z<]{10,}"), "[mrz]"),
    (re.compile(r"[A-Z0-9<]{20,}"), "[mrz]"),
    (re.compile(r"(?<![\d.])\d{9,12}(?![\d.])"), "[number]"),
    (re.compile(r"(?<!\d)(?:\+84|0)(?:[\s.]?\d){9,10}(?!\d)"), "[phone]"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"), "[email]"),
]


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


def configure_logging(folder: Path, level: str, max_bytes: int, backups: int) -> Path:
    """Log to `folder/kiosk.log`, rotated by size; returns the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kiosk.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PersonalDataFilter())
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.addFilter(PersonalDataFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.addHandler(console)
    root.setLevel(level)
    return path

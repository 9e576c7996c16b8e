"""Translation layer: every string a citizen or technician sees is looked up here by key.

Catalogues are TOML files in `config/i18n/`, one per area, each key holding its Vietnamese and
English text side by side so a translator sees both:

    [ticket]
    paper_out = { vi = "Máy in tạm hết giấy.", en = "The printer is out of paper." }
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from kiosk.paths import config_dir

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def _flatten(table: Mapping[str, Any], prefix: str, out: dict[str, dict[str, str]]) -> None:
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping) and "vi" in value:
            out[key] = {lang: str(text) for lang, text in value.items()}
        elif isinstance(value, Mapping):
            _flatten(value, f"{key}.", out)
        else:
            raise ValueError(f"translation {key!r} must be a table with 'vi' and 'en'")


def load_catalogue(folder: Path) -> dict[str, dict[str, str]]:
    catalogue: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            entries: dict[str, dict[str, str]] = {}
            _flatten(tomllib.load(fh), "", entries)
        clash = catalogue.keys() & entries.keys()
        if clash:
            raise ValueError(f"{path.name} redefines translation keys: {sorted(clash)[:5]}")
        catalogue.update(entries)
    return catalogue


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    return load_catalogue(config_dir() / "i18n")


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """Text for `key` in `lang`, falling back to Vietnamese, then to the key itself (logged)."""
    entry = catalogue().get(key)
    if entry is None:
        log.warning("missing translation key %s", key)
        return key
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text

"""Translation layer: every string a citizen or technician sees is looked up here by key.

Catalogues are TOML files in `config/i18n/`, one per area, each key holding its Vietnamese and
English text side by side so a translator sees both:

    [ticket]
    paper_out = { vi = "Máy in tạm hết giấy.", en = "The printer is out of paper." }
"""

from __future__ import annotations

import hashlib
import json
import logging
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from kiosk.paths import cache_dir, config_dir

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


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.toml")):
        digest.update(f"{path.name}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cached_catalogue(folder: Path, cache: Path) -> dict[str, dict[str, str]]:
    """`load_catalogue(folder)`, read from a JSON copy in `cache` while the folder's files are
    byte for byte those it was made from: parsing the TOML took ~35 ms CPU before the first
    frame, hashing the files and reading the copy ~3 ms. A catalogue that fails is not cached."""
    path = cache / f"i18n-{hashlib.sha256(str(folder).encode()).hexdigest()[:16]}.json"
    fingerprint = _fingerprint(folder)
    try:
        with path.open(encoding="utf-8") as fh:
            copy = json.load(fh)
        if copy["files"] == fingerprint:
            return copy["catalogue"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # none yet, another version's or damaged: parse the files
    entries = load_catalogue(folder)
    try:
        from platform_layer import replace_file  # only when the copy is (re)written

        # two kiosks (or test workers) may start at once: neither reads the other's half copy
        copy = {"files": fingerprint, "catalogue": entries}
        replace_file(path, json.dumps(copy, ensure_ascii=False).encode(), durable=False)
    except OSError as error:  # a full or read-only disk: the next start parses again
        log.warning("translations not cached in %s: %s", cache, error)
    return entries


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    return cached_catalogue(config_dir() / "i18n", cache_dir())


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """Text for `key` in `lang`, falling back to Vietnamese, then to the key itself (logged)."""
    entry = catalogue().get(key)
    if entry is None:
        log.warning("missing translation key %s", key)
        return key
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text

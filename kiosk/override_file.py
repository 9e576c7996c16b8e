"""The technician's changes made on the screen, written to `override.toml` (the last layer of
the configuration, so they win at the next start too). The file keeps whatever else it holds,
comments included; it is replaced whole (a power cut leaves the old file or the new one)."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Table

from kiosk.errors import UserFacingError
from kiosk.paths import override_path

NOT_SAVED = "technician.settings.not_saved"


def write_section(section: str, values: Mapping[str, object], path: Path | None = None) -> Path:
    """Sets `values` in `[section]` of the override file; returns the file written."""
    path = path or override_path()
    try:
        document = tomlkit.parse(path.read_text("utf-8")) if path.exists() else tomlkit.document()
        table = document.get(section)
        if table is None:
            table = tomlkit.table()
            document[section] = table
        elif not isinstance(table, Table):
            raise UserFacingError(NOT_SAVED, f"{path}: {section} is not a table", path=str(path))
        for key, value in values.items():
            table[key] = value
        text = tomlkit.dumps(document)
        tomllib.loads(text)  # what the kiosk will read at its next start
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with temporary.open("w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except (OSError, TOMLKitError, tomllib.TOMLDecodeError) as error:
        raise UserFacingError(NOT_SAVED, f"{path}: {error}", path=str(path)) from error
    return path

"""Keeps the catalogue the kiosk shows, and installs newer versions from the provincial system.

The bundled catalogue (`config/catalogue/catalogue.json`) is the floor; an installed update in
the data folder replaces it when it is valid and newer. An update is validated completely and
written with temp file → fsync → rename → fsync folder before the in-memory snapshot is swapped,
so a power cut leaves either the old or the new version, never half of one, and a bad update
changes nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.catalogue.config import CatalogueSettings
from kiosk.catalogue.finder import Finder, FinderData, load_finder_data
from kiosk.catalogue.loader import (
    CatalogueError,
    CatalogueProblem,
    decode_catalogue,
    load_catalogue_file,
    parse_catalogue,
)
from kiosk.catalogue.model import CatalogueDocument, version_key
from kiosk.catalogue.snapshot import Catalogue
from kiosk.catalogue.synonyms import SynonymTable, load_synonyms
from kiosk.paths import config_dir, data_dir
from platform_layer import replace_file

log = logging.getLogger(__name__)

INSTALLED_NAME = "catalogue.json"
PREVIOUS_NAME = "catalogue.previous.json"


def bundled_catalogue_path() -> Path:
    return config_dir() / "catalogue" / "catalogue.json"


def bundled_synonyms_path() -> Path:
    return config_dir() / "catalogue" / "synonyms.json"


def bundled_finder_path() -> Path:
    return config_dir() / "catalogue" / "finder.json"


def installed_catalogue_dir() -> Path:
    return data_dir() / "catalogue"


@dataclass(frozen=True)
class UpdateResult:
    previous_version: str
    version: str
    procedures: int


class CatalogueStore:
    def __init__(
        self,
        settings: CatalogueSettings,
        synonyms: SynonymTable,
        bundled: Path,
        installed_dir: Path,
        finder_data: FinderData | None = None,
    ) -> None:
        self._settings = settings
        self._synonyms = synonyms
        self._bundled = bundled
        self._installed_dir = installed_dir
        self._finder_data = finder_data
        self._lock = threading.Lock()
        self._current = self._build(self._load_best())

    @classmethod
    def open(
        cls, settings: CatalogueSettings | None = None, installed_dir: Path | None = None
    ) -> CatalogueStore:
        """The store over the bundled files and the kiosk's data folder. The finder's data is
        checked against the bundled catalogue; an update that drops a procedure it names only
        drops that suggestion."""
        bundled = bundled_catalogue_path()
        codes = {p.code for p in load_catalogue_file(bundled).procedures}
        synonyms = load_synonyms(bundled_synonyms_path())
        return cls(
            settings or CatalogueSettings(),
            synonyms,
            bundled,
            installed_dir or installed_catalogue_dir(),
            load_finder_data(bundled_finder_path(), codes, synonyms.concept_names),
        )

    @property
    def current(self) -> Catalogue:
        """The snapshot to show; keep the reference for a whole screen so it never changes
        under the citizen's finger."""
        return self._current

    def finder(self) -> Finder | None:
        """The life-event finder over the current snapshot (None without finder data)."""
        if self._finder_data is None:
            return None
        return Finder(self._finder_data, self._current)

    def _build(self, document: CatalogueDocument) -> Catalogue:
        return Catalogue.build(
            document, self._synonyms, self._settings.levels, self._settings.portal_url
        )

    def _load_best(self) -> CatalogueDocument:
        bundled = load_catalogue_file(self._bundled)
        installed_path = self._installed_dir / INSTALLED_NAME
        if not installed_path.exists():
            return bundled
        try:
            installed = load_catalogue_file(installed_path)
        except CatalogueError as exc:
            # Keep the bad file for the technician; the bundled catalogue still works.
            log.error("installed catalogue unusable, using the bundled one:\n%s", exc)
            installed_path.replace(installed_path.with_suffix(".rejected.json"))
            return bundled
        if version_key(installed.version) > version_key(bundled.version):
            return installed
        return bundled

    def apply_update(self, payload: bytes | str | Mapping[str, Any]) -> UpdateResult:
        """Validate a catalogue sent by the provincial system and, if it is newer, install it
        and swap it in. Raises CatalogueError (nothing changed) when it is not usable."""
        if isinstance(payload, Mapping):
            document = parse_catalogue(payload, "update")
        else:
            document = decode_catalogue(payload, "update")
        with self._lock:
            previous = self._current.version
            if version_key(document.version) <= version_key(previous):
                raise CatalogueError(
                    [
                        CatalogueProblem(
                            "update",
                            None,
                            "",
                            "",
                            "version",
                            f"version {document.version} is not newer than {previous}",
                        )
                    ]
                )
            snapshot = self._build(document)
            target = self._installed_dir / INSTALLED_NAME
            if target.exists():
                replace_file(self._installed_dir / PREVIOUS_NAME, target.read_bytes(), durable=True)
            replace_file(
                target, document.model_dump_json(exclude_defaults=True).encode(), durable=True
            )
            self._current = snapshot
        log.info("catalogue updated from %s to %s", previous, document.version)
        return UpdateResult(previous, document.version, len(document.procedures))

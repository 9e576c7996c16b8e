"""One loaded catalogue version, ready to browse and search: an immutable snapshot that screens
keep using while a newer version is being installed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from kiosk.catalogue.model import CatalogueDocument, Level, Procedure, ProcedureField
from kiosk.catalogue.search import SearchHit, SearchIndex
from kiosk.catalogue.synonyms import SynonymTable


@dataclass(frozen=True)
class Catalogue:
    document: CatalogueDocument
    procedures: tuple[Procedure, ...]
    fields: tuple[ProcedureField, ...]
    index: SearchIndex = field(repr=False)
    by_code: Mapping[str, Procedure] = field(repr=False)
    portal_url: str = "https://dichvucong.gov.vn"

    @classmethod
    def build(
        cls,
        document: CatalogueDocument,
        synonyms: SynonymTable,
        levels: Iterable[Level] = ("province", "commune"),
        portal_url: str = "https://dichvucong.gov.vn",
    ) -> Catalogue:
        """Keep the procedures of the levels this centre serves, and the fields that have any."""
        wanted = set(levels)
        procedures = tuple(p for p in document.procedures if wanted & set(p.levels))
        used = {p.field for p in procedures}
        fields = tuple(
            sorted((f for f in document.fields if f.id in used), key=lambda f: (f.order, f.name.vi))
        )
        index = SearchIndex(procedures, document.fields, synonyms)
        by_code = MappingProxyType({p.code: p for p in procedures})
        return cls(document, procedures, fields, index, by_code, portal_url)

    @property
    def version(self) -> str:
        return self.document.version

    def procedure(self, code: str) -> Procedure | None:
        return self.by_code.get(code)

    def field(self, field_id: str) -> ProcedureField | None:
        return next((f for f in self.document.fields if f.id == field_id), None)

    def in_field(self, field_id: str) -> list[Procedure]:
        return sorted((p for p in self.procedures if p.field == field_id), key=lambda p: p.name)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        return self.index.search(query, limit)

    def queue_service_for(self, procedure: Procedure) -> str | None:
        """The queue service whose counters handle this procedure's field, if any."""
        entry = self.field(procedure.field)
        return entry.queue_service if entry and entry.queue_service else None

    def portal_link(self, procedure: Procedure) -> str:
        """The procedure's own page on the national portal, else the portal's front page."""
        url = procedure.source.url
        return url if url.startswith(self.portal_url) else self.portal_url

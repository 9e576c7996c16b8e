"""Everyday words and abbreviations → the catalogue's official words ("sổ đỏ" → "giấy chứng
nhận quyền sử dụng đất", "GPXD" → "giấy phép xây dựng"), read from
`config/catalogue/synonyms.json` so staff can add what citizens really say.

Phrases are compared folded (no diacritics, đ → d), so "so do" and "sổ đỏ" are one phrase.
An abbreviation must name its source (the law or form that gives the full term) and, in
`seen_at`, a public page where citizens or officials use the short form for that meaning: a
short form nobody writes is a guess that can send a citizen to the wrong procedure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from kiosk.catalogue.loader import CatalogueError, CatalogueProblem
from kiosk.folding import tokens


class SynonymEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    phrases: list[str] = Field(min_length=1)
    means: str = Field(min_length=2)
    kind: Literal["everyday", "abbreviation"] = "everyday"
    source: str = ""
    seen_at: str = Field("", pattern=r"^(|[a-z0-9.-]+\.[a-z]{2,}(/\S*)?)$")

    @model_validator(mode="after")
    def _abbreviation_has_source(self) -> SynonymEntry:
        if self.kind == "abbreviation" and len(self.source) < 10:
            raise ValueError("an abbreviation needs its source")
        if self.kind == "abbreviation" and not self.seen_at:
            raise ValueError("an abbreviation needs seen_at: a public page that uses it")
        return self


class SynonymFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int = Field(1, ge=1, le=1)
    entries: list[SynonymEntry]


@dataclass(frozen=True)
class Rewrite:
    """A query with every everyday phrase it contains replaced by its official words."""

    terms: tuple[str, ...]
    replaced: bool


class SynonymTable:
    def __init__(self, entries: list[SynonymEntry]) -> None:
        self._phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for entry in entries:
            meaning = tuple(tokens(entry.means))
            for phrase in entry.phrases:
                key = tuple(tokens(phrase))
                if key:
                    self._phrases[key] = meaning
        self._longest = max((len(k) for k in self._phrases), default=0)
        self.words = frozenset(word for phrase in self._phrases for word in phrase)
        # Abbreviations of one word ("gplx", "bhxh"): a slip in one is still that one.
        self.short_forms = frozenset(
            key[0]
            for entry in entries
            if entry.kind == "abbreviation"
            for key in map(tuple, map(tokens, entry.phrases))
            if len(key) == 1 and len(key[0]) >= 3
        )
        self.phrases = frozenset(self._phrases)
        # Phrases of two words or more by all their words but the last, for a phrase whose
        # last word is still being typed; in the file's order, so the first listed wins.
        self._by_head: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
        for phrase, meaning in self._phrases.items():
            if len(phrase) >= 2:
                self._by_head.setdefault(phrase[:-1], []).append((phrase[-1], meaning))

    def __len__(self) -> int:
        return len(self._phrases)

    def _match_at(
        self, terms: list[str], start: int, typing: bool
    ) -> tuple[int, tuple[str, ...]] | None:
        for length in range(min(self._longest, len(terms) - start), 0, -1):
            window = tuple(terms[start : start + length])
            meaning = self._phrases.get(window)
            if meaning:
                return length, meaning
        if typing and start < len(terms):
            # The citizen is still typing the phrase's last word: "lam so d" → "làm sổ đỏ".
            window = tuple(terms[start:])
            for last, meaning in self._by_head.get(window[:-1], ()) if len(window) >= 2 else ():
                if last.startswith(window[-1]):
                    return len(window), meaning
        return None

    def rewrite(self, terms: list[str], typing: bool = False) -> Rewrite:
        """Replace the longest phrases first, left to right; other words stay as typed."""
        out: list[str] = []
        replaced = False
        index = 0
        while index < len(terms):
            hit = self._match_at(terms, index, typing)
            if hit:
                length, meaning = hit
                out.extend(meaning)
                index += length
                replaced = True
            else:
                out.append(terms[index])
                index += 1
        return Rewrite(tuple(out), replaced)


def load_synonyms(path: Path) -> SynonymTable:
    try:
        data = SynonymFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise CatalogueError([CatalogueProblem(str(path), None, "", "", "", str(exc))]) from exc
    except ValidationError as exc:
        raise CatalogueError(
            [
                CatalogueProblem(str(path), None, "", "", ".".join(map(str, e["loc"])), e["msg"])
                for e in exc.errors()
            ]
        ) from exc
    return SynonymTable(data.entries)

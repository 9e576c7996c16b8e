"""Scores the procedure search against the independent citizen-style query set
(`tests/catalogue/queries/`): how often the right procedure comes first and within the first
three, per kind of query, for the dev part, the holdout part and both. Shared by the scoring
test and `bench/catalogue_search.py` so both report the same figures.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kiosk.catalogue.search import SearchHit

QUERY_DIR = Path(__file__).resolve().parents[2] / "tests" / "catalogue" / "queries"
SPLITS = ("dev", "holdout")
KINDS = ("diacritics", "no_diacritics", "typos", "telex", "abbreviation", "life_event", "english")


class Searchable(Protocol):
    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...


@dataclass(frozen=True)
class Query:
    split: str
    text: str
    kind: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    query: Query
    found: tuple[str, ...]  # the first three codes the search returned

    @property
    def first(self) -> bool:
        return bool(self.found) and self.found[0] in self.query.expect

    @property
    def top_three(self) -> bool:
        return any(code in self.query.expect for code in self.found[:3])


@dataclass(frozen=True)
class Tally:
    total: int
    first: int
    top_three: int

    @property
    def first_share(self) -> float:
        return self.first / self.total if self.total else 0.0

    @property
    def top_three_share(self) -> float:
        return self.top_three / self.total if self.total else 0.0


def load_queries(split: str, directory: Path = QUERY_DIR) -> list[Query]:
    """One part of the set, as written; malformed entries raise ValueError naming the entry."""
    with (directory / f"{split}.toml").open("rb") as fh:
        entries = tomllib.load(fh)["query"]
    queries = []
    for number, entry in enumerate(entries, start=1):
        where = f"{split} #{number}"
        if set(entry) != {"text", "kind", "expect"}:
            raise ValueError(f"{where}: keys must be text, kind, expect: {entry}")
        text, kind, expect = entry["text"], entry["kind"], entry["expect"]
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{where}: empty text")
        if kind not in KINDS:
            raise ValueError(f"{where}: unknown kind {kind!r}")
        if not isinstance(expect, list) or not expect or len(set(expect)) != len(expect):
            raise ValueError(f"{where}: expect must list distinct codes")
        queries.append(Query(split, text, kind, tuple(expect)))
    return queries


def run(search: Searchable, queries: Iterable[Query]) -> list[Outcome]:
    """Each query as the screen last searches it: typed in full, no trailing space."""
    return [
        Outcome(query, tuple(hit.procedure.code for hit in search.search(query.text, 3)))
        for query in queries
    ]


def tally(outcomes: Sequence[Outcome]) -> Tally:
    return Tally(len(outcomes), sum(o.first for o in outcomes), sum(o.top_three for o in outcomes))


def by_kind(outcomes: Sequence[Outcome]) -> dict[str, Tally]:
    """Per kind in the set's order, then "overall"."""
    table = {kind: tally([o for o in outcomes if o.query.kind == kind]) for kind in KINDS}
    table["overall"] = tally(outcomes)
    return table


def format_table(outcomes: Sequence[Outcome]) -> str:
    """Right first (and top three) per kind, for dev, holdout and both, as a Markdown table."""
    columns = {
        "dev": by_kind([o for o in outcomes if o.query.split == "dev"]),
        "holdout": by_kind([o for o in outcomes if o.query.split == "holdout"]),
        "all": by_kind(outcomes),
    }
    lines = [
        "| kind | " + " | ".join(f"{name} first (top 3)" for name in columns) + " |",
        "|---|" + "---|" * len(columns),
    ]
    for kind in (*KINDS, "overall"):
        cells = []
        for table in columns.values():
            t = table[kind]
            cells.append(
                f"{t.first_share:6.1%} ({t.top_three_share:6.1%}) n={t.total}" if t.total else "-"
            )
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)

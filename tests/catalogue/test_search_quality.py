"""The search answers the independent citizen-style query set (tests/catalogue/queries/),
scored per kind (everyday words, no diacritics, typos, Telex/VNI leftovers, abbreviations, life
events, English) over the dev part, the holdout part and both together.

The issue's target is the right procedure first for ≥ 95 % of the queries and ≥ 90 % of every
kind. The dev part may be tuned against and meets it again since session 5 read a sentence's
request apart from what happened before it. The holdout part is never tuned against; it does
not meet it (life events 79 %), nor does the whole set's life events (88 %). Each part is held
to floors just under its figures, so a change that makes the search worse fails here.
`bench/catalogue_search.py` prints the whole table.
"""

from __future__ import annotations

import pytest

from devtools.catalogue.search_scoring import (
    KINDS,
    SPLITS,
    Outcome,
    by_kind,
    load_queries,
    run,
)
from kiosk.catalogue.snapshot import Catalogue

# part → (share right first overall, share right first in every kind)
REQUIRED = {
    # Floors just under session 5's figures (867 queries), after it tuned on dev.
    "dev": (0.97, 0.92),  # 97.7 %, life events 92.7 %
    "all": (0.95, 0.87),  # 95.4 %, life events 87.9 %
    "holdout": (0.91, 0.79),  # untuned: 91.2 %, life events 79.2 %
}


@pytest.fixture(scope="module")
def outcomes(starter: Catalogue) -> list[Outcome]:
    return run(starter, [query for split in SPLITS for query in load_queries(split)])


def _misses(outcomes: list[Outcome]) -> str:
    return "\n".join(
        f"[{o.query.kind}] {o.query.text!r}: want {o.query.expect}, got {o.found}"
        for o in outcomes
        if not o.first
    )


@pytest.mark.parametrize("part", REQUIRED)
def test_the_right_procedure_comes_first_overall_and_in_every_kind(
    outcomes: list[Outcome], part: str
) -> None:
    scored = [o for o in outcomes if part == "all" or o.query.split == part]
    overall, per_kind = REQUIRED[part]
    table = by_kind(scored)
    # Only the dev part's figures and misses are shown: reading the holdout's would be tuning
    # against it (the bench prints its per-kind totals once, for the record).
    report = (
        "\n".join(f"{kind}: {t.first}/{t.total}" for kind, t in table.items())
        + "\n"
        + _misses(scored)
        if part == "dev"
        else f"{part} is below its floor"
    )
    assert table["overall"].first_share >= overall, report
    weak = [kind for kind in KINDS if table[kind].first_share < per_kind]
    assert not weak, f"{weak}\n{report}"

"""Keeps the independent citizen-style query set (tests/catalogue/queries/) usable for scoring:
well-formed, pointing only at procedures that exist, every kind well represented, and the holdout
part disjoint from the dev part so tuning on dev cannot leak into the check."""

from __future__ import annotations

from collections import Counter

import pytest

from devtools.catalogue.search_scoring import KINDS, SPLITS, Query, load_queries
from kiosk.catalogue.loader import load_catalogue_file
from kiosk.catalogue.store import bundled_catalogue_path
from kiosk.folding import fold

MIN_PER_KIND = 35


@pytest.fixture(scope="module")
def queries() -> list[Query]:
    return [query for split in SPLITS for query in load_queries(split)]


def test_every_expected_code_is_in_the_catalogue(queries: list[Query]) -> None:
    codes = {p.code for p in load_catalogue_file(bundled_catalogue_path()).procedures}
    unknown = [(q.split, q.text, c) for q in queries for c in q.expect if c not in codes]
    assert not unknown
    assert len({c for q in queries for c in q.expect}) >= 60


def test_every_kind_is_well_represented_in_both_parts(queries: list[Query]) -> None:
    assert len(queries) >= 300
    per_kind = Counter(q.kind for q in queries)
    assert all(per_kind[kind] >= MIN_PER_KIND for kind in KINDS), per_kind
    for split in SPLITS:
        present = {q.kind for q in queries if q.split == split}
        assert present == set(KINDS), f"{split} lacks {set(KINDS) - present}"
    holdout_share = sum(q.split == "holdout" for q in queries) / len(queries)
    assert 0.3 <= holdout_share <= 0.5


def test_no_query_is_repeated_within_or_across_parts(queries: list[Query]) -> None:
    # Folded, so that "dang ky ket hon" in one part and "đăng ký kết hôn" in the other count as
    # the same query: tuning on one would otherwise tune the other.
    repeated = [text for text, n in Counter(fold(q.text) for q in queries).items() if n > 1]
    assert not repeated

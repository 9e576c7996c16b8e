"""The loader accepts the starter catalogue and rejects broken records with messages that
name the file, the record (number, code, name) and the field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.catalogue.loader import (
    CatalogueError,
    catalogue_schema,
    decode_catalogue,
    load_catalogue_file,
    parse_catalogue,
)
from kiosk.catalogue.store import bundled_catalogue_path


def problems_of(document: Any, origin: str = "catalogue.json") -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(document, origin)
    return [str(p) for p in caught.value.problems]


def test_a_valid_document_loads(document: dict[str, Any]) -> None:
    parsed = parse_catalogue(document, "catalogue.json")
    assert [p.code for p in parsed.procedures] == ["1.001193", "1.004222"]
    assert parsed.procedures[0].is_free


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda r: r.update(code="1001193"), "record 1 (1001193 Đăng ký khai sinh): field code"),
        (lambda r: r.update(code="1.012753.H19x!"), "field code"),
        (lambda r: r.pop("name"), "record 1 (1.001193 ?): field name: Field required"),
        (lambda r: r.update(levels=[]), "field levels"),
        (lambda r: r.update(levels=["district"]), "field levels[0]"),
        (lambda r: r["fees"][0].update(amount_vnd=-5), "field fees[0].amount_vnd"),
        (
            lambda r: r["fees"].append({"kind": "fee"}),
            "field fees[1]: Value error, give amount_vnd",
        ),
        (
            lambda r: r["papers"][0]["papers"][1].update(originals=0),
            "field papers[0].papers[1]: Value error, a paper handed in needs at least one",
        ),
        (lambda r: r.update(processing_time={"value": 5}), "field processing_time: Value error"),
        (
            lambda r: r.update(processing_time={"same_day": True, "value": 1, "unit": "days"}),
            "a same-day time has no value",
        ),
        (
            lambda r: r.update(online_level="full", channels=["in_person"]),
            "online_level is full but channels lack 'online'",
        ),
        (lambda r: r["source"].update(url="dichvucong.gov.vn/x"), "field source.url"),
        (lambda r: r.update(colour="red"), "field colour: Extra inputs are not permitted"),
        (lambda r: r.update(field="dat-dai"), "field field: 'dat-dai' is not one of the fields"),
    ],
)
def test_a_broken_record_is_named_precisely(
    document: dict[str, Any], breakage: Any, expected: str
) -> None:
    breakage(document["procedures"][0])
    problems = problems_of(document)
    assert any(p.startswith("catalogue.json: record 1 (") and expected in p for p in problems), (
        problems
    )


def test_the_second_record_is_numbered_two(document: dict[str, Any]) -> None:
    document["procedures"][1]["fees"][0]["amount_vnd"] = "hai mươi nghìn"
    [problem] = problems_of(document)
    assert problem.startswith(
        "catalogue.json: record 2 (1.004222 Đăng ký thường trú): field fees[0].amount_vnd:"
    )


def test_every_problem_is_reported_not_just_the_first(document: dict[str, Any]) -> None:
    document["procedures"][0]["levels"] = []
    document["procedures"][1]["source"] = {}
    problems = problems_of(document)
    assert any("record 1" in p and "levels" in p for p in problems)
    assert any("record 2" in p and "source.url" in p for p in problems)


def test_a_repeated_code_names_both_records(document: dict[str, Any]) -> None:
    document["procedures"][1]["code"] = "1.001193"
    [problem] = problems_of(document)
    assert "record 2 (1.001193" in problem and "already used by record 1" in problem


def test_document_level_problems(document: dict[str, Any]) -> None:
    document["version"] = "mai"
    [problem] = problems_of(document)
    assert problem.startswith("catalogue.json: version: String should match pattern")
    document["version"] = "2026.05.1"
    document["fields"].append(dict(document["fields"][0]))
    assert problems_of(document) == ["catalogue.json: -: Value error, every field needs its own id"]
    assert problems_of([1, 2]) == ["catalogue.json: -: the document must be a JSON object"]


def test_bad_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.json"
    path.write_text('{\n  "format": 1,\n  "version": "2026.05.1"\n  "published": "x"\n}')
    with pytest.raises(CatalogueError) as caught:
        load_catalogue_file(path)
    assert str(caught.value) == (
        f"{path}: -: not valid JSON at line 4, column 3: Expecting ',' delimiter"
    )


def test_text_that_is_not_utf8_or_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="update: -: not UTF-8 text"):
        decode_catalogue("Đăng ký".encode("utf-16"), "update")
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue_file(tmp_path / "absent.json")


def test_messages_are_translated(document: dict[str, Any]) -> None:
    document["procedures"][0]["levels"] = []
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(document, "catalogue.json")
    [vietnamese] = caught.value.describe("vi")
    assert vietnamese.startswith(
        "catalogue.json: bản ghi số 1 (1.001193 Đăng ký khai sinh): trường levels:"
    )


def test_the_published_schema_matches_the_model() -> None:
    path = bundled_catalogue_path().with_name("catalogue.schema.json")
    assert json.loads(path.read_text("utf-8")) == catalogue_schema()

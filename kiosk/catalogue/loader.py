"""Reads a catalogue document (a file in `config/catalogue/` or an update's bytes), checks it
against the model and its own cross-references, and says precisely what is wrong: the file,
the record (position, code and name) and the field, one line per problem.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.catalogue.model import CatalogueDocument
from kiosk.i18n import translate


@dataclass(frozen=True)
class CatalogueProblem:
    origin: str
    record: int | None
    code: str
    name: str
    location: str
    message: str

    def describe(self, lang: str = "en") -> str:
        if self.record is None:
            return translate(
                "catalogue.error.document",
                lang,
                origin=self.origin,
                location=self.location or "-",
                message=self.message,
            )
        return translate(
            "catalogue.error.record",
            lang,
            origin=self.origin,
            number=self.record + 1,
            code=self.code or "?",
            name=self.name or "?",
            location=self.location or "-",
            message=self.message,
        )

    def __str__(self) -> str:
        return self.describe("en")


class CatalogueError(Exception):
    """A catalogue that cannot be used, with every problem found (not just the first)."""

    def __init__(self, problems: list[CatalogueProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def describe(self, lang: str = "vi") -> list[str]:
        return [p.describe(lang) for p in self.problems]


def _dotted(parts: tuple[Any, ...]) -> str:
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _record_label(raw: Any, index: int) -> tuple[str, str]:
    try:
        entry = raw["procedures"][index]
    except (KeyError, IndexError, TypeError):
        return "", ""
    if not isinstance(entry, Mapping):
        return "", ""
    return str(entry.get("code", "")), str(entry.get("name", ""))[:60]


def _problem(origin: str, raw: Any, loc: tuple[Any, ...], message: str) -> CatalogueProblem:
    if len(loc) >= 2 and loc[0] == "procedures" and isinstance(loc[1], int):
        code, name = _record_label(raw, loc[1])
        return CatalogueProblem(origin, loc[1], code, name, _dotted(loc[2:]), message)
    return CatalogueProblem(origin, None, "", "", _dotted(loc), message)


def _cross_check(origin: str, raw: Any, doc: CatalogueDocument) -> list[CatalogueProblem]:
    problems = []
    field_ids = {f.id for f in doc.fields}
    seen: dict[str, int] = {}
    for index, procedure in enumerate(doc.procedures):
        if procedure.field not in field_ids:
            problems.append(
                _problem(
                    origin,
                    raw,
                    ("procedures", index, "field"),
                    f"{procedure.field!r} is not one of the fields listed",
                )
            )
        first = seen.setdefault(procedure.code, index)
        if first != index:
            problems.append(
                _problem(
                    origin,
                    raw,
                    ("procedures", index, "code"),
                    f"{procedure.code} already used by record {first + 1}",
                )
            )
    return problems


def parse_catalogue(raw: Any, origin: str) -> CatalogueDocument:
    """Validate already-decoded JSON; `origin` names it in messages (a path, "update", …)."""
    if not isinstance(raw, Mapping):
        raise CatalogueError(
            [CatalogueProblem(origin, None, "", "", "", "the document must be a JSON object")]
        )
    try:
        doc = CatalogueDocument.model_validate(raw)
    except ValidationError as exc:
        raise CatalogueError(
            [_problem(origin, raw, tuple(err["loc"]), err["msg"]) for err in exc.errors()]
        ) from exc
    problems = _cross_check(origin, raw, doc)
    if problems:
        raise CatalogueError(problems)
    return doc


def decode_catalogue(data: bytes | str, origin: str) -> CatalogueDocument:
    """Decode JSON text or bytes (UTF-8) and validate it."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        raw = json.loads(text)
    except UnicodeDecodeError as exc:
        raise CatalogueError(
            [CatalogueProblem(origin, None, "", "", "", f"not UTF-8 text: {exc.reason}")]
        ) from exc
    except json.JSONDecodeError as exc:
        raise CatalogueError(
            [
                CatalogueProblem(
                    origin,
                    None,
                    "",
                    "",
                    "",
                    f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                )
            ]
        ) from exc
    return parse_catalogue(raw, origin)


def load_catalogue_file(path: Path) -> CatalogueDocument:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogueError(
            [CatalogueProblem(str(path), None, "", "", "", f"cannot read: {exc.strerror}")]
        ) from exc
    return decode_catalogue(data, str(path))


def catalogue_schema() -> dict[str, Any]:
    """The JSON Schema of a catalogue document, for editors and the provincial system."""
    schema = CatalogueDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Service-centre kiosk procedure catalogue"
    return schema

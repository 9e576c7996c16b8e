"""Reads the rows of the first sheet of an .xlsx workbook with the standard library alone.

The portal's procedure lists ("danh sách TTHC") are plain tables of text; reading them needs
no spreadsheet engine, only the workbook's shared strings and its first sheet's cells.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL_REF = re.compile(r"^([A-Z]+)\d+$")


class WorkbookError(Exception):
    pass


def _column_index(ref: str) -> int:
    match = _CELL_REF.match(ref)
    if not match:
        raise WorkbookError(f"unexpected cell reference {ref!r}")
    index = 0
    for letter in match.group(1):
        index = index * 26 + (ord(letter) - ord("A") + 1)
    return index - 1


def _text(node: ElementTree.Element) -> str:
    return "".join(t.text or "" for t in node.iter(f"{{{_NS['m']}}}t"))


def _first_sheet_path(book: zipfile.ZipFile) -> str:
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    sheet = workbook.find("m:sheets/m:sheet", _NS)
    if sheet is None:
        raise WorkbookError("the workbook has no sheet")
    rel_id = sheet.get(_REL_NS)
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    for rel in rels:
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "").lstrip("/")
            return target if target.startswith("xl/") else f"xl/{target}"
    raise WorkbookError("the first sheet's file is not listed")


def read_rows(path: Path) -> list[list[str]]:
    """Cell texts row by row; empty cells are "" so columns stay aligned."""
    try:
        with zipfile.ZipFile(path) as book:
            names = set(book.namelist())
            shared: list[str] = []
            if "xl/sharedStrings.xml" in names:
                table = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
                shared = [_text(item) for item in table.findall("m:si", _NS)]
            sheet = ElementTree.fromstring(book.read(_first_sheet_path(book)))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise WorkbookError(f"{path}: not a readable .xlsx workbook ({exc})") from exc
    rows = []
    for row in sheet.iterfind("m:sheetData/m:row", _NS):
        cells: list[str] = []
        for cell in row.findall("m:c", _NS):
            column = _column_index(cell.get("r", ""))
            kind = cell.get("t")
            value = cell.find("m:v", _NS)
            if kind == "s" and value is not None:
                text = shared[int(value.text or 0)]
            elif kind == "inlineStr":
                text = _text(cell)
            else:
                text = value.text or "" if value is not None else ""
            cells.extend([""] * (column + 1 - len(cells)))
            cells[column] = text.strip()
        rows.append(cells)
    return rows

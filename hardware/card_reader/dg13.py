"""DG13 of the Vietnamese card: the citizen's record in Vietnamese (tag 6D).

Items are `SEQUENCE { INTEGER index, value… }`, values UTF-8 strings; item 13 nests the father's
and mother's names, item 14 the spouse's. Header bytes of unknown meaning precede item 1 and
differ between card generations, so the parser walks the TLVs looking for item-shaped
sequences instead of trusting offsets, and skips bytes it cannot place.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from hardware.card_reader import der, tlv
from hardware.card_reader.lds import EFile, LdsError, unwrap_file

_STRING_TAGS = (der.UTF8_STRING, der.PRINTABLE_STRING, 0x16, 0x1E)  # + IA5, BMP
_MAX_INDEX = 32


class Dg13Error(LdsError):
    """DG13 carries no readable record."""


@dataclass(frozen=True)
class VietnameseRecord:
    """DG13 as text, exactly as the card holds it (dates `dd/mm/yyyy`; expiry may be words).

    Checking and converting the values is the identity service's job.
    """

    id_number: str = ""
    full_name: str = ""
    birth_date: str = ""
    sex: str = ""
    nationality: str = ""
    ethnicity: str = ""
    religion: str = ""
    hometown: str = ""
    residence: str = ""
    identifying_marks: str = ""
    issue_date: str = ""
    expiry: str = ""
    father: str = ""
    mother: str = ""
    spouse: str = ""
    old_id_number: str = ""
    unknown_items: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def __repr__(self) -> str:
        filled = [
            f.name for f in fields(self) if f.name != "unknown_items" and getattr(self, f.name)
        ]
        return f"VietnameseRecord(<hidden>, fields={filled})"


_SIMPLE_ITEMS = {
    1: "id_number",
    2: "full_name",
    3: "birth_date",
    4: "sex",
    5: "nationality",
    6: "ethnicity",
    7: "religion",
    8: "hometown",
    9: "residence",
    10: "identifying_marks",
    11: "issue_date",
    12: "expiry",
}


def _strings(node: tlv.Tlv) -> list[str]:
    """Every string under `node`, depth first, in card order."""
    if node.tag in _STRING_TAGS:
        try:
            return [node.value.decode("utf-16-be" if node.tag == 0x1E else "utf-8").strip()]
        except UnicodeDecodeError as exc:
            raise Dg13Error("DG13 holds text that is not UTF-8") from exc
    if node.constructed:
        return [s for child in node.children() for s in _strings(child)]
    return []


def _item_index(node: tlv.Tlv) -> int | None:
    """The index if `node` is an item: a SEQUENCE opened by a small INTEGER and holding no items."""
    if node.tag != der.SEQUENCE:
        return None
    try:
        children = node.children()
    except tlv.TlvError:
        return None
    if not children or children[0].tag != der.INTEGER or len(children[0].value) != 1:
        return None
    index = children[0].value[0]
    if not 1 <= index <= _MAX_INDEX:
        return None
    if any(_item_index(child) is not None for child in children[1:]):
        return None  # a container that happens to start with a version number
    return index


def _collect(data: bytes, items: dict[int, list[str]]) -> None:
    """Walk `data`, recording items; bytes that do not parse are skipped one at a time."""
    pos = 0
    while pos < len(data):
        try:
            node, end = tlv.decode_one(data, pos)
        except tlv.TlvError:
            pos += 1
            continue
        index = _item_index(node)
        if index is not None:
            items.setdefault(index, [s for child in node.children()[1:] for s in _strings(child)])
            pos = end
        elif node.constructed:
            _collect(node.value, items)
            pos = end
        else:
            pos = end


def _scan(data: bytes, items: dict[int, list[str]]) -> None:
    """Last resort when header bytes hid the items: try an item at every offset."""
    pos = 0
    while pos < len(data):
        try:
            node, end = tlv.decode_one(data, pos)
        except tlv.TlvError:
            pos += 1
            continue
        index = _item_index(node)
        if index is None:
            pos += 1
            continue
        items.setdefault(index, [s for child in node.children()[1:] for s in _strings(child)])
        pos = end


def parse_dg13(data: bytes) -> VietnameseRecord:
    outer = unwrap_file(data, EFile.DG13)
    items: dict[int, list[str]] = {}
    _collect(outer.value, items)
    if not items.get(1):
        _scan(outer.value, items)
    if not items.get(1) or not items[1][0]:
        raise Dg13Error("DG13 has no ID number item")
    values: dict[str, object] = {}
    for index, name in _SIMPLE_ITEMS.items():
        texts = items.get(index, [])
        values[name] = texts[0] if texts else ""
    parents = items.get(13, [])
    values["father"] = parents[0] if parents else ""
    values["mother"] = parents[1] if len(parents) > 1 else ""
    values["spouse"] = next(iter(items.get(14, [])), "")
    # sources disagree whether the old 9-digit ID is item 15 or 16: take the one that is one
    old = [t for i in (15, 16) for t in items.get(i, []) if t.isdigit() and len(t) == 9]
    values["old_id_number"] = old[0] if old else ""
    known = set(_SIMPLE_ITEMS) | {13, 14, 15, 16}
    values["unknown_items"] = {i: tuple(t) for i, t in items.items() if i not in known}
    return VietnameseRecord(**values)  # type: ignore[arg-type]

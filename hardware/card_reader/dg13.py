"""DG13 of the Vietnamese card: the citizen's record in Vietnamese (tag 6D).

Items are `SEQUENCE { INTEGER index, value… }`, values UTF-8 strings; item 13 nests the father's
and mother's names, item 14 the spouse's, item 15 another document number (the old 9- or
12-digit ID) and item 16 a 16-hex-digit value nobody has explained publicly. Real cards wrap the
items as `6D { 30 { INTEGER 1, OID 1.0.10646.1.0.8, SET { item… } } }`; other layouts put them
straight under the tag or in a plain SEQUENCE. The parser therefore finds items by their shape
wherever they sit — a container that holds items is never itself an item, even when it opens
with INTEGER 1 — and skips bytes it cannot place.
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
    # item 16: 16 hex digits of unknown meaning, kept as read and shown nowhere
    reference_code: str = ""
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


def _children(node: tlv.Tlv) -> list[tlv.Tlv]:
    if not node.constructed:
        return []
    try:
        return node.children()
    except tlv.TlvError:
        return []


def _holds_item(node: tlv.Tlv) -> bool:
    """Whether an item sits anywhere below `node` (in a SET, a SEQUENCE, at any depth)."""
    return any(_item_index(child) is not None or _holds_item(child) for child in _children(node))


def _item_index(node: tlv.Tlv) -> int | None:
    """The index if `node` is an item: a SEQUENCE opened by a small INTEGER and holding no items."""
    if node.tag != der.SEQUENCE:
        return None
    children = _children(node)
    if not children or children[0].tag != der.INTEGER or len(children[0].value) != 1:
        return None
    index = children[0].value[0]
    if not 1 <= index <= _MAX_INDEX:
        return None
    if any(_item_index(child) is not None or _holds_item(child) for child in children[1:]):
        return None  # a container that opens with a version number, like the real cards'
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


def _is_hex16(text: str) -> bool:
    return len(text) == 16 and all(c in "0123456789abcdefABCDEF" for c in text)


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
    other = next(iter(items.get(15, [])), "")
    values["old_id_number"] = other if other.isdigit() and len(other) in (9, 12) else ""
    reference = next(iter(items.get(16, [])), "")
    values["reference_code"] = reference if _is_hex16(reference) else ""
    known = set(_SIMPLE_ITEMS) | {13, 14, 15, 16}
    values["unknown_items"] = {i: tuple(t) for i, t in items.items() if i not in known}
    return VietnameseRecord(**values)  # type: ignore[arg-type]

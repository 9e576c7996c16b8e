"""Which kind of document a required paper is, from its name in the procedure catalogue:
the scan step tells the detector and the size check what to expect (an ID card is small and
card-shaped, a fee receipt long and thin). Unknown names expect any page."""

from __future__ import annotations

from kiosk.folding import fold
from kiosk.scanning.rectify import KNOWN_FORMATS, RECEIPT_WIDTH_MM

# folded words of a paper's name → document type; first match wins
_KINDS = (
    (
        ("can cuoc", "chung minh nhan dan", "cmnd", "cccd", "the bao hiem", "giay phep lai xe"),
        "card",
    ),
    (("bien lai", "hoa don", "phieu thu"), "receipt"),
)


def document_type_for(paper_name: str) -> str | None:
    """ "card", "receipt", or None (any page: A4 and A5 are told apart by their size)."""
    name = fold(paper_name)
    for words, kind in _KINDS:
        if any(word in name for word in words):
            return kind
    return None


# The x-height of the smallest body text each kind carries, in millimetres (about 0.52 of
# the type size): forms typed at 11 pt and up, A5 at 9.5 pt, an ID card's 6 pt lines, a
# thermal receipt's 8 pt font. Unknown papers are taken as A4 forms.
_PRINT_X_HEIGHT_MM = {"A4": 2.0, "A5": 1.7, "card": 1.1, "receipt": 1.5}


def short_side_mm(document_type: str | None) -> float:
    """The shorter side of this kind of paper (a receipt's width), A4's when unknown."""
    if document_type == "receipt":
        return RECEIPT_WIDTH_MM
    return KNOWN_FORMATS.get(document_type or "A4", KNOWN_FORMATS["A4"])[0]


def print_x_height_mm(document_type: str | None) -> float:
    """How small the text on this kind of paper runs: what blur and glare are judged by."""
    return _PRINT_X_HEIGHT_MM.get(document_type or "A4", _PRINT_X_HEIGHT_MM["A4"])

"""Which kind of document a required paper is, from its name in the procedure catalogue:
the scan step tells the detector and the size check what to expect (an ID card is small and
card-shaped, a fee receipt long and thin). Unknown names expect any page."""

from __future__ import annotations

from kiosk.folding import fold

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

"""Recognise a damaged write-ahead log before SQLite opens it.

SQLite replays WAL frames up to the first one whose checksum or salt does not fit and silently
ignores the rest, so a flipped bit in the middle of the WAL makes every later transaction —
acknowledged dossiers among them — disappear without an error. Read the WAL as the file format
describes it (https://www.sqlite.org/fileformat.html, "The WAL File Format"): a 32-byte header,
then frames of a 24-byte header and one page. If a frame of the current generation (same salts)
that ends a transaction (a commit frame) lies beyond the first bad frame, committed work would
be lost: that is damage. A bad last transaction alone is a write cut off by a crash, which
SQLite rightly drops.
"""

from __future__ import annotations

import struct
from pathlib import Path

_MAGIC_LITTLE = 0x377F0682
_MAGIC_BIG = 0x377F0683
_HEADER = 32
_FRAME_HEADER = 24


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_damage(wal: Path) -> str | None:
    """A description of the damage, or None when the WAL is absent, empty or sound."""
    try:
        raw = wal.read_bytes()
    except FileNotFoundError:
        return None
    if len(raw) < _HEADER:
        return None if not raw else f"the WAL header is cut short ({len(raw)} bytes)"
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", raw[:_HEADER])
    if magic not in (_MAGIC_LITTLE, _MAGIC_BIG) or page_size < 512 or page_size & (page_size - 1):
        return "the WAL header is not a WAL header" if len(raw) > _HEADER else None
    big = magic == _MAGIC_BIG
    s0, s1 = _checksum(raw[:24], big, 0, 0)
    frames = (len(raw) - _HEADER) // (_FRAME_HEADER + page_size)
    if (s0, s1) != (c1, c2):
        return f"the WAL header's checksum is wrong; its {frames} frames would be ignored"
    first_bad = None
    for index in range(frames):
        offset = _HEADER + index * (_FRAME_HEADER + page_size)
        header = raw[offset : offset + _FRAME_HEADER]
        _page, commit_size, f_salt1, f_salt2, f1, f2 = struct.unpack(">6I", header)
        ours = (f_salt1, f_salt2) == (salt1, salt2)
        if first_bad is None:
            page = raw[offset + _FRAME_HEADER : offset + _FRAME_HEADER + page_size]
            n0, n1 = _checksum(header[:8] + page, big, s0, s1)
            if ours and (n0, n1) == (f1, f2):
                s0, s1 = n0, n1
                continue
            if not ours:
                return None  # the end of this generation: older frames follow
            first_bad = index
        elif ours and commit_size:
            return (
                f"WAL frame {first_bad} of {frames} is damaged; committed transactions "
                f"after it (up to frame {index}) would be lost"
            )
    return None

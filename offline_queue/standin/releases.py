"""The province's release shelf as the stand-in serves it: each channel's latest signed release
and every published file by its SHA-256, with byte ranges so a kiosk resumes a cut download.
The folder is what `scripts/build-release --publish` writes; the stand-in checks no signature
(the kiosk does)."""

from __future__ import annotations

import re
from pathlib import Path

from offline_queue.standin.province import ApiReply, problem

_RANGE = re.compile(r"^bytes=(\d{1,15})-$")


class ReleaseShelf:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def latest(self, channel: str) -> bytes | None:
        path = self.folder / "channels" / f"{channel}.json"
        return path.read_bytes() if path.is_file() else None

    def config_bundle(self, kiosk_id: str) -> bytes | None:
        """The bundle made for this kiosk, else the one for every kiosk of the province."""
        for name in (kiosk_id, "all"):
            path = self.folder / "config" / f"{name}.json"
            if path.is_file():
                return path.read_bytes()
        return None

    def file_reply(self, name: str, range_header: str | None) -> ApiReply:
        """200 with the whole file, or 206 from the asked offset (`Range: bytes=N-`, the only
        form a resuming kiosk sends); 416 when the offset is past the end."""
        path = self.folder / "files" / name
        if not path.is_file():
            return problem(404, "no_such_file", f"no published file {name}")
        size = path.stat().st_size
        octets = "application/octet-stream"
        match = _RANGE.match(range_header or "")
        if not match:
            return ApiReply(200, raw=path.read_bytes(), content_type=octets)
        start = int(match.group(1))
        if start >= size and size:
            reply = problem(416, "range_not_satisfiable", f"the file has {size} bytes")
            return ApiReply(reply.status, reply.payload, {"Content-Range": f"bytes */{size}"})
        with path.open("rb") as fh:
            fh.seek(start)
            data = fh.read()
        headers = {"Content-Range": f"bytes {start}-{size - 1}/{size}"}
        return ApiReply(206, headers=headers, raw=data, content_type=octets)

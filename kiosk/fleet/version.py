"""Which version of the kiosk is running: the release it was installed from (its manifest sits
beside the program), else the installed package's version (a source checkout)."""

from __future__ import annotations

import base64
import json
import sys
from importlib import metadata
from pathlib import Path

from kiosk.fleet.manifest import RELEASE_FILE


def running_version(program: Path | None = None) -> str:
    folder = (program or Path(sys.executable)).resolve().parent
    try:
        document = json.loads((folder / RELEASE_FILE).read_text(encoding="utf-8"))
        # informational only: the signature was checked when the release was installed
        return str(json.loads(base64.b64decode(document["manifest"]))["version"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        return metadata.version("service-centre-kiosk")
    except metadata.PackageNotFoundError:
        return "unknown"

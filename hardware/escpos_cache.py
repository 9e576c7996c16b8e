"""python-escpos' printer-profile cache, written so that two starts at once never read half a file.

python-escpos parses its capabilities file on import and pickles the result into
``ESCPOS_CAPABILITIES_PICKLE_DIR`` (a new temporary folder per process unless that is set). Its own
write truncates the pickle first and fills it only after a parse of about 0.3 s, so a second
process starting meanwhile (two kiosks, two test workers on a fresh machine) finds an empty file
and fails to import with ``EOFError``. We write the same pickle to a temporary name and rename it
into place, before python-escpos looks, whenever it is missing or older than its source.
"""

import importlib.util
import logging
import os
import platform
from pathlib import Path

_log = logging.getLogger(__name__)

PICKLE_DIR_VARIABLE = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def prepare(default_dir: str) -> None:
    """Point python-escpos at ``default_dir`` (unless already set) with a complete pickle in it."""
    os.environ.setdefault(PICKLE_DIR_VARIABLE, default_dir)
    pickle_dir = Path(os.environ[PICKLE_DIR_VARIABLE])
    source = _capabilities_source()
    if source is None:
        return
    # The file name python-escpos looks for (escpos/capabilities.py, python-escpos 3.x).
    target = pickle_dir / f"{platform.python_version()}.capabilities.pickle"
    try:
        if target.exists() and source.stat().st_mtime <= target.stat().st_mtime:
            return
        import pickle  # only on the rare write, off every start

        from platform_layer import replace_file

        replace_file(target, pickle.dumps(_load(source), protocol=2), durable=False)
    except OSError as error:  # a full or read-only disk: python-escpos then parses on its own
        _log.warning("printer profiles not cached in %s: %s", pickle_dir, error)


def _capabilities_source() -> Path | None:
    override = os.environ.get("ESCPOS_CAPABILITIES_FILE")
    if override:
        return Path(override)
    spec = importlib.util.find_spec("escpos")
    if spec is None or not spec.submodule_search_locations:
        return None
    source = Path(next(iter(spec.submodule_search_locations))) / "capabilities.json"
    return source if source.is_file() else None


def _load(source: Path) -> object:
    """What python-escpos' YAML reader gives: its bundled file is JSON, a subset of YAML."""
    if source.suffix == ".json":
        import json  # this and the writer's imports only on the rare write, off every start

        with source.open(encoding="utf-8") as text:
            return json.load(text)
    import yaml  # a python-escpos dependency; only a technician's own YAML file needs it

    with source.open(encoding="utf-8") as text:
        return yaml.safe_load(text)

"""Prints the bytes an update moves to a kiosk, over HTTP from the stand-in province, through
the kiosk's real updater (signature check, hash-by-hash download, side-by-side install):

- a full update (a kiosk with nothing installed yet),
- a one-module update (one Python module of the app recompiled),
- a Qt upgrade (every file under PySide6/ changed),

each against the size of the release. Build the frozen app first (scripts/build-frozen).

    .venv/bin/python bench/fleet_update.py [--tree dist/kiosk]
"""

from __future__ import annotations

import argparse
import os
import py_compile
import shutil
import sys
import tempfile
import time
from pathlib import Path

from devtools.release_builder import (
    build_release,
    load_signing_key,
    new_signing_key,
    public_key_text,
)
from kiosk.fleet.install_root import InstallRoot
from kiosk.fleet.manifest import load_public_key, verify_release
from kiosk.fleet.updater import Updater
from offline_queue.client import ProvincialClient
from offline_queue.standin.embedded import start_standin

REPO = Path(__file__).resolve().parents[1]


def linked_copy(source: Path, target: Path) -> None:
    """A copy that shares every file's data (hard links); changed files are replaced, never
    written in place, so the source is never touched."""
    shutil.copytree(source, target, symlinks=True, copy_function=os.link)


def replace_file(path: Path, data: bytes) -> None:
    path.unlink()
    path.write_bytes(data)


def change_one_module(tree: Path) -> Path:
    """Recompile one module of the app from its source with a line added: a real .pyc."""
    compiled = tree / "_internal" / "kiosk" / "fleet" / "quiet.pyc"
    if not compiled.exists():
        sys.exit(f"{compiled} not found: was the app frozen with noarchive=True (kiosk.spec)?")
    source = Path(tempfile.mkdtemp()) / "quiet.py"
    source.write_text((REPO / "kiosk" / "fleet" / "quiet.py").read_text() + "\n# changed\n")
    fresh = Path(py_compile.compile(str(source), cfile=str(source.with_suffix(".pyc"))))
    replace_file(compiled, fresh.read_bytes())
    return compiled


def change_qt(tree: Path) -> int:
    changed = 0
    for path in (tree / "_internal" / "PySide6").rglob("*"):
        if path.is_file() and not path.is_symlink():
            replace_file(path, path.read_bytes() + b"\0")
            changed += path.stat().st_size
    return changed


def size_of(tree: Path) -> int:
    return sum(p.stat().st_size for p in tree.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", type=Path, default=REPO / "dist" / "kiosk")
    args = parser.parse_args()
    if not (args.tree / "kiosk").exists():
        sys.exit(f"{args.tree} has no frozen app: run scripts/build-frozen first")
    work = Path(tempfile.mkdtemp(prefix="fleet-bench-"))
    try:
        key_file = work / "release.pem"
        new_signing_key(key_file)
        key = load_signing_key(key_file)
        public = load_public_key(public_key_text(key))
        shelf = work / "shelf"
        standin = start_standin(work / "standin.sqlite", releases_dir=shelf)
        client = ProvincialClient(standin.client_settings(total_timeout=3600))
        root = InstallRoot(work / "kiosk-app")
        updater = Updater(root, client, public, "stable", lambda step: None)

        def update(tree: Path, version: str) -> tuple[int, int, float, int]:
            manifest = build_release(tree, version, "stable", key, shelf, "kiosk")
            document = client.latest_release("stable")
            assert document is not None
            before = client.release_bytes_received
            started = time.perf_counter()
            staged = updater.install(verify_release(document, public), document)
            seconds = time.perf_counter() - started
            updater.switch(version)
            moved = client.release_bytes_received - before + len(document)
            return moved, manifest.total_bytes, seconds, staged.bytes_reused

        v1 = work / "tree-1"
        linked_copy(args.tree, v1)
        full = update(v1, "1.0.0")
        v2 = work / "tree-2"
        linked_copy(v1, v2)
        module = change_one_module(v2)
        one = update(v2, "1.0.1")
        v3 = work / "tree-3"
        linked_copy(v2, v3)
        qt_bytes = change_qt(v3)
        qt = update(v3, "1.1.0")
        client.close()
        standin.stop()

        files = sum(1 for p in v1.rglob("*") if p.is_file())
        print(f"release: {size_of(v1) / 1e6:.1f} MB in {files} files ({args.tree})")
        print("update              moved        share of release  time    reused locally")
        for name, (moved, total, seconds, reused) in (
            ("full (first)", full),
            ("one module", one),
            ("PySide6 upgrade", qt),
        ):
            print(
                f"{name:<18}  {moved / 1e6:9.3f} MB  {100 * moved / total:9.3f} %      "
                f"{seconds:5.1f} s  {reused / 1e6:8.1f} MB"
            )
        print(f"one module: {module.relative_to(v2)} ({module.stat().st_size} bytes) + manifest")
        print(f"PySide6 upgrade: Qt's files are {qt_bytes / 1e6:.1f} MB of the release")
        print(f"machine load (1 min): {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

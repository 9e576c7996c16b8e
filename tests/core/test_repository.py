"""What must never be committed. A tracked `.venv` (a worktree's link to the shared virtual
environment) replaces the real environment of every checkout it is merged into: twice so far."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kiosk.paths import resource_dir


def test_no_virtual_environment_is_tracked() -> None:
    root = resource_dir()
    if shutil.which("git") is None or not (root / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(
        ["git", "ls-files", "--", ".venv", "*/.venv"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert tracked == [], "remove it: git rm --cached .venv"

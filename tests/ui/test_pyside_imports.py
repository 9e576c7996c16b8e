"""Once Qt is loaded, a module imported no longer has its source read by PySide6's feature
hook (~60 ms CPU before the home screen from source, more frozen)."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest

from ui.pyside_imports import skip_source_scan


def test_a_module_imported_after_qt_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import PySide6.QtCore  # noqa: F401  (installs PySide6's import hook)

    assert skip_source_scan()
    (tmp_path / "imported_after_qt.py").write_text('USES = "PySide6"\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    read: list[object] = []
    monkeypatch.setattr(inspect, "getsource", lambda obj: read.append(obj) or "")
    try:
        exec("import imported_after_qt", {})  # through builtins.__import__, as code imports
    finally:
        sys.modules.pop("imported_after_qt", None)
    assert read == []

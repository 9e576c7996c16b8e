"""Spares every import the source scan PySide6 does once Qt is loaded.

PySide6 replaces `import` to support its opt-in `from __feature__ import snake_case,
true_property`; after each module is imported it reads the module's whole source
(`inspect.getsource`) to decide whether that module may switch features: "PySide6" in the
source means "no feature yet" (0), anything else "ignore this module" (-1). From source that is
~290 modules read before the home screen (~60 ms CPU); the frozen app's run-time hook loads Qt
before the kiosk's first import, so there it searches for the missing source of all ~430.

The kiosk selects no feature, so both answers leave every Qt name as it is; a module that does
import `__feature__` is set explicitly by that import whatever was answered here. Every module
is answered as one without source is (as the frozen app answered already): ignored.
"""

from __future__ import annotations

import sys
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"


def _no_feature(_module: ModuleType) -> bool:
    return False


def skip_source_scan() -> bool:
    """Answers PySide6's per-import question without reading the module's source; a no-op (False)
    until Qt is loaded, or if a PySide6 release no longer asks."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        return False
    feature._mod_uses_pyside = _no_feature
    return True

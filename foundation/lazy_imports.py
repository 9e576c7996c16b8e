"""The kiosk's one lazy-import convention, below every room so each may use it: importing a
package for its settings model or a journey's tile must not import its drivers (OpenCV,
pyscard, cryptography, the HTTP client) on the start-up path.

- a package's names that load on first use (PEP 562): `__getattr__ = lazy_exports(__name__,
  {"Name": "package.module"})`;
- a class named by a string until it is needed: `load_named("package.module:Name")`.

The frozen build lists such modules itself (kiosk.spec), since analysis cannot see them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` that imports `exports[name]` (a module path) when asked."""

    def load(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    return load


def load_named(path: str) -> object:
    """The object `"package.module:Name"` names, importing its module now."""
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)

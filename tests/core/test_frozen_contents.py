"""The frozen app carries no development tool or test double. Building it takes minutes, so this
reads `kiosk.spec` itself — its entry script, hidden imports and excludes, with the spec's own
code run against a stand-in for PyInstaller's hooks — and follows every import of our own code
from there the way PyInstaller's analysis does (imports inside functions included, excluded
names cut off). The result is the list of our modules the frozen app contains; none may be a
tool (`devtools`, `tests`, `bench`) or a test double. When written, the walk found exactly the
modules of ours that PyInstaller's own module graph found for the same spec (199 with the
entry script), in under a second instead of a minute."""

from __future__ import annotations

import ast
import pkgutil
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from kiosk.paths import resource_dir

ROOT = resource_dir()
SPEC = ROOT / "kiosk.spec"
OURS = (
    "ui",
    "kiosk",
    "hardware",
    "offline_queue",
    "platform_layer",
    "foundation",
    "devtools",
    "tests",
    "bench",
)
TOOLS = ("devtools", "tests", "bench")
# Test doubles that still live beside the product; once moved to devtools the rule above covers
# them. (The simulators and the embedded stand-in are the demo configuration's devices: product.)
TEST_DOUBLES = {"hardware.printer.emulator"}


def _module_path(name: str) -> Path | None:
    base = ROOT.joinpath(*name.split("."))
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    return None


def _collect_submodules(package: str) -> list[str]:
    """What PyInstaller's `collect_submodules` finds, for our own packages (all the spec asks
    for); anything else fails loudly so this test is updated with the spec."""
    if package.split(".")[0] not in OURS:
        raise AssertionError(f"kiosk.spec collects {package}: teach this test about it")
    path = _module_path(package)
    assert path is not None and path.name == "__init__.py", package
    found = [package]
    for info in pkgutil.walk_packages([str(path.parent)], prefix=f"{package}."):
        found.append(info.name)
    return found


def spec_analysis() -> dict[str, Any]:
    """Runs kiosk.spec with PyInstaller's build steps replaced by recorders."""
    recorded: dict[str, Any] = {}

    def analysis(scripts: list[str], **options: Any) -> types.SimpleNamespace:
        recorded.update(options, scripts=scripts)
        return types.SimpleNamespace(binaries=[], datas=[], pure=[], scripts=[])

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = _collect_submodules  # type: ignore[attr-defined]
    hooks.collect_data_files = lambda *args, **kwargs: []  # type: ignore[attr-defined]
    saved = {name: sys.modules.get(name) for name in ("PyInstaller.utils.hooks",)}
    sys.modules["PyInstaller.utils.hooks"] = hooks
    try:
        namespace = {
            "SPECPATH": str(ROOT),
            "Analysis": analysis,
            "PYZ": lambda *args, **kwargs: None,
            "EXE": lambda *args, **kwargs: None,
            "COLLECT": lambda *args, **kwargs: None,
            "__file__": str(SPEC),
        }
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    return recorded


def _imports(path: Path, module: str) -> set[str]:
    """Every module an import statement anywhere in the file may load (PyInstaller's view)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            names.add(target)
            names |= {f"{target}.{alias.name}" for alias in node.names}  # submodules
    return names


def frozen_modules() -> set[str]:
    """Our modules the frozen app contains."""
    analysis = spec_analysis()
    excluded = tuple(analysis.get("excludes", ()))

    def is_excluded(name: str) -> bool:
        return any(name == e or name.startswith(f"{e}.") for e in excluded)

    pending = [
        str(Path(script).relative_to(ROOT).with_suffix("")).replace("/", ".")
        for script in analysis["scripts"]
    ]
    pending += list(analysis.get("hiddenimports", ()))
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen or name.split(".")[0] not in OURS or is_excluded(name):
            continue
        path = _module_path(name)
        if path is None:
            continue  # a name imported from a module, not a module of its own
        seen.add(name)
        parts = name.split(".")
        pending += [".".join(parts[:i]) for i in range(1, len(parts))]  # parent packages
        pending += sorted(_imports(path, name))
    return seen


@pytest.fixture(scope="module")
def modules() -> set[str]:
    return frozen_modules()


def test_the_analysis_finds_the_product(modules: set[str]) -> None:
    """Guards the check itself: an empty or partial walk would pass the next test wrongly."""
    for expected in (
        "ui.main",
        "ui.app",
        "kiosk.app",
        "kiosk.province.door",
        "ui.viewmodels.hand_in",  # named as a string, bundled through the spec's hidden imports
        "offline_queue.uploader",
        "hardware.printer.escpos_driver",
        "foundation.errors",
    ):
        assert expected in modules, f"{expected} missing: the walk of kiosk.spec is broken"


def test_the_frozen_app_contains_no_tool_or_test_double(modules: set[str]) -> None:
    tools = sorted(m for m in modules if m.split(".")[0] in TOOLS or m in TEST_DOUBLES)
    assert tools == [], f"the frozen app would contain: {tools}"


def test_the_tools_are_not_installed_either() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    include = next(line for line in pyproject.splitlines() if line.startswith("include = "))
    assert not any(tool in include for tool in TOOLS), include

"""Writes the type description (`.qmltypes`) of the `KioskApp` QML module from the Python
classes behind its singletons, so `qmllint` can check every name a screen uses.

Read from each class's live meta-object (properties, signals, slots), not from its source. A
property holding another of our objects names its class in the getter's return annotation
(`def _ticket(self) -> TicketView`); that class is described too.
"""

from __future__ import annotations

import inspect
import typing
from pathlib import Path

from PySide6.QtCore import QMetaMethod, QObject

from foundation.lazy_imports import load_named
from ui import qml_types
from ui.journeys import JOURNEYS

# The singletons that are not journeys, by QML name (see KioskUi._register_singletons).
_FIXED = {
    qml_types.SHELL: "ui.shell:Shell",
    qml_types.I18N: "ui.i18n_bridge:I18nBridge",
    qml_types.THEME: "ui.theme:Theme",
    qml_types.HOME: "ui.viewmodels.home:HomeViewModel",
    qml_types.KEYBOARD: "ui.viewmodels.keyboard:KeyboardController",
    qml_types.TECHNICIAN: "ui.viewmodels.technician:TechnicianViewModel",
    qml_types.SPEECH: "ui.speech_bridge:SpeechBridge",
    qml_types.ASSISTANCE: "ui.assistance:AssistanceBridge",
    qml_types.SCAN_PAINTERS: "ui.viewmodels.scan_preview:ScanPainters",
}


def _load(path: str) -> type[QObject]:
    cls = load_named(path)
    assert isinstance(cls, type) and issubclass(cls, QObject), path
    return cls


def singletons() -> dict[str, type[QObject]]:
    named = {**_FIXED, **{entry.qml_name: entry.view_model for entry in JOURNEYS}}
    return {qml_name: _load(path) for qml_name, path in named.items()}


def _object_type(cls: type[QObject], name: str) -> type[QObject] | None:
    """The class a QObject-valued property holds, from its getter's return annotation."""
    prop = inspect.getattr_static(cls, name, None)
    getter = getattr(prop, "fget", None)
    if getter is None:
        return None
    try:
        hint = typing.get_type_hints(getter).get("return")
    except (NameError, TypeError):
        return None
    return hint if isinstance(hint, type) and issubclass(hint, QObject) else None


def _component(
    cls: type[QObject], export: str | None, pending: list[type[QObject]], *, singleton: bool = True
) -> str:
    meta = cls.staticMetaObject
    base = cls.__mro__[1]
    if base is not QObject and issubclass(base, QObject) and base.__module__.startswith("ui."):
        pending.append(base)
    lines = [
        "    Component {",
        f'        name: "{meta.className()}"',
        '        accessSemantics: "reference"',
        f'        prototype: "{meta.superClass().className()}"',
    ]
    if export and singleton:
        lines += [f'        exports: ["{export} 1.0"]', "        isCreatable: false"]
        lines += ["        isSingleton: true", "        exportMetaObjectRevisions: [256]"]
    elif export:
        lines += [f'        exports: ["{export} 1.0"]', "        exportMetaObjectRevisions: [256]"]
    for index in range(meta.propertyOffset(), meta.propertyCount()):
        prop = meta.property(index)
        type_name = prop.typeName()
        pointer = type_name.endswith("*")
        if pointer:
            held = _object_type(cls, prop.name())
            if held is not None:
                pending.append(held)
                type_name = held.staticMetaObject.className()
            type_name = type_name.rstrip("*")
        fields = [f'name: "{prop.name()}"', f'type: "{type_name}"']
        if pointer:
            fields.append("isPointer: true")
        if not prop.isWritable():
            fields.append("isReadonly: true")
        if prop.isConstant():
            fields.append("isConstant: true")
        if prop.hasNotifySignal():
            fields.append(f'notify: "{bytes(prop.notifySignal().name()).decode()}"')
        fields.append(f"index: {index - meta.propertyOffset()}")
        lines.append(f"        Property {{ {'; '.join(fields)} }}")
    for index in range(meta.methodOffset(), meta.methodCount()):
        method = meta.method(index)
        signal = method.methodType() == QMetaMethod.MethodType.Signal
        head = (
            f'        {"Signal" if signal else "Method"} {{ name: "{bytes(method.name()).decode()}"'
        )
        returns = method.typeName()
        if not signal and returns not in ("", "void"):
            head += f'; type: "{returns.rstrip("*")}"'
        params = [
            f'            Parameter {{ name: "{bytes(n).decode() or f"arg{i}"}"; '
            f'type: "{bytes(t).decode().rstrip("*")}" }}'
            for i, (n, t) in enumerate(
                zip(method.parameterNames(), method.parameterTypes(), strict=True)
            )
        ]
        lines += [head, *params, "        }"] if params else [head + " }"]
    lines.append("    }")
    return "\n".join(lines)


def _write(folder: Path, module: str, parts: list[str]) -> None:
    where = folder / module
    where.mkdir(parents=True, exist_ok=True)
    name = f"{module.lower()}.qmltypes"
    (where / name).write_text(
        "import QtQuick.tooling 1.2\nModule {\n" + "\n".join(parts) + "\n}\n", encoding="utf-8"
    )
    (where / "qmldir").write_text(
        f"module {module}\ntypeinfo {name}\ndepends QtQuick\n", encoding="utf-8"
    )


def write_modules(folder: Path) -> None:
    """`folder/KioskApp/` with its `qmldir` and `.qmltypes`; give `folder` to qmllint with
    `-I`."""
    pending: list[type[QObject]] = []
    app = singletons()
    parts = [
        _component(cls, f"{qml_types.QML_MODULE}/{name}", pending) for name, cls in app.items()
    ]
    done: set[type[QObject]] = set(app.values())
    while pending:
        cls = pending.pop()
        if cls not in done:
            done.add(cls)
            parts.append(_component(cls, None, pending))
    _write(folder, qml_types.QML_MODULE, parts)

"""The one QML module Python gives the screens, `import KioskApp`: the shell, translations,
theme, keyboard and every view-model as singletons (not context properties), so that
`qmllint` can check each name a screen uses against the Python class behind it
(`tests/ui/test_qml_lint.py` writes their type description from the classes).

Every singleton is registered before the QML engine exists: Qt resolves types wrongly in an
engine that saw its module change. A journey's view-model is built after the first frame, so
each singleton is a provider called when a screen first uses it. Registering again (a new
window, as tests do) replaces the providers for engines created after it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlEngine, qmlRegisterSingletonType

log = logging.getLogger(__name__)

QML_MODULE = "KioskApp"
QML_VERSION = (1, 0)

# The QML names of the singletons that are not journeys; a journey's is its entry's `qml_name`.
SHELL = "Shell"
I18N = "I18n"
THEME = "Theme"
HOME = "HomePage"
KEYBOARD = "KeyboardController"
TECHNICIAN = "Technician"
SPEECH = "Speech"
ASSISTANCE = "Assistance"
SCAN_PAINTERS = "ScanPainters"


def register_singletons(providers: Mapping[str, Callable[[], QObject]]) -> None:
    """Give QML each provider's object as `KioskApp.<name>`; call before creating the engine."""
    major, minor = QML_VERSION
    for name, provide in providers.items():
        qmlRegisterSingletonType(QObject, QML_MODULE, major, minor, name, _owned_by_python(provide))


def _owned_by_python(provide: Callable[[], QObject]) -> Callable[[QQmlEngine], QObject]:
    def create(_engine: QQmlEngine) -> QObject:
        instance = provide()
        # the window, not the engine, owns its view-models: they outlive a screen's engine
        QQmlEngine.setObjectOwnership(instance, QQmlEngine.ObjectOwnership.CppOwnership)
        return instance

    return create

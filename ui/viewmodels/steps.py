"""Step view-models (identity, scan) are shared: one instance per kiosk window, used both by
the screens (as `identity` and `scan` in QML) and by every journey that runs them as a step.

`step_view_model(Class, context, shell, i18n)` returns the window's instance of that class,
creating it on first use; ui/journeys.py registers the same instances for QML. They live on the
shell, so they go when the window's shell goes.
"""

from __future__ import annotations

from typing import TypeVar

from kiosk.app import KioskContext
from ui.i18n_bridge import I18nBridge
from ui.shell import Shell
from ui.viewmodels.base import JourneyViewModel

V = TypeVar("V", bound=JourneyViewModel)
_ATTRIBUTE = "_step_view_models"


def step_view_model(cls: type[V], context: KioskContext, shell: Shell, i18n: I18nBridge) -> V:
    steps: dict[type, JourneyViewModel] = shell.__dict__.setdefault(_ATTRIBUTE, {})
    if cls not in steps:
        steps[cls] = cls(context, shell, i18n)
    return steps[cls]  # type: ignore[return-value]

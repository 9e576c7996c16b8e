"""One kiosk per data folder: the first thing a start does is take the folder's lock, so a
second start (a double-click, an autostart racing a technician) leaves before it opens a
database, a device or a window. Two kiosks on one folder would each sweep away files of the
other's dossiers. The kernel drops the lock when the process ends, even by kill -9.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from kiosk.i18n import translate
from platform_layer import AlreadyLocked, exclusive_lock

LOCK_NAME = "kiosk.lock"


def hold_single_instance(data: Path) -> ExitStack | None:
    """The held lock (close it at exit), or None when another kiosk holds it."""
    held = ExitStack()
    try:
        held.enter_context(exclusive_lock(data / LOCK_NAME))
    except AlreadyLocked:
        return None
    return held


def already_running_message(data: Path) -> str:
    """Both languages: whoever reads a terminal or a service log may read either."""
    return "\n".join(
        translate("common.already_running", lang, folder=str(data)) for lang in ("vi", "en")
    )

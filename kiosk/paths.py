"""Where the kiosk finds its bundled resources and keeps its data, logs and site configuration.

Resources (config/, fonts) sit next to the source tree, or inside the frozen bundle. Data and logs
go to the platform's per-user folders unless `KIOSK_HOME` points elsewhere (tests, one-off runs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "service-centre-kiosk"


def resource_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def config_dir() -> Path:
    return resource_dir() / "config"


def font_path(weight: str = "Regular") -> Path:
    return config_dir() / "fonts" / f"NotoSans-{weight}.ttf"


def _home() -> Path | None:
    home = os.environ.get("KIOSK_HOME")
    return Path(home) if home else None


def data_dir() -> Path:
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    home = _home()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def site_config_dir() -> Path:
    """Holds `site.toml` (per kiosk, written at installation) and `override.toml` (technician)."""
    home = _home()
    path = home / "etc" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """What the kiosk can rebuild from its resources (parsed files); like Qt's QML cache, per
    user whatever `KIOSK_HOME` says, so one-off runs and tests start warm too."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def override_path() -> Path:
    """The technician's changes: the last configuration layer, written by the kiosk itself."""
    return site_config_dir() / "override.toml"

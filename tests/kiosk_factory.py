"""How every test builds a kiosk: `make_kiosk(tmp_path, **overrides)`, the product's own
composition root (`kiosk.app.build_kiosk`) on a temporary data folder, with any device or
service replaced by its field name (`card_reader=`, `camera=None`, `printer=`, `clock=`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.app import Kiosk, build_kiosk
from kiosk.clock import Clock, system_clock
from kiosk.config import KioskConfig, load_config


def kiosk_config(tmp_path: Path, printed: str = "printed", **sections: Any) -> KioskConfig:
    """The shipped configuration, with the simulated printer writing into tmp_path/`printed`
    and a window instead of the full screen; `sections` replace whole sections."""
    config = load_config()
    return config.model_copy(
        update={
            "printer": config.printer.model_copy(
                update={"driver": "simulator", "simulator_output": str(tmp_path / printed)}
            ),
            "ui": config.ui.model_copy(update={"fullscreen": False}),
            # real speech through a real player, to ALSA's null device (no sound card on CI)
            "speech": config.speech.model_copy(update={"players": ["aplay -q -D null"]}),
            **sections,
        }
    )


def make_kiosk(
    tmp_path: Path,
    config: KioskConfig | None = None,
    clock: Clock = system_clock,
    **overrides: Any,
) -> Kiosk:
    return build_kiosk(config or kiosk_config(tmp_path), tmp_path / "data", clock, **overrides)

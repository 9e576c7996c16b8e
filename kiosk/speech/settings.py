"""The technician's speech settings: which voice, how fast, how loud, on from the start or not;
changed a step at a time on the technician screen and saved to the override file."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RATE_STEP = 10  # words per minute
VOLUME_STEP = 10  # percent
# What the technician screen changes, one press at a time.
Change = Literal["slower", "faster", "softer", "louder", "on_by_default", "numbers", "sounds"]
# What the technician screen sets (the engine, players and cache size stay in the files).
ON_SCREEN = {
    "voice_vi",
    "voice_en",
    "rate_wpm",
    "volume_percent",
    "on_by_default",
    "numbers",
    "sounds",
}


class SpeechSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    engine: Literal["espeak-ng"] = "espeak-ng"
    # espeak-ng voice names; vi-vn-x-central and vi-vn-x-south are the other Vietnamese accents.
    voice_vi: str = Field("vi", pattern=r"^[a-zA-Z0-9_+-]{1,40}$")
    voice_en: str = Field("en", pattern=r"^[a-zA-Z0-9_+-]{1,40}$")
    # Words per minute; espeak-ng's own default (175) is too fast for elderly listeners.
    rate_wpm: int = Field(130, ge=80, le=260)
    volume_percent: int = Field(80, ge=10, le=100)
    on_by_default: bool = False
    numbers: Literal["whole", "digits"] = "whole"
    sounds: bool = True  # short sounds on capture, error and printing
    # A player program given the WAV file as last argument; the first one installed is used.
    players: list[str] = ["pw-play", "paplay", "aplay -q"]
    cache_megabytes: int = Field(64, ge=1, le=2048)

    def changed(self, change: Change) -> SpeechSettings:
        """One press on the technician screen; rate and volume stop at their bounds."""
        rate, volume = self.rate_wpm, self.volume_percent
        update: dict[str, object] = {
            "slower": {"rate_wpm": max(80, rate - RATE_STEP)},
            "faster": {"rate_wpm": min(260, rate + RATE_STEP)},
            "softer": {"volume_percent": max(10, volume - VOLUME_STEP)},
            "louder": {"volume_percent": min(100, volume + VOLUME_STEP)},
            "on_by_default": {"on_by_default": not self.on_by_default},
            "numbers": {"numbers": "digits" if self.numbers == "whole" else "whole"},
            "sounds": {"sounds": not self.sounds},
        }[change]
        return self.model_validate({**self.model_dump(), **update})

    def with_voice(self, language: Literal["vi", "en"], voice: str) -> SpeechSettings:
        return self.model_validate({**self.model_dump(), f"voice_{language}": voice})

    def save(self, path: Path | None = None) -> Path:
        """Writes what the technician screen sets to `[speech]` of the override file."""
        from kiosk.override_file import write_section  # tomlkit: not before the first frame

        return write_section("speech", self.model_dump(include=ON_SCREEN), path)

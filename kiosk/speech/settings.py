"""The technician's speech settings: which voice, how fast, how loud, on from the start or not."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


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

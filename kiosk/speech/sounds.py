"""Short sounds that confirm an action without words: a capture, an error, a ticket printing."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path
from typing import Literal

SoundKind = Literal["capture", "error", "printing"]

RATE = 22_050
# (frequency Hz, milliseconds) per tone: a bright click, a falling pair, a rising pair.
_TONES: dict[SoundKind, list[tuple[float, int]]] = {
    "capture": [(1320.0, 70)],
    "error": [(440.0, 140), (330.0, 200)],
    "printing": [(660.0, 90), (880.0, 120)],
}


def _samples(frequency: float, milliseconds: int, volume: float) -> bytes:
    count = RATE * milliseconds // 1000
    fade = max(1, count // 10)  # soft edges: no click at start and end
    frames = bytearray()
    for i in range(count):
        envelope = min(1.0, i / fade, (count - i) / fade)
        value = volume * envelope * math.sin(2 * math.pi * frequency * i / RATE)
        frames += struct.pack("<h", round(value * 32767))
    return bytes(frames)


def sound_file(folder: Path, kind: SoundKind, volume_percent: int) -> Path:
    """The sound as a WAV file in `folder`, written once per kind and volume."""
    path = folder / f"sound-{kind}-{volume_percent}.wav"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with wave.open(str(temporary), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        for frequency, milliseconds in _TONES[kind]:
            out.writeframes(_samples(frequency, milliseconds, 0.6 * volume_percent / 100))
    temporary.replace(path)
    return path

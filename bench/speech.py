"""Prints screen change → first audio sample for the kiosk's voice, cached and uncached.

    .venv/bin/python bench/speech.py [--rounds R]

"First audio sample" is when the player process is started with a complete WAV (espeak-ng as its
own program, `aplay` on ALSA's null device here: no sound card), measured from the `say` call a
screen change makes. Texts are the real screen texts of the translation catalogues.
Targets: cached p95 ≤ 300 ms, uncached p95 ≤ 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from kiosk.i18n import load_catalogue
from kiosk.paths import config_dir
from kiosk.speech.cache import PromptCache
from kiosk.speech.engine import EspeakNg
from kiosk.speech.player import WavPlayer
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.speaker import Speaker, Utterance


def screen_texts(limit: int) -> list[tuple[str, str]]:
    catalogue = load_catalogue(config_dir() / "i18n")
    texts = [(entry[lang], lang) for entry in catalogue.values() for lang in ("vi", "en")]
    texts = [(text, lang) for text, lang in texts if 20 <= len(text) <= 200]
    return texts[:limit]


def measure(speaker: Speaker, texts: list[tuple[str, str]]) -> list[float]:
    delays: list[float] = []
    heard = threading.Event()
    last: list[Utterance] = []

    def listener(utterance: Utterance) -> None:
        last.append(utterance)
        heard.set()

    speaker.listeners.append(listener)
    for text, language in texts:
        heard.clear()
        speaker.say(text, language)  # type: ignore[arg-type]
        heard.wait(10)
        delays.append((last[-1].started_at - last[-1].requested_at) * 1000)
        time.sleep(0.02)
    speaker.listeners.remove(listener)
    return delays


def line(name: str, values: list[float], target: float) -> str:
    p95 = statistics.quantiles(values, n=20)[18]
    verdict = "met" if p95 <= target else "MISSED"
    return (
        f"{name:<10} n={len(values):<4} p50 {statistics.median(values):6.1f} ms   "
        f"p95 {p95:6.1f} ms   worst {max(values):6.1f} ms   target p95 ≤ {target:.0f} ms: {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    texts = screen_texts(args.rounds)
    settings = SpeechSettings(on_by_default=True, players=["aplay -q -D null"])
    with tempfile.TemporaryDirectory() as folder:
        cache = PromptCache(Path(folder), EspeakNg(), 256 * 1024 * 1024)
        speaker = Speaker(settings, cache, WavPlayer(settings.players))
        uncached = measure(speaker, texts)
        cached = measure(speaker, texts)
        speaker.close()
    print(f"speech: espeak-ng {settings.rate_wpm} wpm, player aplay (null device)")
    print(f"load average {os.getloadavg()[0]:.2f}, {len(texts)} screen texts (vi and en)")
    print(line("uncached", uncached, 1000))
    print(line("cached", cached, 300))


if __name__ == "__main__":
    main()

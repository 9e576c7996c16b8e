"""The kiosk's voice: one utterance at a time, rendered and played off the Qt thread.

A new screen cuts off the old speech (`say` replaces whatever is queued or playing). Speech is on
for a citizen's session once they ask for it (or from the start where the centre sets it), and
the volume they chose is forgotten when the session ends.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.speech.cache import PromptCache
from kiosk.speech.engine import EspeakNg, Language, SpeechUnavailable, Voice
from kiosk.speech.player import WavPlayer
from kiosk.speech.readings import expand_for_speech
from kiosk.speech.settings import VOLUME_STEP, SpeechSettings
from kiosk.speech.sounds import SoundKind, sound_file

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Utterance:
    """What was sent to the player: the words as spoken and when playback started."""

    text: str
    language: Language
    wav: Path
    requested_at: float  # time.monotonic() when `say` was called
    started_at: float  # time.monotonic() when the player process was started


class Speaker:
    def __init__(self, settings: SpeechSettings, cache: PromptCache, player: WavPlayer) -> None:
        self.defaults = settings
        self.settings = settings
        self.cache = cache
        self.player = player
        self.enabled = settings.on_by_default
        self.listeners: list[Callable[[Utterance], None]] = []
        self.sound_listeners: list[Callable[[SoundKind], None]] = []
        self._requests: queue.Queue[tuple[int, str, Language, float] | None] = queue.Queue()
        self._generation = 0
        self._lock = threading.Lock()
        self._worker = threading.Thread(target=self._run, name="speech", daemon=True)
        self._worker.start()
        self._warned = False

    # --- the citizen's session -------------------------------------------------------------
    def start_session(self) -> None:
        self.stop()
        self.settings = self.defaults
        self.enabled = self.defaults.on_by_default

    def end_session(self) -> None:
        self.start_session()

    def apply(self, settings: SpeechSettings) -> None:
        """The technician's new settings, from now on and for every session after."""
        self.defaults = settings
        self.settings = settings

    def voices(self, language: Language) -> list[Voice]:
        """The engine's voices for `language` (runs the engine: call off the Qt thread)."""
        return self.cache.engine.voices(language)

    def turn_on(self) -> None:
        self.enabled = True

    def louder(self) -> int:
        return self._set_volume(self.settings.volume_percent + VOLUME_STEP)

    def softer(self) -> int:
        return self._set_volume(self.settings.volume_percent - VOLUME_STEP)

    def _set_volume(self, percent: int) -> int:
        percent = max(10, min(100, percent))
        self.settings = self.settings.model_copy(update={"volume_percent": percent})
        return percent

    # --- speaking ---------------------------------------------------------------------------
    def say(self, text: str, language: Language, *, force: bool = False) -> None:
        """Speak `text` (screen text; numbers, dates and money are read as words), cutting off
        what was being said. Silent while speech is off, unless `force` (the speaker button)."""
        if not (self.enabled or force) or not text.strip():
            return
        spoken = expand_for_speech(text, language, self.settings.numbers)
        with self._lock:
            self._generation += 1
            generation = self._generation
        self.player.stop()
        self._requests.put((generation, spoken, language, time.monotonic()))

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
        self.player.stop()

    def sound(self, kind: SoundKind) -> None:
        """A short sound (whether speech is on or not), where the centre has sounds on."""
        if not self.settings.sounds or not self.player.usable:
            return
        self.player.play(sound_file(self.cache.folder, kind, self.settings.volume_percent))
        for listener in list(self.sound_listeners):
            listener(kind)

    def close(self) -> None:
        self.stop()
        self._requests.put(None)
        self._worker.join(timeout=5)

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    def _run(self) -> None:
        while (request := self._requests.get()) is not None:
            generation, text, language, requested_at = request
            if not self._current(generation):
                continue  # a newer screen already replaced it
            try:
                wav = self.cache.wav(text, language, self.settings)
            except SpeechUnavailable as error:
                if not self._warned:
                    log.warning("speech unavailable: %s", error.message_key)
                    self._warned = True
                continue
            with self._lock:  # a `say` in between must not be played over by this older one
                if generation != self._generation:
                    continue
                self.player.play(wav)
            utterance = Utterance(text, language, wav, requested_at, time.monotonic())
            for listener in list(self.listeners):
                listener(utterance)


def build_speaker(settings: SpeechSettings, cache_folder: Path) -> Speaker:
    """The configured engine, its prompt cache and the first installed player."""
    cache = PromptCache(cache_folder, EspeakNg(), settings.cache_megabytes * 1024 * 1024)
    return Speaker(settings, cache, WavPlayer(settings.players))

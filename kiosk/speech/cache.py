"""Rendered prompts kept on disk, so a fixed text (a heading, a button) starts playing at once.

Keyed by engine, voice, rate, volume and text; written atomically (a crash leaves no half file);
trimmed oldest-first when the folder grows past its budget. Nothing personal is ever spoken from
the cache's key list: keys are hashes.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

from kiosk.speech.engine import Language, SpeechEngine
from kiosk.speech.settings import SpeechSettings


class PromptCache:
    def __init__(self, folder: Path, engine: SpeechEngine, budget_bytes: int) -> None:
        self.folder = folder
        self.engine = engine
        self.budget_bytes = budget_bytes
        self._lock = threading.Lock()
        folder.mkdir(parents=True, exist_ok=True)

    def key(self, text: str, language: Language, settings: SpeechSettings) -> str:
        voice = settings.voice_vi if language == "vi" else settings.voice_en
        parts = (self.engine.name, voice, settings.rate_wpm, settings.volume_percent, text)
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]

    def path_for(self, text: str, language: Language, settings: SpeechSettings) -> Path:
        return self.folder / f"{self.key(text, language, settings)}.wav"

    def cached(self, text: str, language: Language, settings: SpeechSettings) -> Path | None:
        path = self.path_for(text, language, settings)
        return path if path.exists() else None

    def wav(self, text: str, language: Language, settings: SpeechSettings) -> Path:
        """The prompt's WAV file, rendered now if it is not cached yet."""
        path = self.path_for(text, language, settings)
        if path.exists():
            path.touch()  # recently used: trimmed last
            return path
        audio = self.engine.render(text, language, settings)
        temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        temporary.write_bytes(audio)
        os.replace(temporary, path)
        self._trim()
        return path

    def _trim(self) -> None:
        with self._lock:
            files = [(p.stat().st_mtime, p.stat().st_size, p) for p in self.folder.glob("*.wav")]
            total = sum(size for _, size, _ in files)
            for _, size, path in sorted(files):
                if total <= self.budget_bytes:
                    break
                path.unlink(missing_ok=True)
                total -= size

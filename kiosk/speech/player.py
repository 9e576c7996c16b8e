"""Plays a WAV file through a player program (PipeWire, PulseAudio or ALSA), one at a time.

A program rather than an in-process audio library: it keeps the frozen app small, and a new
screen stops the old speech by ending one process. The first installed player in the settings'
list is used.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import threading
from pathlib import Path


class WavPlayer:
    def __init__(self, candidates: list[str]) -> None:
        self.command = self._first_installed(candidates)
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    @staticmethod
    def _first_installed(candidates: list[str]) -> list[str] | None:
        for candidate in candidates:
            words = shlex.split(candidate)
            if words and shutil.which(words[0]):
                return words
        return None

    @property
    def usable(self) -> bool:
        return self.command is not None

    def play(self, wav: Path) -> subprocess.Popen[bytes] | None:
        """Starts playing, cutting off whatever was playing; returns the player's process."""
        if self.command is None:
            return None
        with self._lock:
            self._stop_locked()
            self._process = subprocess.Popen(
                [*self.command, str(wav)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            return self._process

    def stop(self) -> None:
        with self._lock:
            self._stop_locked()

    def _stop_locked(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=1.0)

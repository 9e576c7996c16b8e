"""Text → WAV through a speech engine that runs as its own program.

espeak-ng is GPL-3, so it is never linked or frozen into the kiosk: it runs as a separate program
the system installs (`apt install espeak-ng`). Another engine (a neural voice, the Windows vi-VN
voice) plugs in by implementing `SpeechEngine`.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from html import escape  # not xml.sax.saxutils: it imports urllib.request, http and ssl
from typing import Literal, Protocol

from kiosk.errors import UserFacingError
from kiosk.speech.readings import is_vietnamese, sentences
from kiosk.speech.settings import SpeechSettings

Language = Literal["vi", "en"]


class SpeechUnavailable(UserFacingError):
    """No engine could speak: the kiosk goes on silently and the technician is told."""


@dataclass(frozen=True)
class Voice:
    id: str  # what the settings' voice_vi / voice_en name
    name: str  # as the engine describes it, for the technician
    aliases: tuple[str, ...] = ()  # other ids the engine answers with this voice ("en")

    def answers_to(self, voice_id: str) -> bool:
        return voice_id == self.id or voice_id in self.aliases


class SpeechEngine(Protocol):
    name: str

    def render(self, text: str, language: Language, settings: SpeechSettings) -> bytes:
        """The spoken text as a complete WAV file."""
        ...

    def voices(self, language: Language) -> list[Voice]:
        """The voices installed for `language`, for the technician to choose from."""
        ...


class EspeakNg:
    """espeak-ng as a subprocess writing WAV to its standard output."""

    name = "espeak-ng"
    TIMEOUT_S = 10.0

    def __init__(self, program: str = "espeak-ng") -> None:
        self.program = program

    def is_usable(self) -> bool:
        return shutil.which(self.program) is not None

    def voices(self, language: Language) -> list[Voice]:
        """`espeak-ng --voices=vi`: a table of priority, id, age/gender, name and file; voices
        in `mb/` need MBROLA's own (non-free) voice data, which a centre does not have. A
        voice is also selected by its file's name: `-v en` is `gmw/en`, listed as `en-gb`, so
        the settings' default "en" is named as that voice, not left as a bare code."""
        try:
            done = subprocess.run(
                [self.program, f"--voices={language}"],
                capture_output=True,
                timeout=self.TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SpeechUnavailable("speech.engine_missing") from error
        found: dict[str, Voice] = {}
        for line in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
            columns = line.split()
            if len(columns) < 5 or columns[4].startswith("mb/"):
                continue
            if columns[1].split("-")[0] == language and columns[1] not in found:
                file_name = columns[4].rsplit("/", 1)[-1].lower()
                aliases = (file_name,) if file_name != columns[1] else ()
                found[columns[1]] = Voice(columns[1], columns[3].replace("_", " "), aliases)
        return list(found.values())

    def render(self, text: str, language: Language, settings: SpeechSettings) -> bytes:
        voice = settings.voice_vi if language == "vi" else settings.voice_en
        # espeak-ng's amplitude runs 0–200 with 100 as normal; the setting is a percentage of that.
        amplitude = round(settings.volume_percent * 1.0)
        command = [
            self.program,
            "-v",
            voice,
            "-s",
            str(settings.rate_wpm),
            "-a",
            str(amplitude),
            "--stdout",
            # Text on standard input: no command-line injection and no length limit.
        ]
        if language == "en" and is_vietnamese(text):
            command.append("-m")  # SSML: the Vietnamese sentences in the Vietnamese voice
            text = _mixed_ssml(text, settings.voice_vi)
        try:
            done = subprocess.run(
                command,
                input=text.encode("utf-8"),
                capture_output=True,
                timeout=self.TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SpeechUnavailable("speech.engine_missing") from error
        if done.returncode != 0 or not done.stdout.startswith(b"RIFF"):
            raise SpeechUnavailable("speech.engine_failed")
        return done.stdout


def _mixed_ssml(text: str, voice_vi: str) -> str:
    """English text with Vietnamese sentences, each read by its own language's voice."""
    parts = []
    for sentence in sentences(text):
        if is_vietnamese(sentence):
            parts.append(f'<voice name="{voice_vi}">{escape(sentence, quote=False)}</voice>')
        else:
            parts.append(escape(sentence, quote=False))
    return "<speak>" + " ".join(parts) + "</speak>"

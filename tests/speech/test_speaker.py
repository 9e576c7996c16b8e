"""The voice with the real espeak-ng program and a real player process (ALSA's null device here,
since this machine has no sound card): audio that is really speech, cached, cut off by the next
screen, and silent without failing when the engine is missing."""

from __future__ import annotations

import io
import sys
import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from kiosk.speech.cache import PromptCache
from kiosk.speech.engine import EspeakNg, SpeechUnavailable
from kiosk.speech.player import WavPlayer
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.sounds import sound_file
from kiosk.speech.speaker import Speaker, Utterance

NULL_PLAYER = ["aplay -q -D null"]


def audio(wav_bytes: bytes) -> tuple[np.ndarray, int]:
    with wave.open(io.BytesIO(wav_bytes)) as wav:
        frames = wav.readframes(wav.getnframes())
        return np.frombuffer(frames, dtype="<i2").astype(np.float64), wav.getframerate()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mời ông bà chọn thủ tục cần làm", "vi"),
        ("Số của ông bà là A042, mời đến quầy số 3", "vi"),
        ("Please choose the procedure you need", "en"),
    ],
)
def test_espeak_renders_speech_of_a_plausible_length(text: str, language: str) -> None:
    settings = SpeechSettings()
    samples, rate = audio(EspeakNg().render(text, language, settings))  # type: ignore[arg-type]
    seconds = len(samples) / rate
    words = len(text.split())
    # At 130 words a minute a word lasts about 0.46 s; allow pauses and faster syllables.
    assert 0.2 * words < seconds < 1.2 * words
    rms = np.sqrt(np.mean(samples**2))
    assert rms > 300, "speech must not be silent"


def test_slower_rate_speaks_longer() -> None:
    text = "Vui lòng đặt thẻ căn cước lên đầu đọc"
    slow = audio(EspeakNg().render(text, "vi", SpeechSettings(rate_wpm=100)))[0]
    fast = audio(EspeakNg().render(text, "vi", SpeechSettings(rate_wpm=200)))[0]
    assert len(slow) > 1.5 * len(fast)


def test_a_missing_engine_is_reported_not_crashed() -> None:
    engine = EspeakNg(program="/nonexistent/espeak-ng")
    assert not engine.is_usable()
    with pytest.raises(SpeechUnavailable) as raised:
        engine.render("xin chào", "vi", SpeechSettings())
    assert raised.value.message_key == "speech.engine_missing"


def test_the_default_voice_codes_are_named_as_the_voices_they_select() -> None:
    """`-v en` selects espeak-ng's gmw/en, which its table lists as en-gb: the settings'
    default "en" is that voice (the technician screen shows its name), and the voice itself
    is said once; `-v vi` is listed as it is."""
    engine = EspeakNg()
    english = engine.voices("en")
    [default] = [voice for voice in english if voice.answers_to("en")]
    assert default.id == "en-gb" and default.name == "English (Great Britain)"
    assert len({voice.id for voice in english}) == len(english)
    [vietnamese] = [voice for voice in engine.voices("vi") if voice.answers_to("vi")]
    assert vietnamese.id == "vi" and vietnamese.name == "Vietnamese (Northern)"
    # what the code selects is that voice: the same sound as its listed id
    settings = SpeechSettings()
    by_code = engine.render("Hello", "en", settings)
    assert by_code == engine.render("Hello", "en", settings.with_voice("en", "en-gb"))


class CountingEngine(EspeakNg):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def render(self, text: str, language, settings) -> bytes:  # type: ignore[no-untyped-def]
        self.calls += 1
        return super().render(text, language, settings)


def test_prompts_are_rendered_once_and_the_cache_keeps_its_budget(tmp_path: Path) -> None:
    engine = CountingEngine()
    cache = PromptCache(tmp_path, engine, budget_bytes=400_000)
    settings = SpeechSettings()
    first = cache.wav("Lấy số thứ tự", "vi", settings)
    again = cache.wav("Lấy số thứ tự", "vi", settings)
    assert first == again and engine.calls == 1
    assert cache.wav("Lấy số thứ tự", "vi", settings.model_copy(update={"rate_wpm": 150})) != first
    for n in range(12):
        cache.wav(f"Câu thứ {n} để lấp đầy bộ nhớ đệm của giọng đọc", "vi", settings)
    assert sum(p.stat().st_size for p in tmp_path.glob("*.wav")) <= 400_000
    assert not list(tmp_path.glob("*.tmp"))


def spoken_log(speaker: Speaker) -> tuple[list[Utterance], threading.Event]:
    heard: list[Utterance] = []
    event = threading.Event()

    def listener(utterance: Utterance) -> None:
        heard.append(utterance)
        event.set()

    speaker.listeners.append(listener)
    return heard, event


def make_speaker(tmp_path: Path, players: list[str], **settings: object) -> Speaker:
    chosen = SpeechSettings(players=players, **settings)  # type: ignore[arg-type]
    return Speaker(chosen, PromptCache(tmp_path, EspeakNg(), 10_000_000), WavPlayer(chosen.players))


def test_the_speaker_reads_numbers_as_words_and_plays_them(tmp_path: Path) -> None:
    speaker = make_speaker(tmp_path, NULL_PLAYER, on_by_default=True)
    heard, event = spoken_log(speaker)
    speaker.say("Số của ông bà là A042", "vi")
    assert event.wait(10)
    assert heard[0].text == "Số của ông bà là a, bốn mươi hai"
    assert heard[0].wav.read_bytes().startswith(b"RIFF")
    speaker.close()


def test_silent_until_asked_then_on_for_the_session_and_reset_after(tmp_path: Path) -> None:
    speaker = make_speaker(tmp_path, NULL_PLAYER)
    heard, event = spoken_log(speaker)
    speaker.say("Trang chủ", "vi")
    assert not event.wait(1.0) and heard == []
    speaker.say("Nghe hướng dẫn", "vi", force=True)  # the speaker button
    assert event.wait(10)
    speaker.turn_on()
    assert speaker.louder() == 90
    speaker.end_session()
    assert not speaker.enabled and speaker.settings.volume_percent == 80
    speaker.close()


def test_a_new_screen_cuts_off_the_old_speech(tmp_path: Path) -> None:
    # A player that takes its time, as a real sound card does: the old process must be ended.
    slow_player = f"{sys.executable} -c 'import time,sys; time.sleep(30)'"
    speaker = make_speaker(tmp_path, [slow_player], on_by_default=True)
    heard, event = spoken_log(speaker)
    speaker.say("Màn hình thứ nhất, một câu dài để đọc", "vi")
    assert event.wait(10)
    first_process = speaker.player._process
    assert first_process is not None and first_process.poll() is None
    event.clear()
    speaker.say("Màn hình thứ hai", "vi")
    assert event.wait(10)
    assert first_process.wait(timeout=3) is not None  # ended, not left talking
    assert [u.text for u in heard] == ["Màn hình thứ nhất, một câu dài để đọc", "Màn hình thứ hai"]
    speaker.close()
    assert speaker.player._process is None


def test_sounds_are_short_and_audible(tmp_path: Path) -> None:
    for kind in ("capture", "error", "printing"):
        samples, rate = audio(sound_file(tmp_path, kind, 80).read_bytes())  # type: ignore[arg-type]
        assert 0.05 < len(samples) / rate < 0.5
        assert np.abs(samples).max() > 10_000


def test_vietnamese_sentences_on_an_english_screen_are_read_in_vietnamese() -> None:
    from kiosk.speech.readings import expand_for_speech

    text = "Processing time in detail. Trong ngày; hồ sơ nhận sau 15 giờ thì trả kết quả."
    spoken = expand_for_speech(text, "en")
    assert "mười lăm giờ" in spoken and "fifteen" not in spoken
    settings = SpeechSettings()
    mixed = audio(EspeakNg().render(spoken, "en", settings))[0]
    english_voice = audio(
        EspeakNg().render(spoken, "en", settings.model_copy(update={"voice_vi": "en"}))
    )[0]
    # the English voice spells Vietnamese letters it does not know: far longer than the real voice
    assert len(mixed) < 0.85 * len(english_voice)

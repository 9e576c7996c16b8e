"""Every screen of every journey (the screenshot tours), in Vietnamese and English: what the
kiosk says is read from the screen on show, rendered by the real espeak-ng to WAV, non-silent
and of a plausible length for its words; the heading is the screen's own, and the personal
details of the identity screen are left out unless the whole screen is asked for. On each
screen (in Vietnamese) the Down key then walks every control a finger can use, framing and
saying each."""

from __future__ import annotations

import io
import wave
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import pytest

from devtools.screenshots import TOURS
from kiosk.speech.engine import EspeakNg
from kiosk.speech.readings import expand_for_speech
from kiosk.technician.pin import Argon2Cost, PinStore
from tests.speech.keypad_reach import walk_with_the_keypad

ENGLISH_ONLY = {"Choices:", "Back", "Home"}


def seconds_and_loudness(audio: bytes) -> tuple[float, float]:
    with wave.open(io.BytesIO(audio)) as wav:
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(float)
        return len(samples) / wav.getframerate(), float(np.sqrt(np.mean(samples**2)))


# every tour twice (about 100 screens): on a loaded machine it runs past the suite's 120 s guard
@pytest.mark.timeout(300)
def test_every_screen_is_spoken_from_what_it_shows(kiosk_ui, qtbot) -> None:
    ui, engine = kiosk_ui, EspeakNg()
    settings = ui.core.speaker.settings
    # the technician tour's PIN hashed at a test cost (the PIN screen has its own test)
    store = ui.kiosk.services.technician_pin
    PinStore(store.path, cost=Argon2Cost(1, 8 * 1024, 1)).set_pin("482915")
    # espeak-ng renders while the tour goes on (it is its own program); checked at the end
    renders = ThreadPoolExecutor(max_workers=2)
    rendered: list[tuple[str, str, int, Future[bytes]]] = []
    heard: dict[tuple[str, str], str] = {}
    out_of_reach: dict[tuple[str, str], list[str]] = {}
    sounds: list[str] = []
    ui.core.speaker.sound_listeners.append(sounds.append)
    for lang in ("vi", "en"):

        def shot(name: str, lang: str = lang) -> None:
            ui.i18n.setLanguage(lang)
            qtbot.wait(120)
            screen = ui.speech.describe()
            heading = ui.find("screenHeading")
            assert heading is not None and screen.heading == heading.property("text"), name
            summary = screen.summary(ui.i18n.strings["speech.choices"])
            assert summary.startswith(" ".join(screen.heading.split())), name
            spoken = expand_for_speech(summary, lang, settings.numbers)  # type: ignore[arg-type]
            audio = renders.submit(engine.render, spoken, lang, settings)  # type: ignore[arg-type]
            rendered.append((name, lang, len(spoken.split()), audio))
            heard[(lang, name)] = summary
            if lang == "vi":  # the keypad's chain is the same in English (fewer seconds)
                reach = walk_with_the_keypad(ui)
                assert reach.controls > 0, name
                if reach.unreached or reach.unspoken:
                    out_of_reach[(lang, name)] = reach.unreached + reach.unspoken

        def wait(condition: Callable[[], bool]) -> None:
            qtbot.waitUntil(condition, timeout=20_000)

        ui.shell.home()
        shot("home")
        for tour in TOURS:
            tour(ui, shot, wait)
        ui.shell.home()

    renders.shutdown(wait=True)
    for name, lang, words, audio in rendered:
        seconds, loudness = seconds_and_loudness(audio.result())
        assert 0.12 * words < seconds < 1.0 * words + 1.0, (name, lang, seconds, words)
        assert loudness > 300, (name, lang, "silent")
    assert not out_of_reach, out_of_reach
    # the short sounds, played whether speech is on or not
    assert {"capture", "printing", "error"} <= set(sounds), sounds
    names = {name for _, name in heard}
    assert len(names) >= 35, sorted(names)
    for name in names:  # the two languages say different things, each its own
        assert heard[("vi", name)] != heard[("en", name)], name


def test_personal_details_only_when_the_whole_screen_is_asked_for(kiosk_ui, qtbot) -> None:
    ui = kiosk_ui
    shots: list[tuple[str, str, list[str]]] = []

    def shot(name: str) -> None:
        qtbot.wait(120)
        if ui.shell.screen == "IdentityStep" and ui.journeys["identity"].state == "confirm":
            screen = ui.speech.describe()
            values = [item.property("text") for item in _personal_items(ui)]
            shots.append((screen.summary("Choices:"), screen.whole("Choices:"), values))

    from devtools.screenshots import tour_identity

    tour_identity(ui, shot, lambda c: qtbot.waitUntil(c, timeout=20_000))
    assert shots, "the tour shows the confirmation screen"
    for summary, whole, personal in shots:
        assert personal, "the confirmation screen shows the citizen's details"
        for value in personal:
            assert value not in summary
            assert value in whole


def _personal_items(ui) -> list:
    """The identity values the screen draws (by their own names, not by the reader's mark)."""
    pending, found = [ui.window.contentItem()], []
    while pending:
        item = pending.pop()
        if item.objectName().startswith("identityValue_") and item.property("text"):
            found.append(item)
        pending.extend(item.childItems())
    return found

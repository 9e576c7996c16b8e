"""Help without a screen: every guide has its words in both languages, the QR codes read back."""

from __future__ import annotations

import io

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from kiosk.i18n import translate
from kiosk.journeys.help import GUIDES, HelpJourney, HelpState, qr_png


def test_every_guide_has_a_title_and_its_steps_in_both_languages() -> None:
    assert 3 <= len(GUIDES) <= 5
    for guide in GUIDES:
        keys = [f"help.guide.{guide.id}.title"]
        keys += [f"help.guide.{guide.id}.step{n}" for n in range(1, guide.steps + 1)]
        for key in keys:
            for lang in ("vi", "en"):
                assert translate(key, lang) != key, key
        assert translate(f"help.guide.{guide.id}.step{guide.steps + 1}", "vi").startswith("help.")


def test_the_qr_png_reads_back_as_the_address() -> None:
    url = "https://zalo.me/s/trung-tam-phuc-vu?x=1&y=ạ"
    image = Image.open(io.BytesIO(qr_png(url))).convert("L")
    found = zxingcpp.read_barcodes(np.asarray(image))
    assert [code.text for code in found] == [url]


def test_open_a_guide_and_back() -> None:
    journey = HelpJourney()
    journey.open_guide("card_reader")
    assert journey.state is HelpState.GUIDE and journey.guide.id == "card_reader"
    assert journey.back() and journey.state is HelpState.MENU and journey.guide is None
    assert not journey.back()
    with pytest.raises(ValueError):
        journey.open_guide("../etc")

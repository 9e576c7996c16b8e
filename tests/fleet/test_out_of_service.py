"""The fallback screen after a crash loop: both languages, every diacritic, nothing else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from kiosk.i18n import translate
from ui.app import load_fonts
from ui.out_of_service import out_of_service_view


def test_the_screen_says_go_to_the_counter_in_both_languages(qtbot, tmp_path: Path) -> None:
    load_fonts()
    view = out_of_service_view("Trung tâm Phục vụ hành chính công xã An Bình", windowed=True)
    try:
        qtbot.waitExposed(view)
        title = view.rootObject().findChild(QObject, "out_of_service_title")
        assert title.property("text") == "Máy tạm ngừng phục vụ"
        assert "quầy" in translate("fleet.out_of_service.body", "vi")
        assert "counter" in translate("fleet.out_of_service.body", "en")
        qtbot.wait(200)
        image = view.grabWindow()
        image.save(str(tmp_path / "out_of_service.png"))
        colours = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, 1080, 5)}
        assert len(colours) > 2  # text drawn, not a blank window
    finally:
        view.close()

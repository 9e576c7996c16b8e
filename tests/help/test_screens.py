"""Help on the screen: the hotline, the centre's Zalo page as a QR a phone can read (grabbed from
the window and decoded), and a guide opened and closed with taps."""

from __future__ import annotations

import numpy as np
import zxingcpp


def test_hotline_qr_and_a_guide(person, qtbot) -> None:
    from PySide6.QtCore import QPointF

    person.tap("tile_help")
    person.wait_screen("HelpStart")
    assert person.ui.find("helpHotline").property("text") == "Đường dây nóng: 1900 0000"
    assert person.ui.find("helpQr_facebook") is None  # not configured: not shown
    image = person.ui.find("helpQr_zalo")
    qtbot.waitUntil(lambda: image.property("progress") == 1.0)
    qtbot.wait(50)
    top_left = image.mapToScene(QPointF(0, 0)).toPoint()
    shot = person.ui.window.grabWindow().copy(
        top_left.x(), top_left.y(), int(image.width()), int(image.height())
    )
    grey = shot.convertToFormat(shot.Format.Format_Grayscale8)
    pixels = np.array(grey.constBits(), np.uint8).reshape(grey.height(), grey.bytesPerLine())
    assert [c.text for c in zxingcpp.read_barcodes(pixels[:, : grey.width()])] == [
        "https://zalo.me/s/example-centre"
    ]
    person.tap("guide_card_reader")
    person.wait_screen("HelpGuide")
    assert person.ui.find("guideStep_1").property("text").startswith("Đặt thẻ nằm phẳng")
    person.tap("guideBack")
    person.wait_screen("HelpStart")

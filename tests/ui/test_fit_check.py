"""The fit checker sees each fault a person would: built from small QML windows that have it."""

from __future__ import annotations

import pytest
from PySide6.QtQml import QQmlApplicationEngine

from devtools.fit_check import check_window

WINDOW = "import QtQuick\nWindow { width: 800; height: 600; visible: true; color: 'white'\n%s\n}"


@pytest.fixture
def render(qtbot):
    engines: list[QQmlApplicationEngine] = []

    def build(body: str) -> list[str]:
        engine = QQmlApplicationEngine()
        engines.append(engine)
        engine.loadData((WINDOW % body).encode())
        window = engine.rootObjects()[0]
        qtbot.waitExposed(window)
        return [problem.kind for problem in check_window(window)]

    yield build
    for engine in engines:
        engine.deleteLater()


def test_a_tidy_screen_passes(render) -> None:
    assert (
        render(
            "Column { Text { text: 'Tiếp tục'; font.pixelSize: 30 }"
            "\nRectangle { width: 200; height: 96; color: 'navy'"
            "\n  Text { anchors.centerIn: parent; text: 'Vào'; color: 'white' }"
            "\n  MouseArea { anchors.fill: parent } } }"
        )
        == []
    )


def test_clipped_text(render) -> None:
    kinds = render(
        "Text { width: 100; elide: Text.ElideRight; text: 'Nhập số căn cước của ông/bà' }"
    )
    assert "clipped" in kinds


def test_text_overflowing_its_box(render) -> None:
    kinds = render(
        "Text { width: 80; height: 20; wrapMode: Text.WordWrap"
        "; text: 'Một hai ba bốn năm sáu bảy tám chín mười' }"
    )
    assert "overflow" in kinds


def test_text_over_another_and_over_a_button(render) -> None:
    kinds = render(
        "Rectangle { x: 10; y: 10; width: 200; height: 96; color: 'navy'"
        "\n  MouseArea { anchors.fill: parent } }"
        "\nText { x: 20; y: 20; text: 'Có lỗi: số không đúng' }"
        "\nText { x: 30; y: 25; text: 'Vào' }"
    )
    assert "overlap" in kinds and "covers-control" in kinds


def test_button_outside_the_window(render) -> None:
    kinds = render(
        "Rectangle { x: 700; y: 560; width: 260; height: 96; MouseArea { anchors.fill: parent } }"
    )
    assert kinds == ["outside"]


def test_black_on_black(render) -> None:
    kinds = render(
        "Rectangle { anchors.fill: parent; color: 'black'"
        "\n  Text { text: 'Thoát'; color: '#111111' } }"
    )
    assert kinds == ["contrast"]


def test_a_line_half_scrolled_out_of_its_list_lies_over_nothing_below(render) -> None:
    list_above_button = (
        "Flickable { width: 400; height: 100; clip: true; contentHeight: 300"
        "\n  Column { Text { text: 'Họ và tên'; height: 40 } Text { text: 'Giới tính'; height: 40 }"
        "\n    Text { text: 'Chọn một.'; height: 40; font.pixelSize: 30 } } }"
        "\nRectangle { y: %d; width: 260; height: 96; color: 'navy'"
        "\n  MouseArea { anchors.fill: parent } }"
    )
    assert render(list_above_button % 106) == []  # the third line shows 80–100 of 80–121
    assert "covers-control" in render(list_above_button % 90)  # what shows lies on the button

"""A required paper's catalogue name tells the scan step what to expect under the camera."""

from __future__ import annotations

import pytest

from kiosk.scanning import document_type_for


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Căn cước công dân (bản sao)", "card"),
        ("Thẻ Căn cước hoặc Chứng minh nhân dân", "card"),
        ("Biên lai thu phí, lệ phí", "receipt"),
        ("Hóa đơn giá trị gia tăng", "receipt"),
        ("Tờ khai đăng ký khai sinh", None),
        ("Giấy chứng sinh", None),
    ],
)
def test_paper_names_map_to_what_the_camera_should_expect(name, expected):
    assert document_type_for(name) == expected

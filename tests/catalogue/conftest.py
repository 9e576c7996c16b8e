"""Fixtures for the catalogue tests: the project's own bundled data (config/catalogue) and
small hand-written documents; nothing here reads ../shared/."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.catalogue.config import CatalogueSettings
from kiosk.catalogue.snapshot import Catalogue
from kiosk.catalogue.store import CatalogueStore, bundled_catalogue_path, bundled_synonyms_path
from kiosk.catalogue.synonyms import SynonymTable, load_synonyms
from tests.kiosk_driver import Driver

RECORD: dict[str, Any] = {
    "code": "1.001193",
    "name": "Đăng ký khai sinh",
    "field": "ho-tich",
    "levels": ["commune"],
    "agency": "Ủy ban nhân dân cấp xã",
    "channels": ["in_person", "online"],
    "processing_time": {"same_day": True, "text": "Trong ngày"},
    "fees": [{"kind": "charge", "amount_vnd": 0, "text": "Miễn lệ phí"}],
    "papers": [
        {
            "papers": [
                {"name": "Tờ khai đăng ký khai sinh", "originals": 1},
                {"name": "Giấy chứng sinh", "originals": 1},
            ]
        }
    ],
    "results": ["Giấy khai sinh"],
    "source": {
        "url": "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/khai-sinh",
        "title": "Cổng Dịch vụ công quốc gia",
    },
}

DOCUMENT: dict[str, Any] = {
    "format": 1,
    "version": "2026.05.1",
    "published": "2026-05-01",
    "publisher": "test",
    "fields": [
        {
            "id": "ho-tich",
            "name": {"vi": "Hộ tịch", "en": "Civil status"},
            "queue_service": "ho-tich",
        },
        {"id": "cu-tru", "name": {"vi": "Cư trú", "en": "Residence"}, "queue_service": "cu-tru"},
    ],
    "procedures": [
        RECORD,
        dict(
            RECORD,
            code="1.004222",
            name="Đăng ký thường trú",
            field="cu-tru",
            results=["Cập nhật Cơ sở dữ liệu về cư trú"],
            processing_time={"value": 7, "unit": "working_days"},
            fees=[{"amount_vnd": 20000, "channel": "in_person", "text": "20.000 đồng"}],
        ),
    ],
}


@pytest.fixture
def document() -> dict[str, Any]:
    """A small valid catalogue document, a fresh copy for each test to break."""
    return copy.deepcopy(DOCUMENT)


@pytest.fixture(scope="session")
def synonyms() -> SynonymTable:
    return load_synonyms(bundled_synonyms_path())


@pytest.fixture(scope="session")
def starter(tmp_path_factory: pytest.TempPathFactory, synonyms: SynonymTable) -> Catalogue:
    """The bundled starter catalogue, as the kiosk loads it."""
    store = CatalogueStore(
        CatalogueSettings(),
        synonyms,
        bundled_catalogue_path(),
        tmp_path_factory.mktemp("installed"),
    )
    return store.current


@pytest.fixture
def make_store(tmp_path: Path, synonyms: SynonymTable) -> Callable[..., CatalogueStore]:
    """A store over a bundled file of our own and an empty data folder, both in tmp_path."""

    def make(bundled: dict[str, Any] | None = None) -> CatalogueStore:

        path = tmp_path / "bundled.json"
        if bundled is not None or not path.exists():
            path.write_text(json.dumps(bundled or DOCUMENT, ensure_ascii=False), "utf-8")
        return CatalogueStore(CatalogueSettings(), synonyms, path, tmp_path / "installed")

    return make


@pytest.fixture
def kiosk(qtbot, tmp_path: Path):
    """The whole kiosk UI offscreen on a temporary data folder, with the simulated printer
    writing what it prints to tmp_path/printed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.config import load_config
    from tests.kiosk_factory import make_kiosk
    from ui.app import KioskUi

    config = load_config()
    config = config.model_copy(
        update={
            "printer": config.printer.model_copy(
                update={"driver": "simulator", "simulator_output": str(tmp_path / "printed")}
            ),
            "ui": config.ui.model_copy(update={"fullscreen": False}),
        }
    )
    built = make_kiosk(tmp_path, config)
    ui = KioskUi(built.core, built.services, windowed=True)
    qtbot.waitExposed(ui.window)
    yield Person(ui, qtbot)
    ui.close()
    built.close()


class Person(Driver):
    """The shared driver; `type` taps the keyboard's keys (Telex)."""

    def item(self, name: str) -> Any:
        found = super().item(name)
        assert found.isVisible(), f"no visible {name!r} on {self.ui.shell.screen}"
        return found

    type = Driver.type_keys

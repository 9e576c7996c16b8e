"""The update path from the provincial system: a newer, valid catalogue is installed atomically
and swapped in; anything else is refused with reasons and changes nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.catalogue.loader import CatalogueError
from kiosk.catalogue.store import INSTALLED_NAME, PREVIOUS_NAME, CatalogueStore


def newer(document: dict[str, Any], version: str = "2026.06.1") -> dict[str, Any]:
    update = json.loads(json.dumps(document))
    update["version"] = version
    update["procedures"][0]["name"] = "Đăng ký khai sinh (bản cập nhật)"
    return update


def test_a_newer_catalogue_is_swapped_in_and_survives_a_restart(
    make_store: Callable[..., CatalogueStore], document: dict[str, Any], tmp_path: Path
) -> None:
    store = make_store()
    before = store.current
    result = store.apply_update(json.dumps(newer(document)).encode())
    assert (result.previous_version, result.version, result.procedures) == (
        "2026.05.1",
        "2026.06.1",
        2,
    )
    assert store.current.version == "2026.06.1"
    assert store.current.search("khai sinh cap nhat")[0].procedure.code == "1.001193"
    assert before.version == "2026.05.1", "a screen's snapshot never changes under it"
    assert make_store().current.version == "2026.06.1"
    leftovers = [p.name for p in (tmp_path / "installed").iterdir()]
    assert sorted(leftovers) == [INSTALLED_NAME]


def test_the_previous_installed_version_is_kept(
    make_store: Callable[..., CatalogueStore], document: dict[str, Any], tmp_path: Path
) -> None:
    store = make_store()
    store.apply_update(newer(document, "2026.06.1"))
    store.apply_update(newer(document, "2026.06.2"))
    kept = json.loads((tmp_path / "installed" / PREVIOUS_NAME).read_text("utf-8"))
    assert kept["version"] == "2026.06.1"


@pytest.mark.parametrize("version", ["2026.05.1", "2026.04.9"])
def test_an_older_or_same_version_is_refused(
    make_store: Callable[..., CatalogueStore], document: dict[str, Any], version: str
) -> None:
    store = make_store()
    with pytest.raises(CatalogueError, match=f"version {version} is not newer than 2026.05.1"):
        store.apply_update(newer(document, version))
    assert store.current.version == "2026.05.1"


def test_a_broken_update_changes_nothing(
    make_store: Callable[..., CatalogueStore], document: dict[str, Any], tmp_path: Path
) -> None:
    store = make_store()
    update = newer(document)
    update["procedures"][1]["levels"] = ["district"]
    with pytest.raises(CatalogueError) as caught:
        store.apply_update(update)
    assert str(caught.value).startswith(
        "update: record 2 (1.004222 Đăng ký thường trú): field levels[0]:"
    )
    with pytest.raises(CatalogueError, match="not valid JSON"):
        store.apply_update(b'{"format": 1,')
    assert store.current.version == "2026.05.1"
    assert not (tmp_path / "installed" / INSTALLED_NAME).exists()


def test_versions_compare_as_numbers(
    make_store: Callable[..., CatalogueStore], document: dict[str, Any]
) -> None:
    store = make_store(newer(document, "2026.05.9"))
    store.apply_update(newer(document, "2026.05.10"))
    assert store.current.version == "2026.05.10"


def test_a_damaged_installed_file_falls_back_to_the_bundled_one_and_is_kept(
    make_store: Callable[..., CatalogueStore], tmp_path: Path
) -> None:
    installed = tmp_path / "installed"
    installed.mkdir()
    (installed / INSTALLED_NAME).write_text('{"format": 1, "version": "2026.09.1"')
    store = make_store()
    assert store.current.version == "2026.05.1"
    assert (installed / "catalogue.rejected.json").exists()


def test_an_installed_file_older_than_the_bundled_one_is_ignored(
    make_store: Callable[..., CatalogueStore], document: dict[str, Any], tmp_path: Path
) -> None:
    store = make_store()
    store.apply_update(newer(document, "2026.06.1"))
    assert make_store(newer(document, "2026.07.1")).current.version == "2026.07.1"

"""The `[outbox]` settings, and the house rule that offline_queue stands on its own."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError

from kiosk.i18n import load_catalogue
from offline_queue.outbox import (
    DiskFullError,
    DuplicateItemError,
    InvalidItemError,
    ItemCorruptedError,
    ItemKind,
    ItemState,
    OutboxError,
    OutboxSettings,
    SchemaTooNewError,
    StorageError,
)
from offline_queue.uploader import NetworkState

REPO = Path(__file__).resolve().parents[2]


def test_the_shipped_defaults_are_the_models_defaults() -> None:
    with (REPO / "config" / "kiosk.toml").open("rb") as fh:
        section = tomllib.load(fh)["outbox"]
    assert OutboxSettings.model_validate(section) == OutboxSettings()


def test_paths_are_under_the_data_folder_unless_absolute(tmp_path: Path) -> None:
    settings = OutboxSettings(folder="queue", key_file="/etc/kiosk/outbox.key")
    assert settings.folder_path(tmp_path) == tmp_path / "queue"
    assert settings.key_path(tmp_path) == Path("/etc/kiosk/outbox.key")


@pytest.mark.parametrize(
    "bad",
    [
        {"backoff_base_seconds": 10, "backoff_cap_seconds": 5},
        {"lease_seconds": 0},
        {"retention_hours": -1},
        {"disk_reserve_mb": -5},
        {"unknown_key": 1},
    ],
)
def test_bad_values_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        OutboxSettings.model_validate(bad)


def test_every_message_the_outbox_shows_is_translated() -> None:
    catalogue = load_catalogue(REPO / "config" / "i18n")
    keys = {
        error.message_key
        for error in (
            OutboxError,
            DiskFullError,
            StorageError,
            InvalidItemError,
            DuplicateItemError,
            ItemCorruptedError,
            SchemaTooNewError,
        )
    }
    keys |= {"outbox.alert.quarantined", "outbox.alert.unconfirmed", "outbox.queue.waiting"}
    keys |= {f"outbox.key.{name}" for name in ("file_insecure", "file_invalid", "mismatch")}
    keys |= {f"outbox.network.{state}" for state in NetworkState}
    keys |= {f"outbox.state.{state}" for state in ItemState}
    keys |= {f"outbox.kind.{kind}" for kind in ItemKind}
    missing = [key for key in sorted(keys) if not {"vi", "en"} <= set(catalogue.get(key, {}))]
    assert missing == []


def test_offline_queue_imports_neither_kiosk_nor_hardware_nor_ui() -> None:
    forbidden = ("kiosk", "hardware", "ui")
    offenders = []
    for path in (REPO / "offline_queue").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [
                f"{path.relative_to(REPO)}: {name}"
                for name in names
                if name.split(".")[0] in forbidden
            ]
    assert offenders == []

"""Fixtures of the fleet tests: a signing key, a province stand-in that publishes releases,
and small synthetic releases built through the real `scripts/build-release` code path."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from devtools.release_builder import build_release, load_signing_key, new_signing_key
from kiosk.fleet.manifest import Manifest, load_public_key
from offline_queue.client import ProvincialClient
from offline_queue.standin.embedded import EmbeddedStandin, start_standin

SELF_TEST_OK = "#!/bin/sh\necho 'self-test passed'\nexit 0\n"
SELF_TEST_FAILS = "#!/bin/sh\necho 'FAIL home screen did not paint'\nexit 1\n"


class Releases:
    """Builds release trees and publishes them signed, as an operator would."""

    def __init__(self, folder: Path, key: Ed25519PrivateKey, publish: Path) -> None:
        self.folder = folder
        self.key = key
        self.publish = publish

    def tree(self, version: str, *, module: str = "v1", program: str = SELF_TEST_OK) -> Path:
        """A release-shaped folder: a program, a 'Qt library' of 3 MB that rarely changes and
        a Python module that changes each release."""
        tree = self.folder / f"tree-{version}"
        (tree / "_internal" / "PySide6").mkdir(parents=True)
        (tree / "kiosk").write_text(program)
        (tree / "kiosk").chmod(0o755)
        qt = tree / "_internal" / "PySide6" / "libQt6Quick.so.6"
        qt.write_bytes(_fixed_bytes(3 * 1024 * 1024, seed=b"qt"))
        (tree / "_internal" / "kiosk_module.pyc").write_text(f"module {module}\n" * 1000)
        (tree / "_internal" / "REQUESTED").write_bytes(b"")  # wheels' empty marker files
        return tree

    def publish_tree(self, tree: Path, version: str, channel: str = "stable") -> Manifest:
        return build_release(tree, version, channel, self.key, self.publish, "kiosk")


def _fixed_bytes(size: int, seed: bytes) -> bytes:
    """The same bytes on every run that, like a compiled library, hardly compress."""
    return random.Random(seed).randbytes(size)


@pytest.fixture
def signing_key_file(tmp_path: Path) -> Path:
    path = tmp_path / "keys" / "release.pem"
    new_signing_key(path)
    return path


@pytest.fixture
def public_key(signing_key_file: Path):
    from devtools.release_builder import public_key_text

    return load_public_key(public_key_text(load_signing_key(signing_key_file)))


@pytest.fixture
def releases(tmp_path: Path, signing_key_file: Path) -> Releases:
    return Releases(tmp_path / "build", load_signing_key(signing_key_file), tmp_path / "publish")


@pytest.fixture
def province(tmp_path: Path, releases: Releases) -> Iterator[EmbeddedStandin]:
    standin = start_standin(tmp_path / "standin.sqlite", releases_dir=releases.publish)
    yield standin
    standin.stop()


@pytest.fixture
def client(province: EmbeddedStandin) -> Iterator[ProvincialClient]:
    client = ProvincialClient(province.client_settings())
    yield client
    client.close()


@pytest.fixture(autouse=True)
def _no_inherited_service_manager(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"):
        monkeypatch.delenv(name, raising=False)
    assert "NOTIFY_SOCKET" not in os.environ

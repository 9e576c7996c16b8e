"""Signed release manifests: what a release of the kiosk holds (every file's path, size, SHA-256
and executable bit) and the Ed25519 signature that proves the province's build made it.

A signed release travels as one JSON document, `{"manifest": base64, "signature": base64}`.
The signature covers the manifest's exact bytes, so nothing is re-serialised before checking;
only after the signature holds is the manifest parsed. The public key is pinned in the kiosk's
configuration (`[updates] public_key`); a release signed by any other key is refused.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from pathlib import Path, PurePosixPath

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kiosk.errors import UserFacingError

FORMAT = 1
VERSION_PATTERN = r"^\d{1,6}(\.\d{1,6}){1,3}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
# Where a verified release keeps its own signed manifest, inside its folder.
RELEASE_FILE = ".release.json"
_CHUNK = 1024 * 1024


class ReleaseError(UserFacingError):
    """A release that must not be installed; `message_key` is for the technician screen,
    `detail` for the log."""


def version_key(version: str) -> tuple[int, ...]:
    """`0.10.0` sorts after `0.9.3`."""
    if not re.fullmatch(VERSION_PATTERN, version):
        raise ValueError(f"not a release version: {version!r}")
    return tuple(int(part) for part in version.split("."))


class ManifestFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str = Field(min_length=1, max_length=1024)
    sha256: str = Field(pattern=SHA256_PATTERN)
    size: int = Field(ge=0)
    executable: bool = False
    # published gzip-compressed as well (`<sha256>.gz`, this many bytes): the kiosk fetches that
    gzip_size: int | None = Field(None, ge=1)

    @property
    def transfer_size(self) -> int:
        return self.gzip_size or self.size

    @field_validator("path")
    @classmethod
    def _inside_the_release(cls, path: str) -> str:
        """A manifest must never write outside its own folder (`../`, absolute paths)."""
        pure = PurePosixPath(path)
        if pure.is_absolute() or ".." in pure.parts or "\\" in path or str(pure) != path:
            raise ValueError(f"{path!r} is not a plain relative path")
        if pure.name == RELEASE_FILE:
            raise ValueError(f"{RELEASE_FILE} is reserved")
        return path


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int = FORMAT
    app: str = "service-centre-kiosk"
    version: str = Field(pattern=VERSION_PATTERN)
    channel: str = Field(pattern=r"^[a-z0-9-]{1,32}$")
    created_at: str
    # The program to start, relative to the release folder; it takes `--self-test`.
    entry: str
    files: list[ManifestFile] = Field(min_length=1)

    @field_validator("files")
    @classmethod
    def _unique_paths(cls, files: list[ManifestFile]) -> list[ManifestFile]:
        paths = [f.path for f in files]
        if len(paths) != len(set(paths)):
            raise ValueError("a path appears twice")
        return files

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def canonical_bytes(self) -> bytes:
        return json.dumps(
            self.model_dump(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()


class SignedRelease(BaseModel):
    """The document the province serves for a channel: manifest bytes and their signature."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    manifest: str
    signature: str

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def load_public_key(text: str) -> Ed25519PublicKey:
    """The pinned key: base64 of the 32 raw bytes, as `scripts/build-release --new-key` prints."""
    try:
        raw = base64.b64decode(text, validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise ReleaseError("fleet.update.no_key", "the pinned public key is not usable") from exc


def verify_signed(document: bytes, public_key: Ed25519PublicKey) -> bytes:
    """The signed payload's exact bytes, once the signature holds; ReleaseError otherwise.
    Shared by releases and configuration bundles, which are signed the same way."""
    try:
        signed = SignedRelease.model_validate_json(document)
        payload = base64.b64decode(signed.manifest, validate=True)
        signature = base64.b64decode(signed.signature, validate=True)
    except (ValidationError, binascii.Error, ValueError) as exc:
        raise ReleaseError("fleet.update.unsigned", "no signed document") from exc
    try:
        public_key.verify(signature, payload)
    except InvalidSignature as exc:
        raise ReleaseError("fleet.update.bad_signature", "the signature does not hold") from exc
    return payload


def verify_release(document: bytes, public_key: Ed25519PublicKey) -> Manifest:
    """The manifest of a signed release, or ReleaseError (unsigned, forged, malformed)."""
    payload = verify_signed(document, public_key)
    try:
        return Manifest.model_validate_json(payload)
    except ValidationError as exc:
        raise ReleaseError("fleet.update.bad_manifest", str(exc.errors()[0]["msg"])) from exc

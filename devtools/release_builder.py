"""Builds a signed release of the kiosk from a folder tree (normally the frozen app `dist/kiosk/`)
and publishes it where the province serves releases from. `scripts/build-release` runs this.

Published layout, content-addressed so a file shared by two releases is stored once and a kiosk
can ask for exactly the files whose hashes changed:

    PUBLISH/channels/<channel>.json   the signed release (manifest + Ed25519 signature)
    PUBLISH/files/<sha256>            each file's bytes
    PUBLISH/archives/<entry>-<version>.tar.zst   the whole release in one archive (zstd), for
                                      a first installation; it holds the signed manifest too

    scripts/build-release --new-key keys/release.pem       # once; prints the key to pin
    scripts/build-release dist/kiosk --version 0.2.0 --channel stable \\
        --key keys/release.pem --publish /srv/province/releases
    scripts/build-release bundle-folder/ --config-bundle --version 2026.1 [--kiosk an-binh-1] \\
        --key keys/config.pem --publish /srv/province/releases
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.fleet.bundles import ConfigBundle
from kiosk.fleet.manifest import (
    RELEASE_FILE,
    Manifest,
    ManifestFile,
    SignedRelease,
    sha256_of_file,
)
from platform_layer import is_executable, make_private

# smaller files go as they are: a request costs more than compression saves
PACK_AT_LEAST = 4096


def new_signing_key(path: Path) -> str:
    """Write a fresh private key (PEM, owner only) and return the public key to pin."""
    key = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    make_private(path)
    return public_key_text(key)


def public_key_text(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} is not an Ed25519 key")
    return key


def sign_payload(payload: bytes, key: Ed25519PrivateKey) -> bytes:
    """The signed document for any payload (a release manifest, a configuration bundle)."""
    return SignedRelease(
        manifest=base64.b64encode(payload).decode(),
        signature=base64.b64encode(key.sign(payload)).decode(),
    ).to_bytes()


def manifest_of(tree: Path, version: str, channel: str, entry: str) -> Manifest:
    files = [
        ManifestFile(
            path=path.relative_to(tree).as_posix(),
            sha256=sha256_of_file(path),
            size=path.stat().st_size,
            executable=is_executable(path),
        )
        for path in sorted(tree.rglob("*"))
        if path.is_file() and not path.is_symlink() and path.name != RELEASE_FILE
    ]
    if not (tree / entry).is_file():
        raise ValueError(f"{tree / entry} does not exist: the release needs its program")
    return Manifest(
        version=version,
        channel=channel,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        entry=entry,
        files=files,
    )


def pack(tree: Path, manifest: Manifest, store: Path) -> Manifest:
    """Store a gzip copy of each file that shrinks by a tenth or more (most of the frozen app
    does) and name its size in the manifest, so kiosks on slow links fetch that. A copy made
    for an earlier release is reused, so publishing the next one compresses only what changed."""
    store.mkdir(parents=True, exist_ok=True)
    files = []
    for entry in manifest.files:
        packed = store / f"{entry.sha256}.gz"
        skipped = store / f"{entry.sha256}.raw"  # marks "does not compress": not tried again
        if not packed.exists() and not skipped.exists() and entry.size >= PACK_AT_LEAST:
            data = gzip.compress((tree / entry.path).read_bytes(), compresslevel=6, mtime=0)
            target = packed if len(data) <= entry.size * 0.9 else skipped
            temporary = target.with_name(f".{target.name}.tmp")
            temporary.write_bytes(data if target is packed else b"")
            os.replace(temporary, target)
        size = packed.stat().st_size if packed.exists() else None
        files.append(entry.model_copy(update={"gzip_size": size}))
    return manifest.model_copy(update={"files": files})


def publish(tree: Path, manifest: Manifest, signed: bytes, publish_dir: Path) -> int:
    """Copy the files the publish folder lacks, then the channel document last (so a kiosk
    never sees a release whose files are not all there). Returns the bytes copied."""
    store = publish_dir / "files"
    store.mkdir(parents=True, exist_ok=True)
    copied = 0
    for entry in manifest.files:
        target = store / entry.sha256
        if not target.exists():
            temporary = target.with_name(f".{entry.sha256}.tmp")
            shutil.copyfile(tree / entry.path, temporary)
            os.replace(temporary, target)
            copied += entry.size
    channel = publish_dir / "channels" / f"{manifest.channel}.json"
    channel.parent.mkdir(parents=True, exist_ok=True)
    temporary = channel.with_name(f".{channel.name}.tmp")
    temporary.write_bytes(signed)
    os.replace(temporary, channel)
    return copied


def build_release(
    tree: Path, version: str, channel: str, key: Ed25519PrivateKey, publish_dir: Path, entry: str
) -> Manifest:
    manifest = pack(tree, manifest_of(tree, version, channel, entry), publish_dir / "files")
    signed = sign_payload(manifest.canonical_bytes(), key)
    publish(tree, manifest, signed, publish_dir)
    # the tree becomes an installable release: install-kiosk copies it with its manifest, so
    # the kiosk's first update already knows which files it has
    temporary = tree / f".{RELEASE_FILE}.tmp"
    temporary.write_bytes(signed)
    os.replace(temporary, tree / RELEASE_FILE)
    return manifest


def archive_release(tree: Path, target: Path, level: int = 19) -> int:
    """The tree as one tar compressed with zstd (the `zstd` program, run by GNU tar), written
    under a temporary name and renamed when whole. Returns its size in bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    subprocess.run(
        [
            "tar",
            "--sort=name",
            "--owner=0",
            "--group=0",
            "--numeric-owner",
            "-I",
            f"zstd -{level} -T0 --long=27",
            "-cf",
            str(temporary),
            "-C",
            str(tree),
            ".",
        ],
        check=True,
    )
    os.replace(temporary, target)
    return target.stat().st_size


def build_config_bundle(
    folder: Path,
    version: str,
    key: Ed25519PrivateKey,
    publish_dir: Path,
    kiosk_ids: list[str] | None = None,
) -> Path:
    """Sign a configuration bundle from a folder holding any of settings.toml, catalogue.json
    and calendar/<year>.toml, for some kiosks (each gets its own copy) or for all of them."""
    files = {
        path.relative_to(folder).as_posix(): base64.b64encode(path.read_bytes()).decode()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    payload = {
        "version": version,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "files": files,
    }
    if kiosk_ids:
        payload["kiosk_ids"] = kiosk_ids
    ConfigBundle.model_validate(payload)  # the kiosk's own rules for what a bundle may hold
    signed = sign_payload(json.dumps(payload, ensure_ascii=False).encode(), key)
    target_dir = publish_dir / "config"
    target_dir.mkdir(parents=True, exist_ok=True)
    written = target_dir / "all.json"
    for name in kiosk_ids or ["all"]:
        written = target_dir / f"{name}.json"
        temporary = written.with_name(f".{written.name}.tmp")
        temporary.write_bytes(signed)
        os.replace(temporary, written)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build-release", description=__doc__.split("\n")[0])
    parser.add_argument("tree", type=Path, nargs="?", help="the folder to release (dist/kiosk)")
    parser.add_argument("--version")
    parser.add_argument("--channel", default="stable")
    parser.add_argument("--entry", default="kiosk", help="the program, relative to the tree")
    parser.add_argument("--key", type=Path, help="the Ed25519 private key (PEM)")
    parser.add_argument("--publish", type=Path, help="the province's release folder")
    parser.add_argument("--archive-level", type=int, default=19, help="zstd level (1-19)")
    parser.add_argument("--new-key", type=Path, metavar="FILE", help="create a signing key")
    parser.add_argument(
        "--config-bundle",
        action="store_true",
        help="sign TREE as a configuration bundle (settings.toml, catalogue.json, calendar/)",
    )
    parser.add_argument("--kiosk", action="append", help="the bundle is for this kiosk only")
    args = parser.parse_args(argv)
    if args.new_key:
        print(f"public key to pin in [updates] public_key: {new_signing_key(args.new_key)}")
        return 0
    if not (args.tree and args.version and args.key and args.publish):
        parser.error("tree, --version, --key and --publish are needed")
    if args.config_bundle:
        written = build_config_bundle(
            args.tree, args.version, load_signing_key(args.key), args.publish, args.kiosk
        )
        print(f"configuration bundle {args.version} published as {written}")
        return 0
    manifest = build_release(
        args.tree, args.version, args.channel, load_signing_key(args.key), args.publish, args.entry
    )
    archive = args.publish / "archives" / f"{args.entry}-{manifest.version}.tar.zst"
    packed = archive_release(args.tree, archive, args.archive_level)
    print(
        f"release {manifest.version} ({manifest.channel}): {len(manifest.files)} files, "
        f"{manifest.total_bytes / 1e6:.1f} MB, published to {args.publish}; "
        f"archive {archive.name} {packed / 1e6:.1f} MB (zstd -{args.archive_level})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

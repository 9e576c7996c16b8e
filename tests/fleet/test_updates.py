"""The update path end to end against the stand-in province: a new release applied with only
its changed files moved, a corrupted or unsigned release refused, a release whose self-test
fails never switched in, a cut download resumed, a failed trial rolled back."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from devtools import release_builder
from devtools.release_builder import sign_payload
from kiosk.fleet.install_root import CONFIRMED, ROLLED_BACK, TRIAL, InstallRoot
from kiosk.fleet.manifest import RELEASE_FILE
from kiosk.fleet.updater import TrialWatch, Updater, UpdateStep, roll_back
from offline_queue.standin.faults import Fault, FaultKind
from tests.fleet.conftest import SELF_TEST_FAILS, Releases


class Steps(list):
    def __call__(self, step: UpdateStep) -> None:
        self.append(step)

    def names(self) -> list[tuple[str, bool]]:
        return [(s.step, s.ok) for s in self]


def installed_root(tmp_path: Path, releases: Releases, client, public_key, steps) -> InstallRoot:
    """A kiosk running release 1.0.0, installed through the updater itself."""
    releases.publish_tree(releases.tree("1.0.0"), "1.0.0")
    root = InstallRoot(tmp_path / "app")
    updater = Updater(root, client, public_key, "stable", steps)
    staged = updater.prepare()
    assert staged is not None
    updater.switch("1.0.0")
    assert TrialWatch(root, steps, lambda: True, 0).check() == CONFIRMED
    steps.clear()
    return root


def test_a_one_module_update_moves_only_that_module(tmp_path, releases, client, public_key):
    steps = Steps()
    root = installed_root(tmp_path, releases, client, public_key, steps)
    manifest = releases.publish_tree(releases.tree("1.0.1", module="v2"), "1.0.1")
    updater = Updater(root, client, public_key, "stable", steps)

    staged = updater.prepare()

    assert staged is not None and staged.manifest.version == "1.0.1"
    module = next(f for f in manifest.files if f.path.endswith("kiosk_module.pyc"))
    assert module.gzip_size is not None and module.gzip_size < module.size / 5  # text packs
    assert staged.bytes_downloaded == module.gzip_size
    assert staged.bytes_reused == manifest.total_bytes - module.size
    assert root.current_version() == "1.0.0"  # nothing switched before a quiet moment
    updater.switch("1.0.1")
    assert root.current_version() == "1.0.1" and root.previous_version() == "1.0.0"
    new = root.release_dir("1.0.1")
    assert (new / "_internal" / "kiosk_module.pyc").read_text().startswith("module v2")
    assert (new / "kiosk").stat().st_mode & 0o111
    assert root.read_state().phase == TRIAL
    assert TrialWatch(root, steps, lambda: True, health_s=0).check() == CONFIRMED
    assert [name for name, _ in steps.names()] == [
        "download",
        "installed",
        "self_test",
        "switched",
        "confirmed",
    ]
    assert all(ok for _, ok in steps.names())
    # nothing newer: checked and reported, nothing downloaded
    assert updater.prepare() is None
    assert steps[-1].step == "check" and steps[-1].detail == "up to date"


def test_an_unsigned_or_forged_release_is_refused(tmp_path, releases, client, public_key):
    steps = Steps()
    root = installed_root(tmp_path, releases, client, public_key, steps)
    manifest = releases.publish_tree(releases.tree("1.0.1", module="v2"), "1.0.1")
    channel = releases.publish / "channels" / "stable.json"
    updater = Updater(root, client, public_key, "stable", steps)

    channel.write_bytes(manifest.canonical_bytes())  # the manifest alone, no signature
    assert updater.prepare() is None
    forged = sign_payload(manifest.canonical_bytes(), Ed25519PrivateKey.generate())
    channel.write_bytes(forged)  # signed, by someone else's key
    assert updater.prepare() is None
    document = json.loads(sign_payload(manifest.canonical_bytes(), releases.key))
    tampered = json.loads(base64.b64decode(document["manifest"]))
    tampered["entry"] = "evil"
    document["manifest"] = base64.b64encode(json.dumps(tampered).encode()).decode()
    channel.write_text(json.dumps(document))  # right key, changed after signing
    assert updater.prepare() is None

    assert [s.detail.split(":")[0] for s in steps] == [
        "fleet.update.unsigned",
        "fleet.update.bad_signature",
        "fleet.update.bad_signature",
    ]
    assert not root.release_dir("1.0.1").exists() and root.current_version() == "1.0.0"


def test_a_file_corrupted_on_the_shelf_is_refused(tmp_path, releases, client, public_key):
    steps = Steps()
    root = installed_root(tmp_path, releases, client, public_key, steps)
    manifest = releases.publish_tree(releases.tree("1.0.1", module="v2"), "1.0.1")
    module = next(f for f in manifest.files if f.path.endswith("kiosk_module.pyc"))
    assert module.gzip_size  # the kiosk fetches the packed copy: damage that one
    stored = releases.publish / "files" / f"{module.sha256}.gz"
    data = bytearray(stored.read_bytes())
    data[10] ^= 0xFF
    stored.write_bytes(bytes(data))

    assert Updater(root, client, public_key, "stable", steps).prepare() is None
    assert steps[-1].step == "refused" and "fleet.update.corrupt" in steps[-1].detail
    assert root.current_version() == "1.0.0"
    assert not root.release_dir("1.0.1").exists()


def test_a_release_whose_self_test_fails_is_never_switched_in(
    tmp_path, releases, client, public_key
):
    steps = Steps()
    root = installed_root(tmp_path, releases, client, public_key, steps)
    releases.publish_tree(releases.tree("1.0.1", program=SELF_TEST_FAILS), "1.0.1")
    updater = Updater(root, client, public_key, "stable", steps)

    assert updater.prepare() is None
    assert ("self_test", False) in steps.names() and steps[-1].step == "rejected"
    assert "FAIL home screen" in next(s for s in steps if s.step == "self_test").detail
    assert root.current_version() == "1.0.0" and not root.release_dir("1.0.1").exists()
    assert updater.prepare() is None  # the same version is not tried again
    assert steps[-1].detail == "rejected here before"


def test_a_download_cut_in_the_middle_resumes_without_fetching_twice(
    tmp_path, releases, client, public_key, province
):
    steps = Steps()
    root = installed_root(tmp_path, releases, client, public_key, steps)
    # a Qt upgrade: the big library and the module change
    tree = releases.tree("1.1.0", module="v3")
    qt = tree / "_internal" / "PySide6" / "libQt6Quick.so.6"
    qt.write_bytes(qt.read_bytes()[::-1])
    manifest = releases.publish_tree(tree, "1.1.0")
    province.arm(Fault(FaultKind.DROP_MID_BODY, times=2, path="/v1/release-files/"))
    before_update = client.release_bytes_received

    staged = Updater(root, client, public_key, "stable", steps).prepare()

    assert staged is not None
    assert province.faults.met[FaultKind.DROP_MID_BODY] == 2
    changed = sum(f.transfer_size for f in manifest.files if f.path != "kiosk")
    assert staged.bytes_downloaded == changed
    assert client.release_bytes_received - before_update == changed  # no byte twice
    raw = sum(f.size for f in manifest.files if f.path != "kiosk")
    assert staged.bytes_reused == manifest.total_bytes - raw
    assert not list(root.releases.rglob("*.part"))


def test_an_interrupted_update_continues_where_it_stopped(tmp_path, releases, client, public_key):
    """The kiosk is switched off mid-download: the next check reuses what arrived."""
    steps = Steps()
    root = installed_root(tmp_path, releases, client, public_key, steps)
    tree = releases.tree("1.1.0", module="v3")
    qt = tree / "_internal" / "PySide6" / "libQt6Quick.so.6"
    qt.write_bytes(qt.read_bytes()[::-1])
    manifest = releases.publish_tree(tree, "1.1.0")
    big = next(f for f in manifest.files if f.path.endswith("libQt6Quick.so.6"))
    staging = root.releases / ".staging-1.1.0" / "_internal" / "PySide6"
    staging.mkdir(parents=True)
    (staging / "libQt6Quick.so.6.part").write_bytes(qt.read_bytes()[: big.size // 3])

    staged = Updater(root, client, public_key, "stable", steps).prepare()

    assert staged is not None
    module = next(f for f in manifest.files if f.path.endswith("kiosk_module.pyc"))
    assert big.gzip_size is None  # random-looking bytes are sent as they are
    assert staged.bytes_downloaded == big.size - big.size // 3 + module.transfer_size


def test_a_failing_trial_rolls_back_by_itself(tmp_path, releases, client, public_key):
    steps = Steps()
    root = installed_root(tmp_path, releases, client, public_key, steps)
    releases.publish_tree(releases.tree("1.0.1", module="v2"), "1.0.1")
    updater = Updater(root, client, public_key, "stable", steps)
    assert updater.prepare() is not None
    updater.switch("1.0.1")
    watch = TrialWatch(root, steps, healthy=lambda: False, health_s=300)

    assert watch.check() == ROLLED_BACK
    assert root.current_version() == "1.0.0"
    state = root.read_state()
    assert state.rejected == ["1.0.1"] and state.reason == "unhealthy after the switch"
    assert steps[-1].step == "rollback" and steps[-1].ok
    assert updater.prepare() is None  # not offered again


def test_a_healthy_trial_waits_its_minutes_before_confirming(
    tmp_path, releases, client, public_key
):
    steps = Steps()
    root = installed_root(tmp_path, releases, client, public_key, steps)
    releases.publish_tree(releases.tree("1.0.1", module="v2"), "1.0.1")
    updater = Updater(root, client, public_key, "stable", steps)
    assert updater.prepare() is not None
    updater.switch("1.0.1")
    now = [root.read_state().switched_at]
    watch = TrialWatch(root, steps, lambda: True, health_s=300, clock=lambda: now[0])
    assert watch.check() == TRIAL
    now[0] += 301
    assert watch.check() == CONFIRMED
    assert roll_back(root, "technician asked", steps)  # still possible by hand afterwards
    assert root.current_version() == "1.0.0"


def test_a_release_that_escapes_its_folder_is_refused(tmp_path, releases, client, public_key):
    steps = Steps()
    root = installed_root(tmp_path, releases, client, public_key, steps)
    manifest = releases.publish_tree(releases.tree("1.0.1", module="v2"), "1.0.1")
    evil = json.loads(manifest.canonical_bytes())
    evil["files"][0]["path"] = "../../.bashrc"
    channel = releases.publish / "channels" / "stable.json"
    channel.write_bytes(sign_payload(json.dumps(evil).encode(), releases.key))

    assert Updater(root, client, public_key, "stable", steps).prepare() is None
    assert "fleet.update.bad_manifest" in steps[-1].detail
    assert not (tmp_path / ".bashrc").exists()


def test_an_installed_release_keeps_its_signed_manifest(tmp_path, releases, client, public_key):
    steps = Steps()
    root = installed_root(tmp_path, releases, client, public_key, steps)
    kept = root.release_dir("1.0.0") / RELEASE_FILE
    assert kept.read_bytes() == (releases.publish / "channels" / "stable.json").read_bytes()
    shutil.rmtree(releases.publish / "files")  # the province lost its files:
    releases.publish_tree(releases.tree("1.0.1", module="v1"), "1.0.1")  # identical content
    staged = Updater(root, client, public_key, "stable", steps).prepare()
    assert staged is not None and staged.bytes_downloaded == 0


def test_build_release_ships_the_whole_release_as_one_zstd_archive(
    tmp_path, releases, signing_key_file
):
    """`scripts/build-release` also writes one compressed archive for a first installation:
    unpacked, it is the tree with its signed manifest, the program still executable."""
    tree = releases.tree("2.0.0")
    publish = tmp_path / "published"
    args = [str(tree), "--version", "2.0.0", "--key", str(signing_key_file)]
    assert release_builder.main([*args, "--publish", str(publish), "--archive-level", "3"]) == 0
    archive = publish / "archives" / "kiosk-2.0.0.tar.zst"
    files = [p for p in tree.rglob("*") if p.is_file()]
    assert archive.stat().st_size < sum(p.stat().st_size for p in files)
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    subprocess.run(["tar", "--zstd", "-xf", str(archive), "-C", str(unpacked)], check=True)
    for path in files:
        assert (unpacked / path.relative_to(tree)).read_bytes() == path.read_bytes()
    assert (unpacked / RELEASE_FILE).read_bytes() == (
        publish / "channels" / "stable.json"
    ).read_bytes()
    assert os.access(unpacked / "kiosk", os.X_OK)

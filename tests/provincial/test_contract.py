"""The OpenAPI document, the stand-in and the catalogue agree with each other."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

import offline_queue.client as client_module
from kiosk.i18n import load_catalogue
from offline_queue.client import TransientFailure
from offline_queue.contract.statuses import dossier_status_codes
from offline_queue.kiosk_secret import KioskSecretError
from offline_queue.standin.province import _FLEET_ROUTES, _ROUTES

CONTRACT = Path(client_module.__file__).parent / "contract" / "openapi.yaml"
CATALOGUE = Path(__file__).resolve().parents[2] / "config" / "i18n" / "provincial.toml"


def contract() -> dict:
    return yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))


def test_the_contract_is_openapi_3_1():
    document = contract()

    assert document["openapi"].startswith("3.1.")
    assert document["info"]["license"]["identifier"] == "MIT"


def test_every_documented_operation_is_served_by_the_stand_in_and_back():
    documented = {
        (method.upper(), re.sub(r"\{[^}]+\}", "{}", path))
        for path, operations in contract()["paths"].items()
        for method in operations
    }
    served = {
        (method, re.sub(r"\(\?P<\w+>[^)]+\)", "{}", pattern.pattern.strip("^$")))
        for method, pattern, _ in _ROUTES + _FLEET_ROUTES
    }

    assert documented == served


def test_documented_status_codes_are_the_data_file_codes():
    step = contract()["components"]["schemas"]["StatusStep"]

    assert step["properties"]["code"]["enum"] == sorted(dossier_status_codes())
    description = contract()["info"]["description"]
    for code, status in dossier_status_codes().items():
        assert f"{code} {status.name}" in description


def test_every_message_key_has_vietnamese_and_english_text(tmp_path):
    shutil.copy(CATALOGUE, tmp_path)
    entries = load_catalogue(tmp_path)
    keys = {f"provincial.error.{reason}" for reason in TransientFailure}
    keys |= {
        cls.message_key
        for cls in (
            client_module.ProvincialError,
            client_module.PermanentError,
            client_module.AuthenticationError,
            client_module.NotFoundError,
            client_module.InvalidRequestError,
            KioskSecretError,
        )
    }
    keys |= {status.message_key for status in dossier_status_codes().values()}

    assert keys <= entries.keys()
    assert all(entries[key]["vi"] and entries[key]["en"] for key in keys)

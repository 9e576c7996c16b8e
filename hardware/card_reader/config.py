"""Card reader settings as the configuration file states them (section `[card_reader]`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class CardReaderSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    driver: Literal["simulator", "pcsc"] = "simulator"
    # Regular expression searched (case-insensitively) in PC/SC reader names, e.g. "ACR1252" or
    # "Virtual PCD"; empty = any reader. The first matching reader with a card is used.
    reader_pattern: str = ""
    # one APDU, connecting to the card, and the whole read (authentication + every file)
    apdu_timeout_seconds: float = Field(3.0, gt=0, le=30)
    connect_timeout_seconds: float = Field(3.0, gt=0, le=30)
    read_timeout_seconds: float = Field(10.0, gt=0, le=60)
    # how often the monitor looks for readers appearing or going away
    poll_interval_seconds: float = Field(0.5, gt=0, le=5)
    # "auto": extended-length READs only when the reader says it carries them (PC/SC is asked),
    # short 223-byte reads otherwise and after any sign the extended path failed; "on": the
    # reader is known to carry them though its driver does not say; "off": always short
    extended_length: Literal["auto", "on", "off"] = "auto"
    # plain bytes per extended READ BINARY
    read_chunk_bytes: int = Field(4096, ge=223, le=32767)
    read_portrait: bool = True
    # CSCA certificates: a folder of PEM/DER files or an ICAO master list (.ml) file; empty =
    # none, and the kiosk says it could not check who signed the card
    trust_list: str = ""
    # simulator only: whether a demo card lies on the reader at start, and a fault to play
    simulator_card_present: bool = True
    simulator_fault: Literal[
        "none", "no_reader", "unresponsive", "removed_mid_read", "tampered", "malformed_dg13"
    ] = "none"

    @model_validator(mode="before")
    @classmethod
    def _renamed_keys(cls, values: object) -> object:
        """Site files written before `trust_list` named the CSCA folder `csca_folder`."""
        if isinstance(values, dict) and "csca_folder" in values and "trust_list" not in values:
            values = {**values, "trust_list": values["csca_folder"]}
            del values["csca_folder"]
        return values

    @field_validator("reader_pattern")
    @classmethod
    def _valid_pattern(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from exc
        return value

    @property
    def trust_list_path(self) -> Path | None:
        return Path(self.trust_list).expanduser() if self.trust_list else None

    def matches(self, reader_name: str) -> bool:
        return re.search(self.reader_pattern, reader_name, re.IGNORECASE) is not None

"""Catalogue settings as the configuration file states them (section `[catalogue]`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from kiosk.catalogue.levels import Level


class CatalogueSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Which procedures this centre offers: a commune centre shows "commune" ones only.
    levels: list[Level] = Field(default_factory=lambda: ["province", "commune"], min_length=1)
    # Where the QR on a guidance slip points when a procedure has no portal page of its own.
    portal_url: str = Field("https://dichvucong.gov.vn", pattern=r"^https://\S+$")
    max_results: int = Field(20, ge=1, le=100)

"""Text given in both kiosk languages, as data files and configuration carry it
(`{ vi = "…", en = "…" }`): the one `LocalText` of the kiosk.

Vietnamese is required; English may be left empty by a data source that has none, and then the
Vietnamese is shown, never an empty line.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class LocalText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    vi: str = Field(min_length=1)
    en: str = ""

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.vi

"""A citizen's paper as scanned so far: pages in order, each kept as its clean copy.

Pages can be retaken in place, deleted and reordered; nothing here touches the disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from kiosk.scanning.enhance import EnhanceMode
from kiosk.scanning.rectify import PaperFormat


class PageLimitReached(Exception):
    """The document already holds the configured maximum number of pages."""


@dataclass(frozen=True)
class ScannedPage:
    image: np.ndarray  # as `enhance` returns it for `mode`
    mode: EnhanceMode
    paper: PaperFormat
    dpi: int
    sharpness: float  # 0 (blurred) ‥ 1 (sharp), as measured at capture

    def pixels(self) -> np.ndarray:
        """uint8 BGR (colour) or greyscale, ink black: for JPEGs, thumbnails and screens."""
        if self.mode is EnhanceMode.BW:
            return np.where(self.image, 0, 255).astype(np.uint8)
        return self.image


@dataclass
class ScannedDocument:
    max_pages: int = 30
    pages: list[ScannedPage] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.pages)

    def add(self, page: ScannedPage) -> int:
        """Append a page; returns its index."""
        if len(self.pages) >= self.max_pages:
            raise PageLimitReached(self.max_pages)
        self.pages.append(page)
        return len(self.pages) - 1

    def replace(self, index: int, page: ScannedPage) -> None:
        """A retake: the new page takes the old one's place in the order."""
        self.check_index(index)
        self.pages[index] = page

    def delete(self, index: int) -> None:
        self.check_index(index)
        del self.pages[index]

    def move(self, index: int, to: int) -> None:
        self.check_index(index)
        self.check_index(to)
        self.pages.insert(to, self.pages.pop(index))

    def clear(self) -> None:
        self.pages.clear()

    def check_index(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            raise IndexError(f"page {index} of {len(self.pages)}")

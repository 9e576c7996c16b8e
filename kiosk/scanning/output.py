"""Writes a scanned document: one PDF for the dossier and a JPEG per page.

Black-and-white pages go into the PDF as CCITT Group 4 (a text page is a few tens of KB);
colour and grey pages as JPEG. Files are written to a temporary name, flushed to disk and then
renamed, so a power cut never leaves half a scan behind under the real name.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

import cv2
from PIL import Image

from kiosk.scanning.document import ScannedDocument, ScannedPage
from kiosk.scanning.enhance import EnhanceMode
from platform_layer import fsync_dir


@dataclass(frozen=True)
class SavedDocument:
    pdf: Path
    pages: list[Path]


def _pil_image(page: ScannedPage) -> Image.Image:
    if page.mode is EnhanceMode.BW:
        return Image.fromarray(~page.image).convert("1")  # True = ink = black
    if page.mode is EnhanceMode.GREY:
        return Image.fromarray(page.image, "L")
    return Image.fromarray(cv2.cvtColor(page.image, cv2.COLOR_BGR2RGB), "RGB")


def page_jpeg(page: ScannedPage, quality: int = 80) -> bytes:
    ok, encoded = cv2.imencode(".jpg", page.pixels(), [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return encoded.tobytes()


def document_pdf(document: ScannedDocument, title: str = "") -> bytes:
    """Colour and grey pages are embedded as JPEG at Pillow's quality (75): its PDF writer
    passes one set of options to every page, and Group 4 pages accept none."""
    if not document.pages:
        raise ValueError("a document needs at least one page")
    images = [_pil_image(page) for page in document.pages]
    out = io.BytesIO()
    images[0].save(
        out,
        "PDF",
        save_all=True,
        append_images=images[1:],
        resolution=document.pages[0].dpi,
        title=title,
        producer="service-centre-kiosk",
    )
    return out.getvalue()


def write_atomically(path: Path, data: bytes) -> None:
    """temp file → fsync → rename → fsync the folder: the file is whole or absent."""
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temporary, path)
    fsync_dir(path.parent)


def save_document(
    document: ScannedDocument, folder: Path, stem: str, quality: int = 80
) -> SavedDocument:
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / f"{stem}.pdf"
    pages = []
    for number, page in enumerate(document.pages, start=1):
        path = folder / f"{stem}-p{number:02d}.jpg"
        write_atomically(path, page_jpeg(page, quality))
        pages.append(path)
    write_atomically(pdf, document_pdf(document, title=stem))
    return SavedDocument(pdf, pages)

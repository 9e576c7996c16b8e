"""Document scanning for journeys: find the page in the camera's picture, judge it, keep a
straight clean copy (PDF + JPEG per page), and read QR codes.

Journeys use `ScanSession` (live analysis, auto-capture, pages in order), `read_qr` /
`read_qr_from_camera` (the ID card's QR, receipts) and, in technician mode, `run_self_test`.
"""

from __future__ import annotations

from foundation.lazy_imports import lazy_exports

# Names load on first use: reading `[camera]` settings at start-up must not pull in OpenCV,
# numpy and zxing-cpp.
_EXPORTS = {
    "read_qr_from_camera": "kiosk.scanning.camera_qr",
    "CameraSection": "kiosk.scanning.config",
    "ScanSettings": "kiosk.scanning.config",
    "ScannedDocument": "kiosk.scanning.document",
    "ScannedPage": "kiosk.scanning.document",
    "document_type_for": "kiosk.scanning.document_type",
    "EnhanceMode": "kiosk.scanning.enhance",
    "SavedDocument": "kiosk.scanning.output",
    "QrCode": "kiosk.scanning.qr",
    "read_qr": "kiosk.scanning.qr",
    "SelfTestReport": "kiosk.scanning.selftest",
    "run_self_test": "kiosk.scanning.selftest",
    "ScanSession": "kiosk.scanning.session",
    "ScanUpdate": "kiosk.scanning.session",
}


__getattr__ = lazy_exports(__name__, _EXPORTS)


__all__ = [
    "CameraSection",
    "EnhanceMode",
    "QrCode",
    "SavedDocument",
    "ScanSession",
    "ScanSettings",
    "ScanUpdate",
    "ScannedDocument",
    "ScannedPage",
    "SelfTestReport",
    "document_type_for",
    "read_qr",
    "read_qr_from_camera",
    "run_self_test",
]

"""Document scanning for journeys: find the page in the camera's picture, judge it, keep a
straight clean copy (PDF + JPEG per page), and read QR codes.

Journeys use `ScanSession` (live analysis, auto-capture, pages in order), `read_qr` /
`read_qr_from_camera` (the ID card's QR, receipts) and, in technician mode, `run_self_test`.
"""

from kiosk.scanning.camera_qr import read_qr_from_camera
from kiosk.scanning.config import CameraSection, ScanSettings
from kiosk.scanning.document import ScannedDocument, ScannedPage
from kiosk.scanning.enhance import EnhanceMode
from kiosk.scanning.output import SavedDocument
from kiosk.scanning.qr import QrCode, read_qr
from kiosk.scanning.selftest import SelfTestReport, run_self_test
from kiosk.scanning.session import ScanSession, ScanUpdate

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
    "read_qr",
    "read_qr_from_camera",
    "run_self_test",
]

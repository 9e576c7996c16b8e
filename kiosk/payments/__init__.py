"""Fees paid by bank transfer: NAPAS VietQR codes for a dossier's amount and reference."""

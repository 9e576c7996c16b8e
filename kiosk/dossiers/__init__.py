"""Dossiers handed in at the kiosk: their codes, the e-forms citizens fill in, the dossier sent to
the province and the printed receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả)."""

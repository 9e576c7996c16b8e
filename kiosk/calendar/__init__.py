"""Working-day calendar: which days the centre works and when a dossier's result is due.

Kept free of imports so that `kiosk.config` can load the settings model without loading the
holiday tables; use `kiosk.calendar.loader.load_appointment_rules` to build the service.
"""

"""Catalogue tools: the bulk importer of the national portal's exports (`python -m
devtools.catalogue.importer`, with its small .xlsx reader) and the synthetic procedures the
search bench pads the catalogue with. The kiosk itself only loads the catalogue they produce."""

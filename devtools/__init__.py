"""Development tools and test doubles: screenshots, the catalogue importer, the virtual card,
the printer emulator… Neither installed nor frozen; product code (`ui`, `kiosk`, `hardware`,
`offline_queue`) never imports this package — tests, benches and scripts may."""

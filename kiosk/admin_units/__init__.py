"""Vietnam's administrative units since the 2025 reform (34 provinces and cities, 3,321 communes,
wards and special zones) for address picking and hand-in at any centre of the province."""

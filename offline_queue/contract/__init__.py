"""The provincial contract as data: the OpenAPI document and the national dossier statuses."""

"""Turn a snapshot of the records (site_builder.snapshot) into the static status site.

Nothing is imported here: the gateway imports `site_builder.paths` and `site_builder.theme` on its
ingest path without loading the page builder (`site_builder.build`)."""

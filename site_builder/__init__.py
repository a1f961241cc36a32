"""Turn a read-only snapshot of the records into the static status site."""

from site_builder.build import BuildResult, build_site, render_pages
from site_builder.publish import publish

__all__ = ["BuildResult", "build_site", "publish", "render_pages"]

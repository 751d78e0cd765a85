"""Bundled data files (models, templates, icons); installed as the `claimdesk.resources` package."""

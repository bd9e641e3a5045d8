"""Renderers shared by the site and the formats."""

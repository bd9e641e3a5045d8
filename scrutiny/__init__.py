"""Publish UK council scrutiny reports and track the executive's responses.

The package reads ``content/`` and ``site_config.yaml`` into a frozen model
(:mod:`scrutiny.model`), checks it, and renders it through one Markdown pipeline
(:mod:`scrutiny.markdown`) into the site and every alternative format.
"""

__version__ = "0.1.0"

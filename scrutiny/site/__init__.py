"""The public website: Jinja templates (``templates/``), our theme (``theme/``), Pagefind search.

Pages (each an ``index.html`` in its folder, linked relatively so the site works from any
folder): home, ``reports/``, ``reports/<id>/``, ``reports/<id>/recommendations/<n>/``,
``reports/<id>/tracker/``, ``tracker/``, ``committees/``, ``committees/<id>/``,
``accessibility/``, ``alternative-formats/``, ``search/`` and ``404.html``.
"""

from .builder import SiteBuilder, SiteOptions, write_site

__all__ = ["SiteBuilder", "SiteOptions", "write_site"]

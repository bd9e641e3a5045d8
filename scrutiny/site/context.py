"""Page contexts: what every page's layout needs, as frozen dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..i18n import N_, _
from ..model import Contact, SiteConfig
from ..urls import relative
from .assets import Assets


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str
    """Site path (``reports/``)."""


@dataclass(frozen=True)
class NavItem:
    id: str
    words: str
    """The label in English (a catalogue message)."""
    url: str

    @property
    def label(self) -> str:
        """The label in the current language."""
        return _(self.words)


NAV = (
    NavItem("home", N_("Home"), ""),
    NavItem("reports", N_("Reports"), "reports/"),
    NavItem("tracker", N_("Tracker"), "tracker/"),
    NavItem("committees", N_("Committees"), "committees/"),
    NavItem("search", N_("Search"), "search/"),
)

FOOTER_NAV = (
    NavItem("accessibility", N_("Accessibility statement"), "accessibility/"),
    NavItem("alternative-formats", N_("Alternative formats"), "alternative-formats/"),
    NavItem("data", N_("Recommendations data (CSV)"), "data/recommendations.csv"),
)


@dataclass(frozen=True)
class Alternate:
    """One of a bilingual site's languages, as every page links to it."""

    language: str
    """BCP 47 tag (``hreflang``)."""
    name: str
    """The language's name in itself ("Cymraeg", "English"): the switch's words."""
    root: str
    """The path from this language's site root to that language's ("" for its own)."""
    base_url: str
    """That language's site address (``hreflang`` links are absolute)."""


def alternates(config: SiteConfig) -> tuple[Alternate, ...]:
    """Every language of a site in several (its own included), main first; none for one."""
    if len(config.all_languages) < 2:
        return ()
    return tuple(Alternate(lang, language_name(lang, lang), config.root_of(lang), config.home + config.url_prefix(lang))
                 for lang in config.all_languages)


def language_name(language: str, in_language: str) -> str:
    """A language's name in another (``language_name("en-GB", "cy")`` is "Saesneg"), from CLDR."""
    from babel import Locale

    code = language.replace("-", "_").split("_")[0]
    name = Locale.parse(in_language.replace("-", "_")).languages.get(code, language)
    return name[:1].upper() + name[1:] if in_language == language else name


@dataclass(frozen=True)
class SiteView:
    """The same on every page: the layout's header and footer."""

    title: str
    publisher: str
    language: str
    base_url: str
    as_of: dt.date
    contact: Contact
    footer: str
    assets: Assets
    live_reload: bool = False
    nav: tuple[NavItem, ...] = NAV
    footer_nav: tuple[NavItem, ...] = FOOTER_NAV
    languages: tuple[Alternate, ...] = ()
    """Every language of a bilingual site (the language switch and ``hreflang``)."""

    @classmethod
    def of(cls, config: SiteConfig, assets: Assets, live_reload: bool = False) -> "SiteView":
        return cls(config.title, config.publisher, config.language, config.base_url, config.as_of,
                   config.contact, config.brand.footer, assets, live_reload, languages=alternates(config))

    @property
    def other_languages(self) -> tuple[Alternate, ...]:
        return tuple(a for a in self.languages if a.language != self.language)

    def name_of(self, language: str) -> str:
        """A language's name in this site's language (the "not translated" notice)."""
        return language_name(language, self.language)


@dataclass(frozen=True)
class FeedLink:
    """A file the page names in its ``<head>`` (an Atom feed)."""

    title: str
    url: str
    """Site path of the file (``reports/<id>/feed.xml``)."""


@dataclass(frozen=True)
class PageMeta:
    """One page's place in the site."""

    url: str
    """Site path of the page: ``reports/<id>/`` (written as ``index.html``) or ``404.html``."""
    title: str
    """The ``<title>``, unique across the site."""
    heading: str
    """The page's one ``<h1>``."""
    crumbs: tuple[Crumb, ...] = ()
    """Breadcrumbs before the current page (which is added as the last, unlinked item)."""
    section: str = ""
    """Id of the main navigation item it belongs to (marked ``aria-current``)."""
    description: str = ""
    search_kind: str = ""
    """Pagefind ``kind`` meta; pages without one are not indexed."""
    root_path: str | None = None
    """Links start from this absolute path instead of being relative (the 404 page, which a
    server shows at any depth)."""
    scripts: tuple[str, ...] = field(default=())
    wide: bool = False
    """Use the full width (tables of many columns)."""
    feeds: tuple[FeedLink, ...] = ()
    """Atom feeds linked from the ``<head>``, most specific first."""
    og_type: str = "website"
    """OpenGraph ``og:type``."""
    json_ld: str = ""
    """schema.org JSON-LD, already escaped for a ``<script>`` element (see :mod:`.meta`)."""

    @property
    def file(self) -> str:
        return self.url + "index.html" if self.url.endswith("/") or not self.url else self.url

    def rel(self, to: str) -> str:
        """A link to the site path ``to`` from this page: relative, and naming the
        ``index.html`` of a folder, so that it also works from files (file://), where a
        browser shows a folder's listing instead of its index page."""
        path, mark, rest = to.partition("#") if "#" in to else to.partition("?")
        if path == "" or path.endswith("/"):
            path += "index.html"
        target = path + mark + rest
        if self.root_path is not None:
            return self.root_path + target
        return relative(self.url, target)


def root_path(base_url: str) -> str:
    """The path part of the base URL (``/`` or ``/scrutiny/``), for the 404 page."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"

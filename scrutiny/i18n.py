"""The interface's words in each language: gettext catalogues read with Babel.

The words are written in English (UK) in the code, the templates and the JavaScript, and
translated in ``scrutiny/locale/<lang>/LC_MESSAGES/*.po`` (``site.po``: templates and
JavaScript; ``scrutiny.po``: words built in Python). The catalogues are compiled in memory
when first needed, so no compiled ``.mo`` file is kept in the repository.

What language the words are in is the *current language* of this context (a context
variable, so a page rendered for Welsh and one for English never mix): :func:`use` sets it
for a block; :func:`gettext` (``_``) and :func:`ngettext` read it. Dates are shown in it by
:mod:`scrutiny.dates` through :func:`locale`.
"""

from __future__ import annotations

import contextvars
import io
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAINS = ("site", "scrutiny")
#: The languages the interface is written in; the first is the one of the source.
LANGUAGES = ("en", "cy")
NAMES = {"en": "English", "cy": "Cymraeg"}
"""Each language's name in itself (what a language switch shows)."""

_current: contextvars.ContextVar[str] = contextvars.ContextVar("language", default="en")


def base(tag: str) -> str:
    """The language of a BCP 47 tag ("en-GB" -> "en", "cy" -> "cy")."""
    return tag.split("-")[0].lower()


def supported(tag: str) -> bool:
    return base(tag) in LANGUAGES


@lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """The catalogues of one language (English: the words as written)."""
    lang = base(lang)
    if lang == LANGUAGES[0]:
        return NullTranslations()
    merged = None
    for domain in DOMAINS:
        path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"
        if not path.is_file():
            continue
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang, domain=domain)
        buf = io.BytesIO()
        write_mo(buf, catalog)
        buf.seek(0)
        one = Translations(buf, domain=domain)
        merged = one if merged is None else merged.merge(one)
    return merged or NullTranslations()


def current() -> str:
    """The current language ("en" or "cy")."""
    return _current.get()


@contextmanager
def use(tag: str) -> Iterator[None]:
    """Words and dates in ``tag``'s language inside the block."""
    token = _current.set(base(tag) if supported(tag) else LANGUAGES[0])
    try:
        yield
    finally:
        _current.reset(token)


def gettext(message: str, **values) -> str:
    """``message`` in the current language, with ``%(name)s`` filled from ``values``."""
    text = translations(_current.get()).gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, **values) -> str:
    """The singular or plural form for ``n`` in the current language (Welsh has six)."""
    text = translations(_current.get()).ngettext(singular, plural, n)
    return text % ({"num": n} | values)


_ = gettext


def template_gettext(message: str) -> str:
    """What Jinja's i18n extension calls (it fills in the values itself)."""
    return translations(_current.get()).gettext(message)


def template_ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_current.get()).ngettext(singular, plural, n)


def js_words() -> dict[str, str]:
    """The translations of the theme's JavaScript strings in the current language (the
    catalogue's messages found in ``theme/*.js``), for a page to hand to its scripts;
    English: none (the scripts show their own words)."""
    return dict(_js_words(_current.get()))


@lru_cache(maxsize=None)
def _js_words(lang: str) -> tuple[tuple[str, str], ...]:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "site.po"
    if lang == LANGUAGES[0] or not path.is_file():
        return ()
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain="site")
    return tuple(sorted((m.id, m.string) for m in catalog
                        if m.id and isinstance(m.id, str) and m.string
                        and any(loc.startswith("theme/") and loc.endswith(".js") for loc, _ in m.locations)))


def locale() -> Locale:
    """The Babel locale of the current language (UK English for English)."""
    return _locale(_current.get())


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse("en_GB" if lang == "en" else lang)


def N_(message: str) -> str:
    """Mark a string for the catalogue where it is defined; translate it with ``_`` where it
    is used (a table of words built at import, before any language is chosen)."""
    return message

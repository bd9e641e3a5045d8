"""The translators' tool: keep the catalogues in step with the words in the code.

    python -m scrutiny.translate update [site|scrutiny]   # find every interface string, add new ones to each .po
    python -m scrutiny.translate check    # list every string a catalogue is missing (exit 1)

``update`` extracts the strings (Babel's extractors: Jinja templates, the theme's
JavaScript, the Python code), writes ``scrutiny/locale/<domain>.pot`` and merges it into
``scrutiny/locale/<lang>/LC_MESSAGES/<domain>.po``, keeping every translation already made
(a string whose English changed is new to the catalogue: it has no translation until one is written). ``check``
fails on a string with no translation, a fuzzy one, or one the code no longer has.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from .i18n import LANGUAGES, LOCALE_DIR

PROJECT = LOCALE_DIR.parent.parent

#: Each catalogue: the files its strings come from, with Babel's extraction method.
SOURCES = {
    "site": [("templates/**.j2", "jinja2"), ("theme/**.js", "javascript")],
    "scrutiny": [("scrutiny/**.py", "python")],
}
OPTIONS = {"templates/**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
#: The catalogues' header dates: fixed, so that only a change of words changes a file.
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


def _header(catalog: Catalog) -> Catalog:
    catalog.project, catalog.version, catalog.fuzzy = "scrutiny-publisher", "1", False
    catalog.creation_date = catalog.revision_date = STAMP
    catalog.copyright_holder, catalog.msgid_bugs_address = "", ""
    catalog.last_translator, catalog.language_team = "", ""
    return catalog


def extract(domain: str) -> Catalog:
    """Every string of one catalogue as the code has it now."""
    catalog = Catalog(domain=domain, project="scrutiny-publisher", msgid_bugs_address="",
                      copyright_holder="", fuzzy=False)
    for rel, method in SOURCES[domain]:
        folder = rel.split("/")[0]
        method_map = [(rel.split("/", 1)[1], method)]
        options = {rel.split("/", 1)[1]: OPTIONS.get(rel, {})}
        for filename, lineno, message, comments, context in extract_from_dir(
                PROJECT / folder, method_map, options, keywords=KEYWORDS, strip_comment_tags=True):
            if folder == "scrutiny" and filename.startswith("locale"):
                continue
            catalog.add(message, None, [(f"{folder}/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(lang: str, domain: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def read(lang: str, domain: str) -> Catalog:
    path = po_path(lang, domain)
    if not path.is_file():
        return Catalog(locale=lang, domain=domain)
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=domain)


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False, sort_output=False, include_previous=True)


def update(domains: list[str] | None = None) -> None:
    for domain in domains or SOURCES:
        template = extract(domain)
        _write(LOCALE_DIR / f"{domain}.pot", _header(template))
        for lang in LANGUAGES[1:]:
            catalog = read(lang, domain)
            catalog.update(template, no_fuzzy_matching=True)  # no guessed translations
            catalog.obsolete.clear()
            _write(po_path(lang, domain), _header(catalog))
            print(f"{po_path(lang, domain).relative_to(PROJECT)}: {len(catalog)} strings")


@dataclass(frozen=True)
class Missing:
    lang: str
    domain: str
    message: str
    why: str

    def __str__(self) -> str:
        return f"{po_path(self.lang, self.domain).relative_to(PROJECT)}: {self.message!r} {self.why}"


def _key(message) -> str:
    return message if isinstance(message, str) else message[0]


def check() -> list[Missing]:
    """Every string a catalogue lacks, has not translated, or no longer needs."""
    out: list[Missing] = []
    for domain in SOURCES:
        wanted = {_key(m.id) for m in extract(domain) if m.id}
        for lang in LANGUAGES[1:]:
            catalog = read(lang, domain)
            have = {_key(m.id): m for m in catalog if m.id}
            for message in sorted(wanted - have.keys()):
                out.append(Missing(lang, domain, message, "is not in the catalogue (run: python -m scrutiny.translate update)"))
            for message in sorted(wanted & have.keys()):
                m = have[message]
                strings = m.string if isinstance(m.string, (list, tuple)) else [m.string]
                if not all(strings):
                    out.append(Missing(lang, domain, message, "has no translation"))
                elif m.fuzzy:
                    out.append(Missing(lang, domain, message, "is marked fuzzy: check the translation, then remove the flag"))
            for message in sorted(have.keys() - wanted):
                out.append(Missing(lang, domain, message, "is no longer in the code (run: python -m scrutiny.translate update)"))
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        unknown = [d for d in argv[1:] if d not in SOURCES]
        if unknown:
            print(f"unknown catalogue {unknown[0]!r}: choose from {', '.join(SOURCES)}")
            return 2
        update(argv[1:])
        return 0
    if argv[:1] == ["check"]:
        missing = check()
        for m in missing:
            print(m)
        print(f"{len(missing)} problems" if missing else "every catalogue is complete")
        return 1 if missing else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

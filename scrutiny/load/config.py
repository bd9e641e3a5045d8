"""Load ``site_config.yaml`` into :class:`scrutiny.model.SiteConfig`."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from ..colour import contrast_problems
from ..exporters import REGISTRY
from ..model import Brand, Committee, Contact, Council, Person, SiteConfig, Term, Vocabulary
from ..i18n import N_
from ..problems import Problems, did_you_mean
from .forms import (base_url_problem, colour_problem, control_character, email_problem, finite,
                    phone_problem, web_address_problem)
from .images import ImageError, read_logo
from .sitewords import read_languages, read_site_words
from .textfile import read_text
from .yamlread import Fields, compose, describe, line_of, scalar_value

ALL_FORMATS = tuple(f.id for f in REGISTRY)
DEFAULT_LANGUAGE = "en-GB"
BRAND_COLOURS = {"primary": "#1d4f91", "text": "#0b0c0c", "background": "#ffffff", "link": "#1d4f91", "focus": "#ffdd00"}
LARGE_PRINT_PT = (16, 48)
"""The large-print body size allowed, in points (RNIB: 16 at least; above 48 a line no
longer holds a few words on an A4 page)."""

DEFAULT_DECISIONS = (
    Term("accepted", N_("Accepted")),
    Term("partially-accepted", N_("Partially accepted")),
    Term("accepted-in-principle", N_("Accepted in principle")),
    Term("rejected", N_("Rejected"), closed=True, needs_reason=True),
    Term("noted", N_("Noted"), closed=True),
)
DEFAULT_STATUSES = (
    Term("complete", N_("Complete"), closed=True, implemented=True),
    Term("on-track", N_("On track")),
    Term("behind-schedule", N_("Behind schedule")),
    Term("not-started", N_("Not started")),
    Term("not-implemented", N_("Not implemented"), closed=True, implemented=False),
    Term("superseded", N_("Superseded"), closed=True),
)


def today() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def load_config(root: Path, problems: Problems, name: str = "site_config.yaml") -> SiteConfig | None:
    rel = name
    text = _read_config(root, root / name, rel, problems)
    if text is None:
        return None
    node = compose(rel, text, problems)
    if node is None:
        return None
    top = ConfigFields(node, rel, problems, "site_config", "site_config.yaml")

    site = top.sub("site", "site", required=True) or ConfigFields(None, rel, problems, "site")
    title = site.text("title", required=True)
    publisher = site.text("publisher", required=True)
    base_url = _base_url(site)
    language, languages = read_languages(site, DEFAULT_LANGUAGE)
    as_of_node = site.node("as_of")
    as_of = today() if as_of_node is None or site.text("as_of") == "today" else site.day("as_of")
    response_months = _months(site, "response_months", 2)
    site.finish()

    contact = _contact(top.sub("contact", "contact", required=True) or ConfigFields(None, rel, problems, "contact"))
    brand = _brand(root, top.sub("brand", "brand") or ConfigFields(None, rel, problems, "brand"))

    default = Vocabulary("default", _terms(top, "decisions", DEFAULT_DECISIONS, problems, rel),
                         _terms(top, "statuses", DEFAULT_STATUSES, problems, rel))
    vocabularies = [default]
    for item in top.items("vocabularies"):
        v = ConfigFields(item, rel, problems, "vocabulary", "a vocabulary")
        vid = v.slug("id", required=True)
        if vid in {x.id for x in vocabularies}:
            v.problem(v.line, f'vocabulary id "{vid}" is used twice', "give each vocabulary its own id (\"default\" is the site's)")
        elif vid:
            vocabularies.append(Vocabulary(vid, _terms(v, "decisions", default.decisions, problems, rel),
                                           _terms(v, "statuses", default.statuses, problems, rel)))
        v.finish()
    vocabulary_ids = [x.id for x in vocabularies]

    committees = []
    seen: set[str] = set()
    for item in top.items("committees", required=True):
        f = ConfigFields(item, rel, problems, "committee", "a committee")
        cid = f.slug("id", required=True)
        if cid in seen:
            f.problem(f.line, f'committee id "{cid}" is used twice', "give each committee its own id")
        seen.add(cid)
        own_contact = f.sub("contact", "contact")
        committees.append(Committee(
            cid, f.text("name", required=True), f.text("council", required=True), f.source(),
            vocabulary=f.choice("vocabulary", vocabulary_ids, default="default", noun="vocabulary",
                                where="vocabularies are listed under `vocabularies:` in site_config.yaml"),
            response_months=_months(f, "response_months", response_months),
            contact=_contact(own_contact) if own_contact else None,
            chair=f.text("chair"),
            members=tuple(m for node in f.items("members") if (m := _member(node, f))),
            membership_as_of=f.known("membership_as_of"),
            membership_source=f.text("membership_source"),
            remit=f.text("remit"),
            url=_web_address(f, "url")))
        f.finish()

    councils = _councils(top, {c.council for c in committees}, problems, rel)
    formats = _formats(top)

    lp = top.sub("large_print", "large_print") or ConfigFields(None, rel, problems, "large_print")
    size = _font_size(lp, "font_size_pt", 18)
    lp.finish()
    words = read_site_words(top, ConfigFields, languages, title, publisher, contact, brand, committees,
                            vocabularies, DEFAULT_DECISIONS + DEFAULT_STATUSES, problems, rel)
    top.finish()
    return SiteConfig(title, publisher, base_url, language, as_of or today(), contact, brand,
                      tuple(committees), tuple(vocabularies), formats, float(size), councils,
                      languages=languages, words=words)


def _read_config(root: Path, path: Path, rel: str, problems: Problems) -> str | None:
    """The text of ``site_config.yaml``, or None with a problem: missing, a link out of the
    project, not a file, or unreadable (too big, not UTF-8: :func:`.textfile.read_text`)."""
    if not path.exists() and not path.is_symlink():
        problems.add(rel, 0, "the site configuration is missing", f"create {rel} (see README.md)")
        return None
    if not path.resolve().is_relative_to(root.resolve()):
        problems.add(rel, 0, "the site configuration is a symbolic link to a file outside the project folder",
                     f"replace the link with the file itself ({path.resolve()})")
        return None
    if not path.is_file():
        problems.add(rel, 0, "the site configuration is not a file", f"{rel} must be a YAML file, not a folder")
        return None
    return read_text(path, rel, problems, controls=False)  # compose checks the raw text's controls


class ConfigFields(Fields):
    """Fields of ``site_config.yaml``, where every value reaches pages, file names, links
    and metadata: text is what the author wrote (a number YAML would rewrite, such as
    ``0123`` or ``1.10``, must be quoted), on one line except for the fields that are
    paragraphs, and free of control characters."""

    MULTILINE = frozenset({"address", "footer", "remit", "meaning"})
    MAX_CHARS = 500
    """The longest one-line value (a title, a name, an address)."""
    MAX_TEXT = 20_000
    """The longest paragraph value (a remit, a footer)."""

    def text(self, key: str, required: bool = False, default: str = "", hint: str = "") -> str:
        node = self.node(key, required, hint)
        if node is None:
            return default
        if not isinstance(node, ScalarNode):
            self.problem(line_of(node), f'"{key}" should be text, found {describe(node)}')
            return default
        value = self.as_text(key, node)
        if value is None:
            return default
        if required and not value:
            self.problem(line_of(node), f'"{key}" of {self.what} is empty', hint or f"write it after `{key}:`")
            return default
        return value

    def as_text(self, key: str, node: ScalarNode) -> str | None:
        """The text of a scalar, or None with a problem at its line."""
        value = scalar_value(node)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and str(value) != node.value:
            self.problem(line_of(node), f'"{key}" should be text, found {node.value}, which YAML reads as the number {value}',
                         f'put it in quotes: {key}: "{node.value}"')
            return None
        text = (value if isinstance(value, str) else node.value).strip()
        multiline = key in self.MULTILINE
        bad = control_character(text, newlines=multiline)
        if bad:
            fix = "write it on one line" if bad == "a line break" else "delete it: most editors do not show it"
            self.problem(line_of(node), f'"{key}" contains {bad}', fix)
            return None
        limit = self.MAX_TEXT if multiline else self.MAX_CHARS
        if len(text) > limit:
            self.problem(line_of(node), f'"{key}" is {len(text):,} characters long, more than {limit:,}', "shorten it")
            return None
        return text

    def line_at(self, key: str) -> int:
        return line_of(self.values[key][1]) if key in self.values else self.line

    def sub(self, key: str, record: str, required: bool = False) -> "ConfigFields | None":
        node = self.node(key, required)
        if node is None:
            return None
        return ConfigFields(node, self.path, self.problems, record, f'"{key}"')


def _base_url(site: ConfigFields) -> str:
    """``site.base_url``: an absolute http(s) address or a path from the server's root,
    ending in ``/`` (``/`` when missing or unusable)."""
    value = site.text("base_url", default="/")
    problem = base_url_problem(value)
    if problem:
        site.problem(site.line_at("base_url"), f'"base_url" "{value}" {problem}',
                     "give the address the site is published at, starting https:// (e.g. "
                     "https://scrutiny.example.gov.uk/), or a path from the server's root such as /scrutiny/")
        return "/"
    return value if value.endswith("/") else value + "/"


def _brand(root: Path, f: ConfigFields) -> Brand:
    colours = {}
    for key, default in BRAND_COLOURS.items():
        value = f.text(key, default=default)
        if colour_problem(value):
            f.problem(f.line_at(key), f'brand colour {key} "{value}" is not a hex colour', 'write it like "#1d4f91"')
            value = ""
        colours[key] = value
    brand = Brand(logo=_logo(root, f), footer=f.text("footer"), **colours)
    if all(colours.values()):
        for message, hint in contrast_problems(brand):
            f.problem(f.line, message, hint)
    f.finish()
    return brand


def _logo(root: Path, f: ConfigFields) -> str:
    """``brand.logo``: a path inside the project to an image of an allowed type (see
    :func:`scrutiny.load.images.read_logo`), or "" with a problem."""
    value = f.text("logo")
    if not value:
        return ""
    try:
        read_logo(root, value)
    except ImageError as exc:
        f.problem(f.line_at("logo"), exc.message, exc.hint)
        return ""
    return value


def _formats(top: ConfigFields) -> tuple[str, ...]:
    """``formats``: ids from the format registry, each once (all of them when left out)."""
    if top.node("formats") is None:
        return ALL_FORMATS
    out: list[str] = []
    for item in top.items("formats"):
        if not isinstance(item, ScalarNode):
            top.problem(line_of(item), f"a format should be a format id, found {describe(item)}",
                        "write the list like `formats: [data, txt, pdf]`")
            continue
        fmt = top.as_text("formats", item)
        if fmt is None:
            continue
        if fmt not in ALL_FORMATS:
            top.problem(line_of(item), f'unknown format "{fmt}"', did_you_mean(fmt, ALL_FORMATS))
        elif fmt in out:
            top.problem(line_of(item), f'format "{fmt}" is listed twice', "list each format once")
        else:
            out.append(fmt)
    return tuple(out)


def _font_size(f: ConfigFields, key: str, default: float) -> float:
    """The large-print body size in points: a finite number from 16 to 48."""
    value = f.number(key, default)
    if not finite(value) or not LARGE_PRINT_PT[0] <= value <= LARGE_PRINT_PT[1]:
        f.problem(f.line_at(key), f"large print {key} is {value}",
                  f"give a size from {LARGE_PRINT_PT[0]} to {LARGE_PRINT_PT[1]} pt: large print is never under 16 pt; 18 is usual")
        return default
    return value


def _councils(top: Fields, named: set[str], problems: Problems, rel: str) -> tuple[Council, ...]:
    """``councils:``: details of each council the site publishes for, by the name its
    committees give in ``council``."""
    out: list[Council] = []
    for item in top.items("councils"):
        f = ConfigFields(item, rel, problems, "council", "a council")
        name = f.text("name", required=True)
        if name and any(c.name == name for c in out):
            f.problem(f.line, f'council "{name}" is listed twice', "list each council once under `councils:`")
        elif name and name not in named and (hint := did_you_mean(name, sorted(named))):
            f.problem(f.line, f'no committee belongs to council "{name}"', hint)
        own = f.sub("contact", "contact")
        if name:
            out.append(Council(name, _contact(own) if own else None, f.source()))
        f.finish()
    return tuple(out)


def _contact(f: ConfigFields) -> Contact:
    """How to ask for another format: the email address and telephone number become
    ``mailto:`` and ``tel:`` links, so each must be one."""
    contact = Contact(team=f.text("team", required=True), address=f.text("address", required=True),
                      email=f.text("email", required=True), phone=f.text("phone", required=True))
    if contact.email and (problem := email_problem(contact.email)):
        f.problem(f.line_at("email"), f'"email" "{contact.email}" {problem}', "write one address, e.g. scrutiny@example.gov.uk")
        contact = Contact(contact.team, contact.address, "", contact.phone)
    if contact.phone and (problem := phone_problem(contact.phone)):
        f.problem(f.line_at("phone"), f'"phone" "{contact.phone}" {problem}',
                  'write one number of digits, spaces and + ( ) - only, in quotes, e.g. "01905 766916" or "+44 1905 766916"')
        contact = Contact(contact.team, contact.address, contact.email, "")
    f.finish()
    return contact


def _member(node: Node, f: ConfigFields) -> Person | None:
    """A committee member: a name, or ``{name, role}``."""
    if isinstance(node, ScalarNode):
        value = f.as_text("members", node) if scalar_value(node) is not None else None
        return Person(value) if value else None
    if not isinstance(node, MappingNode):
        f.problem(line_of(node), f'a committee member is {describe(node)}', "write a name, or `{name: ..., role: ...}`")
        return None
    m = ConfigFields(node, f.path, f.problems, "committee_member", "a committee member")
    found = Person(m.text("name", required=True), m.text("role"))
    m.finish()
    return found if found.name else None


def _web_address(f: ConfigFields, key: str) -> str:
    """An absolute http(s) address, or "" (with a problem at its line when it is not one)."""
    value = f.text(key)
    if not value:
        return ""
    if web_address_problem(value):
        f.problem(f.line_at(key), f'committee "{key}" "{value}" is not an absolute http(s) address',
                  "give the full address of the council's page, starting https:// (e.g. "
                  "https://www.example.gov.uk/scrutiny), or leave it out")
        return ""
    return value


def _months(f: ConfigFields, key: str, default: int) -> int:
    value = f.number(key, default)
    if not finite(value) or value != int(value) or not 1 <= value <= 24:
        f.problem(f.line_at(key), f'"{key}" is {value}', "give whole months from 1 to 24 (2 is the rule in England)")
        return default
    return int(value)


def _terms(top: ConfigFields, key: str, default: tuple[Term, ...], problems: Problems, rel: str) -> tuple[Term, ...]:
    if top.node(key) is None:
        return default
    terms = []
    for item in top.items(key):
        f = ConfigFields(item, rel, problems, "term", f"an entry of {key}")
        tid = f.slug("id", required=True)
        if tid in {t.id for t in terms}:
            f.problem(f.line, f'{key} lists "{tid}" twice', "give each term its own id")
        closed = f.boolean("closed", False)
        implemented_node = f.node("implemented")
        term = Term(tid, f.text("label", required=True), closed,
                    meaning=f.text("meaning"), code=f.text("code"),
                    needs_revised_target=f.boolean("needs_revised_target", False),
                    needs_reason=f.boolean("needs_reason", False),
                    needs_sign_off=f.boolean("needs_sign_off", False),
                    implemented=f.boolean("implemented", False) if implemented_node is not None else None)
        if term.needs_sign_off and not closed:
            f.problem(f.line, f'"{tid}" needs sign-off but is not closed', "sign-off is for closed statuses: add `closed: true`")
        terms.append(term)
        f.finish()
    if not terms:
        problems.add(rel, line_of(top.values[key][1]), f"{key} is empty", f"list at least one, or delete {key} to use the defaults")
    return tuple(terms)

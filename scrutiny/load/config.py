"""Load ``site_config.yaml`` into :class:`scrutiny.model.SiteConfig`."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from yaml.nodes import MappingNode, Node, ScalarNode

from ..colour import contrast_problems
from ..model import Brand, Committee, Contact, Council, Person, SiteConfig, Term, Vocabulary
from ..problems import Problems, did_you_mean
from .yamlread import Fields, compose, describe, line_of, scalar_value

from ..exporters import REGISTRY

ALL_FORMATS = tuple(f.id for f in REGISTRY)

DEFAULT_DECISIONS = (
    Term("accepted", "Accepted"),
    Term("partially-accepted", "Partially accepted"),
    Term("accepted-in-principle", "Accepted in principle"),
    Term("rejected", "Rejected", closed=True, needs_reason=True),
    Term("noted", "Noted", closed=True),
)
DEFAULT_STATUSES = (
    Term("complete", "Complete", closed=True, implemented=True),
    Term("on-track", "On track"),
    Term("behind-schedule", "Behind schedule"),
    Term("not-started", "Not started"),
    Term("not-implemented", "Not implemented", closed=True, implemented=False),
    Term("superseded", "Superseded", closed=True),
)


def today() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def load_config(root: Path, problems: Problems, name: str = "site_config.yaml") -> SiteConfig | None:
    path = root / name
    rel = name
    if not path.exists():
        problems.add(rel, 0, "the site configuration is missing", f"create {name} (see README.md)")
        return None
    node = compose(rel, path.read_text(encoding="utf-8"), problems)
    if node is None:
        return None
    top = Fields(node, rel, problems, "site_config", "site_config.yaml")

    site = top.sub("site", "site", required=True) or Fields(None, rel, problems, "site")
    title = site.text("title", required=True)
    publisher = site.text("publisher", required=True)
    base_url = site.text("base_url", default="/")
    if not base_url.endswith("/"):
        base_url += "/"
    language = site.text("language", default="en-GB")
    as_of_node = site.node("as_of")
    as_of = today() if as_of_node is None or site.text("as_of") == "today" else site.day("as_of")
    response_months = _months(site, "response_months", 2)
    site.finish()

    contact = _contact(top.sub("contact", "contact", required=True) or Fields(None, rel, problems, "contact"))

    brand_f = top.sub("brand", "brand") or Fields(None, rel, problems, "brand")
    brand = Brand(
        primary=brand_f.text("primary", default="#1d4f91"),
        text=brand_f.text("text", default="#0b0c0c"),
        background=brand_f.text("background", default="#ffffff"),
        link=brand_f.text("link", default="#1d4f91"),
        focus=brand_f.text("focus", default="#ffdd00"),
        logo=brand_f.text("logo"),
        footer=brand_f.text("footer"),
    )
    for message, hint in contrast_problems(brand):
        problems.add(rel, brand_f.line, message, hint)
    if brand.logo and not (root / brand.logo).is_file():
        problems.add(rel, brand_f.line, f'logo "{brand.logo}" does not exist', "give a path relative to the project root")
    brand_f.finish()

    default = Vocabulary("default", _terms(top, "decisions", DEFAULT_DECISIONS, problems, rel),
                         _terms(top, "statuses", DEFAULT_STATUSES, problems, rel))
    vocabularies = [default]
    for item in top.items("vocabularies"):
        v = Fields(item, rel, problems, "vocabulary", "a vocabulary")
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
        f = Fields(item, rel, problems, "committee", "a committee")
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

    formats = top.strings("formats") if top.node("formats") is not None else ALL_FORMATS
    for fmt in formats:
        if fmt not in ALL_FORMATS:
            problems.add(rel, line_of(top.values["formats"][1]), f'unknown format "{fmt}"', did_you_mean(fmt, ALL_FORMATS))

    lp = top.sub("large_print", "large_print") or Fields(None, rel, problems, "large_print")
    size = lp.number("font_size_pt", 18)
    if size < 16:
        problems.add(rel, lp.line, f"large print font_size_pt is {size}", "large print is never under 16 pt; 18 is usual")
    lp.finish()
    top.finish()
    return SiteConfig(title, publisher, base_url, language, as_of or today(), contact, brand,
                      tuple(committees), tuple(vocabularies),
                      tuple(f for f in formats if f in ALL_FORMATS), float(size), councils)


def _councils(top: Fields, named: set[str], problems: Problems, rel: str) -> tuple[Council, ...]:
    """``councils:``: details of each council the site publishes for, by the name its
    committees give in ``council``."""
    out: list[Council] = []
    for item in top.items("councils"):
        f = Fields(item, rel, problems, "council", "a council")
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


def _contact(f: Fields) -> Contact:
    contact = Contact(team=f.text("team", required=True), address=f.text("address", required=True),
                      email=f.text("email", required=True), phone=f.text("phone", required=True))
    f.finish()
    return contact


def _member(node: Node, f: Fields) -> Person | None:
    """A committee member: a name, or ``{name, role}``."""
    if isinstance(node, ScalarNode):
        value = scalar_value(node)
        return Person(str(value).strip()) if value not in (None, "") else None
    if not isinstance(node, MappingNode):
        f.problem(line_of(node), f'a committee member is {describe(node)}', "write a name, or `{name: ..., role: ...}`")
        return None
    m = Fields(node, f.path, f.problems, "committee_member", "a committee member")
    found = Person(m.text("name", required=True), m.text("role"))
    m.finish()
    return found if found.name else None


def _web_address(f: Fields, key: str) -> str:
    """An absolute http(s) address, or "" (with a problem at its line when it is not one)."""
    value = f.text(key)
    if not value:
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s<>\"'`\\]", value):
        f.problem(line_of(f.values[key][1]), f'committee "{key}" "{value}" is not an absolute http(s) address',
                  "give the full address of the council's page, starting https:// (e.g. "
                  "https://www.example.gov.uk/scrutiny), or leave it out")
        return ""
    return value


def _months(f: Fields, key: str, default: int) -> int:
    value = f.number(key, default)
    if value != int(value) or not 1 <= value <= 24:
        f.problem(f.line, f'"{key}" is {value}', "give whole months from 1 to 24 (2 is the rule in England)")
        return default
    return int(value)


def _terms(top: Fields, key: str, default: tuple[Term, ...], problems: Problems, rel: str) -> tuple[Term, ...]:
    if top.node(key) is None:
        return default
    terms = []
    for item in top.items(key):
        f = Fields(item, rel, problems, "term", f"an entry of {key}")
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

"""A whole report as parts of plain blocks: cover, contents, sections, recommendations with
their responses and status, schedule of activity, glossary and how to ask for another format.

The plain-text file, the Braille file and the audio tracks are all laid out from these
parts, so they say the same things in the same order as the web page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import long_date
from ..i18n import N_, _
from ..exporters import REGISTRY
from ..model import Person, Recommendation, Report, Update
from ..publication import Publication
from ..urls import absolute, recommendation_url, report_url
from .facts import decision_text, status_text, target_text, update_details, update_line
from .text import Block, Table, TextRenderer, heading, para, rec_label, spell


@dataclass(frozen=True)
class Part:
    """A titled part of the report (an audio track reads one or a few of them)."""

    slug: str
    title: str
    blocks: tuple[Block, ...]


def and_list(items: list[str]) -> str:
    """ "a, b and c" in the current language."""
    if len(items) == 1:
        return items[0]
    return _("%(items)s and %(last)s", items=", ".join(items[:-1]), last=items[-1])


class ReportText:
    """Builds the parts of one report for one edition ("plain text", "braille", "audio")."""

    def __init__(self, pub: Publication, report: Report, edition: str, speech: bool = False):
        self.pub = pub
        self.report = report
        self.edition = edition
        self.speech = speech
        self.r = TextRenderer(pub, report, speech)

    def parts(self) -> list[Part]:
        """Every part in reading order, built in that order (speech expands an abbreviation
        on its first use in a part); the contents, in print only, list the parts after it."""
        cover = self.cover()
        body = [self.about()] + [self.section(s.slug) for s in self.report.sections]
        body += [self.recommendations(), self.activity(), self.glossary(), self.formats()]
        body = [p for p in body if p.blocks]
        return [cover] + ([] if self.speech else [self.contents(body)]) + body

    def _part(self, slug: str, title: str, blocks: list[Block], level: int = 2) -> Part:
        return Part(slug, title, tuple([heading(title, level)] + blocks) if blocks else ())

    # --- cover ---------------------------------------------------------------------

    def cover(self) -> Part:
        self.r.new_part()
        rep, config = self.report, self.pub.config
        committee = config.committee(rep.committee)
        blocks = [heading(rep.title, 1), para(rep.council or committee.council),
                  para(committee.name, tight=True), para(rep.kind_label, tight=True)]
        if rep.code and not self.speech:
            blocks.append(para(rep.code, _("Reference: "), tight=True))
        blocks += self._dates() + self._people()
        if rep.summary:
            blocks.append(para(rep.summary))
        blocks += self._edition_note()
        return Part("cover", rep.title, tuple(blocks))

    def _dates(self) -> list[Block]:
        rep = self.report
        rows = [(_("Started: "), rep.started), (_("Published: "), rep.published),
                (_("Sent to the executive: "), rep.sent_to_executive)]
        out = [para(long_date(day), label, tight=True) for label, day in rows if day]
        if rep.executive_response:
            er = rep.executive_response
            out.append(para(f"{er.meeting}, {long_date(er.date)}" if er.date else er.meeting, _("Executive response: "),
                            tight=True))
        if out:
            out[0] = Block("para", out[0].text, marker=out[0].marker)
        return out

    def _people(self) -> list[Block]:
        rep = self.report
        groups = [(_("Lead member:"), [rep.lead_member] if rep.lead_member else []),
                  (_("Members:"), list(rep.members)), (_("Co-opted members:"), list(rep.co_opted_members)),
                  (_("Officer support:"), list(rep.officers))]
        out: list[Block] = []
        for title, people in groups:
            if people:
                out.append(para(title, tight=bool(out)))
                out += [para(self._person(p), "- ", indent=1, tight=True) for p in people]
        return out

    def _person(self, person: Person) -> str:
        text = str(person)
        if not self.speech:
            return text
        return text.replace("Cllr ", _("Councillor") + " ").replace("Cyng ", _("Councillor") + " ")

    def _edition_note(self) -> list[Block]:
        as_of = _("The status of each recommendation is given as of %(day)s.", day=long_date(self.pub.config.as_of))
        if self.speech:
            return [para(_("This is the audio edition of the report, read by a computer voice. %(as_of)s", as_of=as_of))]
        url = absolute(self.pub.config, report_url(self.report.id))
        made = {"plain text": _("This plain text edition was made from the report's web page:"),
                "braille": _("This braille edition was made from the report's web page:")}.get(
                    self.edition, _("This edition was made from the report's web page:"))
        return [para(made), para(url, tight=True), para(as_of)]

    # --- contents, about, sections ---------------------------------------------------

    def contents(self, parts: list[Part]) -> Part:
        sections = {s.slug for s in self.report.sections}
        items = [p.title + (self._paragraph_range(p.slug) if p.slug in sections else "") for p in parts]
        blocks = [para(t, f"{n}. ", tight=n > 1) for n, t in enumerate(items, start=1)]
        return self._part("contents", _("Contents"), blocks)

    def _paragraph_range(self, slug: str) -> str:
        numbers = [t.meta["number"] for t in self.pub.section_tokens(self.report, slug)
                   if t.type == "paragraph_open" and (t.meta or {}).get("number")]
        if not numbers:
            return ""
        if len(numbers) == 1:
            return " " + _("(paragraph %(n)s)", n=numbers[0])
        return " " + _("(paragraphs %(first)s to %(last)s)", first=numbers[0], last=numbers[-1])

    def about(self) -> Part:
        blocks: list[Block] = []
        for title, md in ((_("Terms of reference"), self.report.terms_of_reference),
                          (_("Methodology"), self.report.methodology)):
            if md:
                blocks.append(heading(title, 3))
                blocks += self.r.blocks(self.pub.tokens(md))
        return self._part("about", _("About the review"), blocks)

    def section(self, slug: str) -> Part:
        self.r.new_part()
        section = next(s for s in self.report.sections if s.slug == slug)
        return self._part(slug, section.title, self.r.blocks(self.pub.section_tokens(self.report, slug)))

    # --- recommendations ------------------------------------------------------------------

    def recommendations(self) -> Part:
        self.r.new_part()
        blocks: list[Block] = []
        er = self.report.executive_response
        if er:
            by = er.decision_maker if er.decision_maker and er.decision_maker != er.meeting else ""
            values = {"by": by, "meeting": er.meeting, "day": long_date(er.date) if er.date else ""}
            blocks.append(para(
                _("The executive's response was agreed by %(by)s at %(meeting)s on %(day)s.", **values) if by and er.date
                else _("The executive's response was agreed by %(by)s at %(meeting)s.", **values) if by
                else _("The executive's response was agreed at %(meeting)s on %(day)s.", **values) if er.date
                else _("The executive's response was agreed at %(meeting)s.", **values)))
            for label, value in ((_("Cabinet member: "), er.cabinet_member), (_("Prepared by: "), er.prepared_by)):
                if value:
                    blocks.append(para(value, label, tight=True))
        for rec in self.report.recommendations:
            blocks += self.recommendation(rec)
        return self._part("recommendations", _part_title("recommendations"), blocks)

    def recommendation(self, rec: Recommendation) -> list[Block]:
        title = rec_label(rec.number, self.speech) + (f": {rec.theme}" if rec.theme else "")
        blocks = [heading(title, 3)]
        if rec.stem:
            blocks += self.r.blocks(self.pub.tokens(rec.stem))
        blocks += self.r.blocks(self.pub.tokens(rec.text))
        for label, value in ((_("Addressed to: "), rec.addressed_to), (_("Priority: "), rec.priority),
                             (_("Lead officers: "), "; ".join(self._person(p) for p in rec.lead_officers))):
            if value:
                blocks.append(para(value, label, tight=True))
        if rec.follows_from:
            numbers = and_list([str(n) for n in rec.follows_from])
            blocks.append(para(_("It follows from paragraph %(numbers)s.", numbers=numbers) if len(rec.follows_from) == 1
                               else _("It follows from paragraphs %(numbers)s.", numbers=numbers)))
        blocks += self._response(rec) + self._status(rec)
        if not self.speech:
            url = absolute(self.pub.config, recommendation_url(self.report.id, rec.number))
            blocks.append(para(url, _("Web page: ")))
        return blocks

    def _response(self, rec: Recommendation) -> list[Block]:
        standing = self.pub.standing(self.report, rec)
        resp = rec.response
        blocks = [para(decision_text(rec, self.report, standing) + ".", _("Response: "))]
        if resp is None:
            return blocks
        if resp.text:
            blocks += self.r.blocks(self.pub.tokens(resp.text), indent=1)
        for action in resp.actions:
            blocks.append(para(action.text, _("Action: "), indent=1))
            owners = "; ".join(self._person(p) for p in action.owners)
            if owners:
                blocks.append(para(owners, _("Owner: ") if len(action.owners) == 1 else _("Owners: "), 2, tight=True))
            target = action.target.display + ("" if action.target.due_known else f" ({action.target.due_words})")
            blocks.append(para(target, _("Target: "), indent=2, tight=True))
        return blocks

    def _status(self, rec: Recommendation) -> list[Block]:
        s = self.pub.standing(self.report, rec)
        blocks = [para(status_text(s), _("Status on %(day)s: ", day=long_date(self.pub.config.as_of)))]
        if s.target and s.slipped:
            blocks.append(para(target_text(s) + ".", _("Current target: "), tight=True))
        if rec.updates:
            blocks.append(para(_("Progress updates:")))
            blocks += [para(self._update(u), "- ", indent=1, tight=True) for u in rec.updates]
        return blocks

    def _update(self, update: Update) -> str:
        text = update_line(update)
        if update.note:
            text += " " + " ".join(b.text for b in self.r.blocks(self.pub.tokens(update.note)))
        return " ".join([text] + update_details(update))

    # --- appendices ---------------------------------------------------------------------

    def activity(self) -> Part:
        rows = tuple((long_date(a.date), a.event) for a in self.report.activity)
        blocks = [Block("table", table=Table("", (_("Date"), _("Activity")), rows))] if rows else []
        return self._part("activity", _part_title("activity"), blocks)

    def glossary(self) -> Part:
        blocks = []
        for entry in self.report.glossary:
            term = spell(entry.term) if self.speech else entry.term
            blocks.append(para(f"{term}: {entry.definition}"))
        return self._part("glossary", _part_title("glossary"), blocks)

    def formats(self) -> Part:
        config = self.pub.config
        labels = [_(f.label) for f in REGISTRY if f.id in config.formats and f.id != "data"]
        contact = config.contact_for(self.report.committee, self.report.council)
        blocks = [] if self.speech else [para(_("This report's web page:")),
                                         para(absolute(config, report_url(self.report.id)), tight=True)]
        if labels:
            blocks.append(para(_("This report is also published in these formats: %(formats)s.",
                                 formats=and_list(labels))))
        blocks.append(para(_("To ask for it in another format or language, such as large print, audio, "
                             "Braille or a Word document, contact:")))
        lines = [contact.team, contact.address, contact.phone and _("Telephone: %(phone)s", phone=contact.phone),
                 contact.email and _("Email: %(email)s", email=contact.email)]
        blocks += [para(line, indent=1, tight=True) for line in lines if line]
        return self._part("formats", _part_title("formats"), blocks)


def _part_title(key: str) -> str:
    return _(_PART_TITLES[key])


_PART_TITLES = {
    "recommendations": N_("Recommendations and responses"),
    "activity": N_("Schedule of activity"),
    "glossary": N_("Glossary"),
    "formats": N_("Other formats and languages"),
}



"""A whole report as parts of plain blocks: cover, contents, sections, recommendations with
their responses and status, schedule of activity, glossary and how to ask for another format.

The plain-text file, the Braille file and the audio tracks are all laid out from these
parts, so they say the same things in the same order as the web page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import long_date
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
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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
            blocks.append(para(rep.code, "Reference: ", tight=True))
        blocks += self._dates() + self._people()
        if rep.summary:
            blocks.append(para(rep.summary))
        blocks += self._edition_note()
        return Part("cover", rep.title, tuple(blocks))

    def _dates(self) -> list[Block]:
        rep = self.report
        rows = [("Started: ", rep.started), ("Published: ", rep.published),
                ("Sent to the executive: ", rep.sent_to_executive)]
        out = [para(long_date(day), label, tight=True) for label, day in rows if day]
        if rep.executive_response:
            er = rep.executive_response
            out.append(para(f"{er.meeting}, {long_date(er.date)}" if er.date else er.meeting, "Executive response: ", tight=True))
        if out:
            out[0] = Block("para", out[0].text, marker=out[0].marker)
        return out

    def _people(self) -> list[Block]:
        rep = self.report
        groups = [("Lead member", [rep.lead_member] if rep.lead_member else []),
                  ("Members", list(rep.members)), ("Co-opted members", list(rep.co_opted_members)),
                  ("Officer support", list(rep.officers))]
        out: list[Block] = []
        for title, people in groups:
            if people:
                out.append(para(f"{title}:", tight=bool(out)))
                out += [para(self._person(p), "- ", indent=1, tight=True) for p in people]
        return out

    def _person(self, person: Person) -> str:
        text = str(person)
        return text.replace("Cllr ", "Councillor ") if self.speech else text

    def _edition_note(self) -> list[Block]:
        as_of = f"The status of each recommendation is given as of {long_date(self.pub.config.as_of)}."
        if self.speech:
            return [para(f"This is the audio edition of the report, read by a computer voice. {as_of}")]
        url = absolute(self.pub.config, report_url(self.report.id))
        return [para(f"This {self.edition} edition was made from the report's web page:"),
                para(url, tight=True), para(as_of)]

    # --- contents, about, sections ---------------------------------------------------

    def contents(self, parts: list[Part]) -> Part:
        sections = {s.slug for s in self.report.sections}
        items = [p.title + (self._paragraph_range(p.slug) if p.slug in sections else "") for p in parts]
        blocks = [para(t, f"{n}. ", tight=n > 1) for n, t in enumerate(items, start=1)]
        return self._part("contents", "Contents", blocks)

    def _paragraph_range(self, slug: str) -> str:
        numbers = [t.meta["number"] for t in self.pub.section_tokens(self.report, slug)
                   if t.type == "paragraph_open" and (t.meta or {}).get("number")]
        if not numbers:
            return ""
        if len(numbers) == 1:
            return f" (paragraph {numbers[0]})"
        return f" (paragraphs {numbers[0]} to {numbers[-1]})"

    def about(self) -> Part:
        blocks: list[Block] = []
        for title, md in (("Terms of reference", self.report.terms_of_reference),
                          ("Methodology", self.report.methodology)):
            if md:
                blocks.append(heading(title, 3))
                blocks += self.r.blocks(self.pub.tokens(md))
        return self._part("about", "About the review", blocks)

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
            by = f" by {er.decision_maker}" if er.decision_maker and er.decision_maker != er.meeting else ""
            when = f" on {long_date(er.date)}" if er.date else ""
            blocks.append(para(f"The executive's response was agreed{by} at {er.meeting}{when}."))
            for label, value in (("Cabinet member: ", er.cabinet_member), ("Prepared by: ", er.prepared_by)):
                if value:
                    blocks.append(para(value, label, tight=True))
        for rec in self.report.recommendations:
            blocks += self.recommendation(rec)
        return self._part("recommendations", _PART_TITLES["recommendations"], blocks)

    def recommendation(self, rec: Recommendation) -> list[Block]:
        title = rec_label(rec.number, self.speech) + (f": {rec.theme}" if rec.theme else "")
        blocks = [heading(title, 3)]
        if rec.stem:
            blocks += self.r.blocks(self.pub.tokens(rec.stem))
        blocks += self.r.blocks(self.pub.tokens(rec.text))
        for label, value in (("Addressed to: ", rec.addressed_to), ("Priority: ", rec.priority),
                             ("Lead officers: ", "; ".join(self._person(p) for p in rec.lead_officers))):
            if value:
                blocks.append(para(value, label, tight=True))
        if rec.follows_from:
            word = "paragraph" if len(rec.follows_from) == 1 else "paragraphs"
            blocks.append(para(f"It follows from {word} {and_list([str(n) for n in rec.follows_from])}."))
        blocks += self._response(rec) + self._status(rec)
        if not self.speech:
            url = absolute(self.pub.config, recommendation_url(self.report.id, rec.number))
            blocks.append(para(url, "Web page: "))
        return blocks

    def _response(self, rec: Recommendation) -> list[Block]:
        standing = self.pub.standing(self.report, rec)
        resp = rec.response
        blocks = [para(decision_text(rec, self.report, standing) + ".", "Response: ")]
        if resp is None:
            return blocks
        if resp.text:
            blocks += self.r.blocks(self.pub.tokens(resp.text), indent=1)
        for action in resp.actions:
            blocks.append(para(action.text, "Action: ", indent=1))
            owners = "; ".join(self._person(p) for p in action.owners)
            if owners:
                blocks.append(para(owners, "Owner: " if len(action.owners) == 1 else "Owners: ", 2, tight=True))
            target = action.target.display + ("" if action.target.due_known else f" ({action.target.due_words})")
            blocks.append(para(target, "Target: ", indent=2, tight=True))
        return blocks

    def _status(self, rec: Recommendation) -> list[Block]:
        s = self.pub.standing(self.report, rec)
        blocks = [para(status_text(s), f"Status on {long_date(self.pub.config.as_of)}: ")]
        if s.target and s.slipped:
            blocks.append(para(target_text(s) + ".", "Current target: ", tight=True))
        if rec.updates:
            blocks.append(para("Progress updates:"))
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
        blocks = [Block("table", table=Table("", ("Date", "Activity"), rows))] if rows else []
        return self._part("activity", _PART_TITLES["activity"], blocks)

    def glossary(self) -> Part:
        blocks = []
        for entry in self.report.glossary:
            term = spell(entry.term) if self.speech else entry.term
            blocks.append(para(f"{term}: {entry.definition}"))
        return self._part("glossary", _PART_TITLES["glossary"], blocks)

    def formats(self) -> Part:
        config = self.pub.config
        labels = [f.label for f in REGISTRY if f.id in config.formats and f.id != "data"]
        contact = config.contact_for(self.report.committee, self.report.council)
        blocks = [] if self.speech else [para("This report's web page:"),
                                         para(absolute(config, report_url(self.report.id)), tight=True)]
        if labels:
            blocks.append(para(f"This report is also published in these formats: {and_list(labels)}."))
        blocks.append(para("To ask for it in another format or language, such as large print, audio, "
                           "Braille or a Word document, contact:"))
        lines = [contact.team, contact.address, contact.phone and f"Telephone: {contact.phone}",
                 contact.email and f"Email: {contact.email}"]
        blocks += [para(line, indent=1, tight=True) for line in lines if line]
        return self._part("formats", _PART_TITLES["formats"], blocks)


_PART_TITLES = {
    "recommendations": "Recommendations and responses",
    "activity": "Schedule of activity",
    "glossary": "Glossary",
    "formats": "Other formats and languages",
}



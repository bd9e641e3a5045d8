#!/usr/bin/env python3
"""Generate a synthetic council folder for the benchmark.

    python bench/generate.py --reports N --out DIR [--seed 1] [--formats data,txt]

DIR gets ``site_config.yaml`` and ``content/reports/<id>/`` for N reports of realistic
size: about 1,500 words of Markdown over 5-7 sections with numbered paragraphs,
recommendation phrases and placements, data tables, a glossary, a schedule of activity
and about 20 recommendations with responses and updates. Deterministic (the same seed
gives byte-identical files) and offline: the words come from ``vocabulary.py``.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import vocabulary as V  # noqa: E402

AS_OF = dt.date(2024, 3, 31)
MARKER = ".bench-generated"
MONTHS = calendar.month_name
COMMITTEE_OF = {"Children's Services": "childrens-scrutiny", "Public Health": "childrens-scrutiny",
                "Adult Services": "adults-scrutiny", "Economy and Infrastructure": "economy-scrutiny",
                "Environment": "economy-scrutiny"}


# --- YAML ---------------------------------------------------------------------------

class _Dumper(yaml.SafeDumper):
    """Block style for multi-line text and no anchors, as an author would write it."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_str)


def dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)


# --- text ---------------------------------------------------------------------------

@dataclass
class Voice:
    """What one report's sentences may talk about, and its running paragraph number."""

    rng: random.Random
    topic: tuple
    glossary: list[tuple[str, str]]
    year: int
    paragraphs: int = 0

    def pick(self, options):
        return self.rng.choice(options)

    def slots(self) -> dict[str, object]:
        y0 = self.year - self.rng.randint(2, 5)
        return {
            "who": self.pick(V.WHO), "heard": self.pick(V.HEARD), "felt": self.pick(V.FELT),
            "thing": self.pick(V.THINGS), "thing2": self.pick(V.THINGS + self.topic[3]),
            "pred": self.pick(V.PREDICATES), "pred2": self.pick(V.PREDICATES), "tail": self.pick(V.TAILS),
            "place": self.pick(V.PLACES), "goal": self.pick(V.GOALS), "people": self.pick(V.PEOPLE),
            "effect": self.pick(V.EFFECTS), "effect2": self.pick(V.EFFECTS_GOOD), "source": self.pick(V.SOURCES),
            "role": self.pick(V.ROLES), "officers": self.pick(V.OFFICERS), "topic": self.pick(self.topic[3]),
            "abbr": self.pick(self.glossary)[0], "year0": y0, "yy": f"{(y0 + 1) % 100:02d}",
            "pct": self.rng.randint(3, 40), "n": self.rng.randint(2, 6),
        }

    def sentence(self) -> str:
        slots = self.slots()
        slots["who_l"] = str(slots["who"]).lower()
        text = self.pick(V.SENTENCES)
        for _ in range(2):  # slots may hold slots ("{year0}" inside a predicate)
            text = text.format(**slots)
        return capital(text)

    def paragraph(self, low: int = 2, high: int = 4, extra: str = "") -> str:
        words = [self.sentence() for _ in range(self.rng.randint(low, high))]
        return " ".join(words + ([extra] if extra else []))


def capital(text: str) -> str:
    return text[0].upper() + text[1:]


def person(rng: random.Random, prefix: str = "") -> str:
    return f"{prefix}{rng.choice(V.FIRST_NAMES)} {rng.choice(V.LAST_NAMES)}"


def day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


# --- recommendations ----------------------------------------------------------------

def rec_groups(rng: random.Random) -> list[list[str]]:
    """Numbers by main number: [["1"], ["2a", "2b"], ["3"], ...], about 20 in all."""
    mains = rng.randint(14, 17)
    lettered = set(rng.sample(range(2, mains + 1), rng.randint(1, 2)))
    return [[f"{n}{chr(97 + i)}" for i in range(rng.randint(2, 3))] if n in lettered else [str(n)]
            for n in range(1, mains + 1)]


def target(rng: random.Random, after: dt.date) -> object:
    """A target date in one of the forms councils write."""
    year = after.year + rng.choice((0, 1, 1))
    m = rng.randint(after.month, 12) if year == after.year else rng.randint(1, 12)
    form = rng.choices(("month", "day", "range", "ongoing", "years", "and-ongoing", "immediate", "iso-month"),
                       (30, 20, 15, 10, 5, 8, 5, 7))[0]
    if form == "day":
        return dt.date(year, m, calendar.monthrange(year, m)[1])
    if form == "range":
        m = min(m, 11)
        return f"{MONTHS[m]} - {MONTHS[rng.randint(m + 1, 12)]} {year}"
    if form == "years":
        return f"{MONTHS[m]} {year} - {MONTHS[rng.randint(1, 12)]} {year + 1}"
    return {"month": f"{MONTHS[m]} {year}", "ongoing": "ongoing", "and-ongoing": f"{MONTHS[m]} {year} and ongoing",
            "immediate": "immediate", "iso-month": f"{year}-{m:02d}"}[form]


def response(rng: random.Random, decision: str, day: dt.date, dept: str) -> dict:
    out = {"decision": decision, "date": day, "decision_maker": "Cabinet",
           "text": rng.choice(V.RESPONSE_TEXT[decision])}
    if decision in ("rejected", "noted"):
        return out
    out["actions"] = [{
        "action": rng.choice(V.ACTIONS),
        "owners": [{"name": person(rng), "title": rng.choice(V.JOB_TITLES).format(dept=dept)}
                   for _ in range(rng.choice((1, 1, 2)))],
        "target": target(rng, day),
    } for _ in range(rng.choice((1, 1, 2)))]
    return out


def updates(rng: random.Random, start: dt.date) -> list[dict]:
    out, day = [], start
    for i in range(rng.choices((0, 1, 2, 3), (25, 35, 25, 15))[0]):
        day = min(AS_OF, day + dt.timedelta(days=rng.randint(60, 200)))
        status = rng.choice(("on-track", "behind-schedule", "not-started")) if i < 2 else rng.choice(("complete", "on-track"))
        item = {"date": day, "meeting": "Overview and Scrutiny Panel", "status": status,
                "note": rng.choice(V.UPDATE_NOTES[status])}
        if status == "behind-schedule" and rng.random() < 0.6:
            item["revised_target"] = f"{MONTHS[rng.randint(1, 12)]} {day.year + 1}"
            item["reason"] = rng.choice(V.REASONS)
        out.append(item)
    return out


def recommendation(rng: random.Random, voice: Voice, number: str, theme: str, follows: list[int],
                   responded: dt.date, dept: str) -> dict:
    by = rng.choice(V.REC_BY).format(month=MONTHS[rng.randint(1, 12)], year=voice.year + 1)
    rec = {"number": int(number) if number.isdigit() else number, "theme": theme,
           "text": f"{rng.choice(V.REC_BODIES)} should {rng.choice(V.REC_VERBS)} {rng.choice(V.REC_OBJECTS)}{by}."}
    if follows:
        rec["follows_from"] = follows
    decision = rng.choices(("accepted", "partially-accepted", "accepted-in-principle", "rejected", "noted", None),
                           (55, 15, 10, 8, 4, 8))[0]
    if decision is None:
        return rec
    rec["response"] = response(rng, decision, responded, dept)
    if decision not in ("rejected", "noted"):
        rec["updates"] = updates(rng, responded)
        if not rec["updates"]:
            del rec["updates"]
    return rec


# --- one report ---------------------------------------------------------------------

@dataclass
class Report:
    """One generated report: its id and files (name -> text)."""

    id: str
    files: dict[str, str] = field(default_factory=dict)


@dataclass
class Chapter:
    title: str
    slug: str
    groups: list[list[str]]
    text: str = ""


def chunks(items: list, parts: int) -> list[list]:
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for i in range(parts):
        end = start + size + (i < extra)
        out.append(items[start:end])
        start = end
    return out


def chapter_text(voice: Voice, chapter: Chapter, tables: list[str], follows: dict[str, list[int]]) -> str:
    """Sub-headings, numbered paragraphs, the chapter's recommendation boxes and tables."""
    rng, blocks = voice.rng, []
    pending = list(chapter.groups)
    headings = rng.sample(voice.topic[3], 2)
    for h, heading in enumerate(headings):
        blocks.append(f"## {capital(heading)}")
        if h == 0 and tables:
            blocks.append(voice.paragraph(2, 3, "The figures are set out in the table below."))
            voice.paragraphs += 1
            blocks.append(f"[[table {tables.pop(0)}]]")
        share = pending[: (len(pending) + 1) // 2] if h == 0 else pending
        pending = pending[len(share):]
        for group_set in chunks(share, max(1, (len(share) + 1) // 2)):
            blocks.extend(placement_blocks(voice, group_set, follows))
    if rng.random() < 0.5:
        blocks.append(f"{voice.paragraph(1, 2)}[^1]")
        voice.paragraphs += 1
        blocks.append(f"[^1]: Evidence from {rng.choice(V.SOURCES)}, {rng.randint(1, 28)} {MONTHS[rng.randint(1, 12)]} {voice.year - 1}.")
    return "\n\n".join(blocks) + "\n"


def placement_blocks(voice: Voice, groups: list[list[str]], follows: dict[str, list[int]]) -> list[str]:
    """Paragraphs of findings, then the box(es) of the recommendations that follow from them."""
    blocks = []
    blocks.append(voice.paragraph())
    voice.paragraphs += 1
    if not groups:
        return blocks
    first, last = groups[0][0], groups[-1][-1]
    main = first.rstrip("abc")
    blocks.append(voice.paragraph(1, 2, V.CLOSING.format(number=main)))
    voice.paragraphs += 1
    for group in groups:
        for number in group:
            follows[number] = [voice.paragraphs - 1, voice.paragraphs]
    if voice.rng.random() < 0.3 and len(groups) > 1:
        blocks.append(f"[[recommendations {first.rstrip('abc')}-{last.rstrip('abc')}]]")
    else:
        blocks.extend(f"[[recommendation {g[0].rstrip('abc')}]]" for g in groups)
    return blocks


def summary_text(voice: Voice, chapters: list[Chapter], groups: list[list[str]]) -> str:
    """An executive summary that cites recommendations in each natural form."""
    lines = [voice.paragraph(2, 3)]
    for ch in chapters:
        if ch.groups:
            a, b = ch.groups[0][0].rstrip("abc"), ch.groups[-1][0].rstrip("abc")
            cite = f"Recommendation {a} concerns" if a == b else f"Recommendations {a}-{b} concern"
            lines.append(f"{cite} {ch.title.lower()}. {voice.sentence()}")
    mains = [g[0].rstrip("abc") for g in groups]
    x, y, z = sorted(voice.rng.sample(mains[3:], 3), key=int)
    lines.append(f"Recommendations 1-3 and {x} deal with how the Council works with its partners, and "
                 f"Recommendations ({x}, {y} and {z}) with money. {voice.sentence()}")
    lettered = next((g for g in groups if len(g) > 1), None)
    if lettered:
        lines.append(f"Recommendation {lettered[0]} and Recommendation {lettered[1]} go together. {voice.sentence()}")
    return "\n\n".join(lines) + "\n"


def tables(voice: Voice, index: int, place: str) -> list[dict]:
    rng, out = voice.rng, []
    for t in range(rng.choice((1, 2))):
        start = rng.randint(40, 900)
        rows = [[str(voice.year - 5 + k), start + rng.randint(-30, 60) * k, start + rng.randint(-20, 40) * k]
                for k in range(5)]
        table = {"id": f"table-{t + 1}", "caption": f"{capital(voice.topic[3][t])}, {place} and similar councils",
                 "columns": ["Year", place, "Similar councils"], "rows": rows,
                 "source": capital(rng.choice(V.SOURCES)),
                 "notes": ["Figures are rounded to the nearest whole number."]}
        if t == 0 and index % 3 == 0:
            table["chart"] = {"mark": "bar", "encoding": {"x": {"field": "Year", "type": "ordinal"},
                                                         "y": {"field": place, "type": "quantitative"}}}
        out.append(table)
    return out


def members(rng: random.Random, dept: str) -> dict:
    return {
        "lead_member": {"name": person(rng, "Cllr "), "role": "Lead Member"},
        "members": [{"name": person(rng, "Cllr ")} for _ in range(rng.randint(3, 5))],
        "co_opted_members": [{"name": person(rng, rng.choice(("Mr ", "Mrs ", "Ms ", "Dr "))),
                              "body": rng.choice(V.BODIES)} for _ in range(rng.randint(0, 2))],
        "officers": [{"name": person(rng), "title": "Overview and Scrutiny Officer"}],
    }


def activity(rng: random.Random, started: dt.date, published: dt.date, topic: tuple, dept: str) -> list[dict]:
    events = [e.format(title=f"Director of {dept}", facility=topic[4], place=rng.choice(V.PLACES)) for e in V.EVENTS]
    days = sorted(day_between(rng, started, published - dt.timedelta(days=14)) for _ in events)
    return [{"date": d, "event": e} for d, e in zip(days, events)]


@dataclass
class Plan:
    """The decisions about one report that its files share."""

    index: int
    topic: tuple
    voice: Voice
    place: str
    published: dt.date
    sent: dt.date
    responded: dt.date
    groups: list[list[str]]
    chapters: list[Chapter]
    tables: list[dict]

    @property
    def id(self) -> str:
        return f"{self.topic[1]}-{self.voice.year}-{self.index + 1:04d}"


def plan_report(seed: int, index: int) -> Plan:
    rng = random.Random(f"{seed}-{index}")
    topic = V.TOPICS[index % len(V.TOPICS)]
    year = 2010 + rng.randint(0, 11)
    voice = Voice(rng, topic, sorted(rng.sample(V.GLOSSARY, rng.randint(4, 7))), year)
    published = dt.date(year, rng.randint(1, 9), rng.randint(1, 28))
    sent = published + dt.timedelta(days=rng.randint(7, 30))
    responded = sent + dt.timedelta(days=rng.randint(30, 70))
    groups = rec_groups(rng)
    n_chapters = rng.randint(2, 4)
    names = rng.sample(topic[3], n_chapters)
    chapters = [Chapter(capital(n), f"chapter-{k + 1}", part)
                for k, (n, part) in enumerate(zip(names, chunks(groups, n_chapters)))]
    place = rng.choice(V.PLACES)
    return Plan(index, topic, voice, place, published, sent, responded, groups, chapters, tables(voice, index, place))


def body_files(plan: Plan, previous: str | None, follows: dict[str, list[int]]) -> dict[str, str]:
    """The sections' Markdown; fills ``follows`` (recommendation -> paragraphs it follows from)."""
    pending_tables = [t["id"] for t in plan.tables]
    for ch in plan.chapters:
        ch.text = chapter_text(plan.voice, ch, pending_tables, follows)
    conclusion = conclusion_text(plan.voice, previous)
    files = {"foreword.md": foreword_text(plan.voice, plan.topic[0]),
             "summary.md": summary_text(plan.voice, plan.chapters, plan.groups)}
    files.update({f"{ch.slug}.md": ch.text for ch in plan.chapters})
    files["conclusion.md"] = conclusion
    return files


def section_list(plan: Plan) -> list[dict]:
    return ([{"file": "foreword.md", "title": "Foreword", "kind": "foreword"},
             {"file": "summary.md", "title": "Executive summary", "kind": "summary"}]
            + [{"file": f"{ch.slug}.md", "title": ch.title, "kind": "chapter"} for ch in plan.chapters]
            + [{"file": "conclusion.md", "title": "Conclusion", "kind": "conclusion"}])


def report_meta(plan: Plan) -> dict:
    """Everything in report.yaml."""
    rng, (title, slug, dept) = plan.voice.rng, plan.topic[:3]
    year, count = plan.voice.year, sum(map(len, plan.groups))
    started = plan.published - dt.timedelta(days=rng.randint(150, 300))
    meta = {
        "title": f"{title} ({plan.place})",
        "code": f"MCC-{''.join(w[0] for w in slug.split('-')).upper()}-{year}-{plan.index + 1}",
        "committee": COMMITTEE_OF.get(dept, "corporate-scrutiny"), "kind": "task-group-review", "status": "published",
        "summary": f"A task group of councillors looked at {plan.topic[3][0]} in {plan.place} and makes {count} recommendations.",
        "dates": {"started": started, "published": plan.published, "sent_to_executive": plan.sent},
        **members(rng, dept),
        "terms_of_reference": "".join(f"- To examine {t}.\n" for t in plan.topic[3][:3]),
        "methodology": plan.voice.paragraph(2, 3) + "\n",
        "sections": section_list(plan), "tables": plan.tables, "activity": None,
        "glossary": [{"term": t, "definition": d} for t, d in plan.voice.glossary],
        "executive_response": {"meeting": "Cabinet", "date": plan.responded, "decision_maker": "Cabinet",
                               "cabinet_member": person(rng, "Cllr "), "prepared_by": person(rng)},
    }
    meta["activity"] = activity(rng, started, plan.published, plan.topic, dept)
    return meta


def build_report(seed: int, index: int, previous: str | None) -> Report:
    plan = plan_report(seed, index)
    follows: dict[str, list[int]] = {}
    files = body_files(plan, previous, follows)
    meta = report_meta(plan)
    recs = [recommendation(plan.voice.rng, plan.voice, n, ch.title, follows.get(n, []), plan.responded, plan.topic[2])
            for ch in plan.chapters for g in ch.groups for n in g]
    return Report(plan.id, {"report.yaml": dump(meta), "recommendations.yaml": dump({"recommendations": recs}), **files})


def foreword_text(voice: Voice, title: str) -> str:
    slots = {"topic": title.lower(), "committee": "Overview and Scrutiny Panel", "people": voice.pick(V.PEOPLE)}
    lead = " ".join(s.format(**slots) for s in V.FOREWORD[:2])
    rest = " ".join(s.format(**slots) for s in V.FOREWORD[2:])
    return f"{lead}\n\n{voice.paragraph(2, 3)}\n\n{rest}\n"


def conclusion_text(voice: Voice, previous: str | None) -> str:
    paras = [voice.paragraph(3, 4), voice.paragraph(2, 3)]
    if previous:
        paras.append(f"The Task Group also looked again at [an earlier review's first recommendation](rec:{previous}/1). "
                     + voice.sentence())
    voice.paragraphs += len(paras)
    return "\n\n".join(paras) + "\n"


# --- the council folder -------------------------------------------------------------

def site_config(formats: list[str]) -> dict:
    return {
        "site": {"title": "Midshire scrutiny reports", "publisher": "Midshire County Council",
                 "base_url": "https://scrutiny.midshire.example/", "language": "en-GB", "as_of": AS_OF},
        "contact": {"team": "Scrutiny Team, Democratic Services", "address": "County Hall, Midshire MS1 1AA",
                    "email": "scrutiny@midshire.example", "phone": "01234 567890"},
        "committees": [{"id": c, "name": n, "council": k} for c, n, k in V.COMMITTEES],
        "formats": formats,
    }


def prepare(out: Path) -> None:
    """Empty a folder this script made before; refuse to touch any other content."""
    if (out / "content").exists() and not (out / MARKER).exists():
        raise SystemExit(f"{out}/content exists and was not made by bench/generate.py; choose another --out")
    shutil.rmtree(out / "content", ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("made by bench/generate.py; safe to delete\n", encoding="utf-8")


def generate(out: Path, reports: int, seed: int = 1, formats: list[str] | None = None) -> list[str]:
    """Write the folder; returns the report ids in order."""
    prepare(out)
    (out / "site_config.yaml").write_text(dump(site_config(formats or ["data"])), encoding="utf-8")
    ids: list[str] = []
    for i in range(reports):
        report = build_report(seed, i, ids[-1] if ids else None)
        folder = out / "content" / "reports" / report.id
        folder.mkdir(parents=True)
        for name, text in report.files.items():
            (folder / name).write_text(text, encoding="utf-8")
        ids.append(report.id)
    return ids


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--reports", type=int, required=True, help="number of reports")
    p.add_argument("--out", type=Path, required=True, help="folder to write (site_config.yaml and content/)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    p.add_argument("--formats", default="data", help="comma-separated formats for site_config.yaml (default: data)")
    args = p.parse_args(argv)
    ids = generate(args.out, args.reports, args.seed, [f for f in args.formats.split(",") if f])
    print(f"wrote {len(ids)} reports into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

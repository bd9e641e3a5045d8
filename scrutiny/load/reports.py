"""Load ``content/reports/<id>/`` folders into :class:`scrutiny.model.Report`."""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import Node

from ..model import (REPORT_KINDS, REPORT_STATUSES, SECTION_KINDS, Activity, DataTable,
                     ExecutiveResponse, GlossaryEntry, Markdown, Person, Report, Section,
                     SiteConfig, Source, UpdateSchedule)
from ..problems import Problems, did_you_mean
from ..urls import slugify
from .recommendations import load_recommendations
from .tables import load_tables
from .textfile import read_text
from .yamlread import MAX_ID, SLUG, Fields, line_of, load_yaml, scalar_value

NUMBERED_KINDS = ("chapter", "conclusion")


def load_reports(root: Path, config: SiteConfig | None, problems: Problems) -> tuple[list[Report], list[str]]:
    """Every report folder, sorted by id; and the ids of folders that could not be read."""
    folders, unreadable = report_folders(root, problems)
    reports = []
    for path in folders:
        report = load_report(root, path, config, problems)
        if report is None:
            unreadable.append(path.name)
        else:
            reports.append(report)
    return reports, sorted(unreadable)  # in the folders' order, as read


def report_folders(root: Path, problems: Problems) -> tuple[list[Path], list[str]]:
    """The report folders to read, sorted by id, and the ids of those never read (a link in
    them leads outside the project; reported here, with every such link under content/)."""
    folder = root / "content" / "reports"
    outside = links_out(root, root / "content", problems)
    if any(folder == link or folder.is_relative_to(link) for link in outside):
        return [], []
    if not folder.is_dir():
        problems.add("content/reports", 0, "the reports folder is missing", "create content/reports/<report-id>/report.yaml")
        return [], []
    folders, unreadable = [], []
    for path in sorted(p for p in folder.iterdir() if p.is_dir()):
        if any(link == path or link.is_relative_to(path) for link in outside):
            unreadable.append(path.name)  # never read what lies outside the project
        else:
            folders.append(path)
    return folders, unreadable


def links_out(root: Path, top: Path, problems: Problems) -> list[Path]:
    """Every symbolic link under ``top`` (``top`` included) that leads outside the project
    folder, each reported at its path; links that stay inside are followed like folders."""
    project = root.resolve()
    out: list[Path] = []
    seen: set[Path] = set()
    stack = [top]
    while stack:
        path = stack.pop()
        if path.is_symlink():
            try:
                target = path.resolve()
            except (RuntimeError, OSError):  # a loop of links
                problems.add(_rel(root, path), 0, "is a symbolic link that leads back to itself",
                             "delete the link, or replace it with the file or folder itself")
                out.append(path)
                continue
            if not target.is_relative_to(project):
                problems.add(_rel(root, path), 0, f"is a symbolic link to {target}, outside the project folder",
                             "only files inside the project are published: copy the file or folder into the "
                             "project instead of linking to it, or delete the link")
                out.append(path)
                continue
        if path.is_dir():
            real = path.resolve()
            if real not in seen:
                seen.add(real)
                try:
                    stack.extend(sorted(path.iterdir(), reverse=True))
                except OSError as exc:
                    problems.add(_rel(root, path), 0, f"this folder cannot be read: {exc.strerror or exc}",
                                 "check its permissions")
    return sorted(out)


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def load_report(root: Path, folder: Path, config: SiteConfig | None, problems: Problems) -> Report | None:
    report_id = folder.name
    yaml_path = folder / "report.yaml"
    rel = _rel(root, yaml_path)
    if len(report_id) > MAX_ID:
        problems.add(_rel(root, folder), 0, f"report id is {len(report_id)} characters long; ids have at most {MAX_ID}",
                     "rename the folder to a shorter id (it becomes the report's web address)")
        return None
    if not SLUG.match(report_id):
        problems.add(_rel(root, folder), 0, f'report id "{report_id}" may only use a-z, 0-9 and hyphens',
                     f'rename the folder to "{slugify(report_id)}"')
        return None
    if not yaml_path.exists():
        problems.add(_rel(root, folder), 0, "this report folder has no report.yaml", "add one (see README.md) or remove the folder")
        return None
    node = load_yaml(yaml_path, rel, problems)
    if node is None:
        return None
    f = Fields(node, rel, problems, "report", "report.yaml")
    committees = [c.id for c in config.committees] if config else []
    committee = f.choice("committee", committees, required=True, noun="committee",
                         where="committees are declared in site_config.yaml") if config else f.text("committee", required=True)
    council = f.text("council") or (config.committee(committee).council if config and committee else "")
    status = f.choice("status", list(REPORT_STATUSES), default="draft", noun="status")
    language = _language(f, config)
    dates = f.sub("dates", "dates") or Fields(None, rel, problems, "dates")
    started = dates.known("started")
    published = dates.known("published")
    sent = dates.known("sent_to_executive")
    if published and sent and sent.before(published):
        dates.problem(line_of(dates.values["sent_to_executive"][1]),
                      f"the report went to the executive ({sent}) before it was published ({published})", "check both dates")
    if config and published and status == "published" and published.first > config.as_of:
        dates.problem(line_of(dates.values["published"][1]),
                      f"the report is published on {published}, after the day the trackers are computed for "
                      f"(site.as_of, {config.as_of.isoformat()})",
                      "set `as_of` in site_config.yaml to that day or later (or `today`), or keep the report as `status: draft`")
    dates.finish()

    sections = _sections(root, folder, f, problems)
    vocab = config.vocabulary(committee) if config and committee else None
    loaded = load_recommendations(root, folder, report_id, vocab, problems)
    recs, omitted, omitted_note = loaded or ((), (), "")
    report = Report(
        id=report_id,
        title=f.text("title", required=True),
        code=f.text("code", required=True, hint="add a short citation code, e.g. `code: WCC-CEC-2011`"),
        committee=committee,
        kind=f.choice("kind", list(REPORT_KINDS), required=True, noun="report kind"),
        status=status,
        council=council,
        summary=f.text("summary"),
        started=started,
        published=published,
        sent_to_executive=sent,
        lead_member=_person(f.node("lead_member"), rel, problems, "lead_member"),
        members=_people(f, "members", rel, problems),
        co_opted_members=_people(f, "co_opted_members", rel, problems),
        officers=_people(f, "officers", rel, problems),
        terms_of_reference=f.markdown("terms_of_reference"),
        methodology=f.markdown("methodology"),
        sections=sections,
        tables=load_tables(f, rel, problems),
        activity=_activity(f, rel, problems),
        glossary=_glossary(f, rel, problems),
        executive_response=_executive_response(f, rel, problems),
        recommendations=recs,
        source=Source(rel, 1),
        recommendations_read=loaded is not None,
        not_reproduced=omitted,
        not_reproduced_note=omitted_note,
        update_schedule=_schedule(f, rel, problems),
        language=language,
    )
    f.finish()
    return report


def _language(f: Fields, config: SiteConfig | None) -> str:
    """``language:``, one of the site's languages (its spelling there); else the site's main one."""
    if config is None:
        return f.text("language")
    languages = config.all_languages
    value = f.text("language")
    if not value:
        return languages[0]
    match = next((t for t in languages if t.lower() == value.lower()), None)
    if match is None:
        hint = did_you_mean(value, languages)
        f.problem(line_of(f.values["language"][1]), f'the report\'s language "{value}" is not one of the site\'s '
                  f"languages ({', '.join(languages)})",
                  f"{hint}; a report is written in one of site.languages in site_config.yaml, and its "
                  "translations lie beside it in a folder named after their language (cy/)")
        return languages[0]
    return match


def _person(node: Node | None, rel: str, problems: Problems, what: str) -> Person | None:
    if node is None:
        return None
    if not hasattr(node, "value") or isinstance(node.value, str):
        value = scalar_value(node)
        return Person(str(value)) if value else None
    f = Fields(node, rel, problems, "person", f"a person in {what}")
    person = Person(f.text("name", required=True), f.text("role") or f.text("title"), f.text("body"))
    f.finish()
    return person


def _people(f: Fields, key: str, rel: str, problems: Problems) -> tuple[Person, ...]:
    return tuple(p for item in f.items(key) if (p := _person(item, rel, problems, key)))


def _sections(root: Path, folder: Path, f: Fields, problems: Problems) -> tuple[Section, ...]:
    sections = []
    slugs: dict[str, str] = {}
    for item in f.items("sections", required=True):
        s = Fields(item, f.path, problems, "section", "a section")
        file_name = s.text("file", required=True, hint="add `file: introduction.md`")
        title = s.text("title", required=True)
        kind = s.choice("kind", list(SECTION_KINDS), default="chapter", noun="section kind")
        numbered = s.boolean("numbered", kind in NUMBERED_KINDS)
        s.finish()
        if not file_name:
            continue
        path = (folder / file_name)
        if "/" in file_name or "\\" in file_name or file_name.startswith(".") or not file_name.endswith(".md"):
            s.problem(s.line, f'section file "{file_name}" must be a .md file in the report folder', "write just the file name, e.g. introduction.md")
            continue
        if not path.exists():
            present = [p.name for p in folder.glob("*.md")]
            s.problem(s.line, f'section file "{file_name}" does not exist', did_you_mean(file_name, present))
            continue
        if len(Path(file_name).stem) > MAX_ID:
            s.problem(s.line, f'section file name "{file_name}" is longer than {MAX_ID} characters (it becomes a '
                      "file name in every format)", "give the file a shorter name")
            continue
        slug = slugify(Path(file_name).stem)
        if slug in slugs:
            first = slugs[slug]
            s.problem(s.line, f'section file "{file_name}" is listed twice' if first == file_name else
                      f'section files "{first}" and "{file_name}" both make the name "{slug}"',
                      "list each file once" if first == file_name else "rename one of them")
            continue
        slugs[slug] = file_name
        text = read_text(path, _rel(root, path), problems)
        if text is None:
            continue
        sections.append(Section(slug, title, kind, Markdown(text, Source(_rel(root, path), 1), numbered)))
    return tuple(sections)


def _activity(f: Fields, rel: str, problems: Problems, key: str = "activity",
              what: str = "an activity") -> tuple[Activity, ...]:
    out = []
    for item in f.items(key):
        a = Fields(item, rel, problems, "activity", what)
        day, event = a.known("date", required=True), a.text("event", required=True)
        a.finish()
        if day and event:
            out.append(Activity(day, event))
    return tuple(out)


def _glossary(f: Fields, rel: str, problems: Problems) -> tuple[GlossaryEntry, ...]:
    out = []
    for item in f.items("glossary"):
        g = Fields(item, rel, problems, "glossary", "a glossary entry")
        term, definition = g.text("term", required=True), g.text("definition", required=True)
        g.finish()
        if term and definition:
            out.append(GlossaryEntry(term, definition))
    return tuple(out)


def _executive_response(f: Fields, rel: str, problems: Problems) -> ExecutiveResponse | None:
    e = f.sub("executive_response", "executive_response")
    if e is None:
        return None
    out = ExecutiveResponse(e.text("meeting", required=True), e.known("date"),
                            e.text("decision_maker"), e.text("cabinet_member"), e.text("prepared_by"))
    e.finish()
    return out


def _schedule(f: Fields, rel: str, problems: Problems) -> UpdateSchedule | None:
    """``update_schedule``: ``every_months: 6`` after the response, and/or dated meetings."""
    s = f.sub("update_schedule", "update_schedule")
    if s is None:
        return None
    every = s.number("every_months", 0)
    if every and (every != int(every) or not 1 <= every <= 24):
        s.problem(s.line, f'"every_months" is {every}', "give whole months from 1 to 24, e.g. 6")
        every = 0
    meetings = _activity(s, rel, problems, "meetings", "a meeting of update_schedule")
    if not every and not meetings and s.ok:
        s.problem(s.line, "update_schedule says neither `every_months` nor `meetings`", "add `every_months: 6` or a list of meetings")
    s.finish()
    return UpdateSchedule(int(every) or None, tuple(sorted(meetings, key=lambda m: m.date.sort_key())))

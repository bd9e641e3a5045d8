"""``build.py new report ID --committee C``: a new report's folder, ready to fill in.

The skeleton passes ``check`` as it is: a draft (never published until its status says
so) with a title, a code, one section and one recommendation, each line saying what to
write. Nothing is overwritten; a bad id or an unknown committee is the usual clear error.
"""

from __future__ import annotations

import re
from pathlib import Path

from .load.config import load_config
from .problems import ContentError, Problems, did_you_mean
from .urls import slugify

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID = 80

REPORT_YAML = """\
# A new report, made by `python build.py new report {id} --committee {committee}`.
# Fill in what each comment asks, then run `python build.py check`. The full list of keys
# is in README.md ("report.yaml"); docs/from-council-documents.md shows real examples.
title: {title}
code: {code}                 # the council's short citation code, e.g. WCC-CEC-2011
committee: {committee}
kind: task-group-review      # or scrutiny-review, report-to-scrutiny, cabinet-response
status: draft                # draft: checked but never published; `published` to publish it
# council: ...               # only if it differs from the committee's council
summary: >-
  One or two sentences saying what the review looked at and what it asks for.
dates:
  # Each may be a day (2 July 2013 or 2013-07-02), a month (May 2011) or a year; leave
  # out any the council's papers do not give: the site then says it is not stated.
  # started: 2013-01-10
  # published: 2013-07-02
  # sent_to_executive: 2013-07-15
# lead_member: {{name: Councillor A. Example, role: Chairman}}
# members: [Councillor A. Example, Councillor B. Sample]
# officers:
#   - {{name: A. Officer, title: Scrutiny Officer}}
sections:                    # the body, in reading order: one Markdown file each
  - {{file: introduction.md, title: Introduction, kind: chapter}}
# executive_response:        # once the executive has responded to the whole report
#   meeting: Cabinet
#   date: 2013-09-14
#   decision_maker: Cabinet
"""

INTRODUCTION_MD = """\
Write the report's introduction here, in Markdown. Each paragraph is numbered on the
site. Refer to a recommendation by its number, as in "Recommendation 1", and the site
links it.

[[recommendation 1]]
"""

RECOMMENDATIONS_YAML = """\
# The recommendations, in the report's order, each with its number as the council writes
# it (1, 2a, 5(b), 1.1, ...). Add `response:` when the executive answers, and `updates:`
# as progress is reported (README.md, "recommendations.yaml").
recommendations:
  - number: 1
    theme: A short theme for the trackers
    text: Write the recommendation's words here, exactly as the report gives them.
    # response:
    #   decision: accepted           # one of the committee's vocabulary's decisions
    #   date: 2013-09-14
    #   text: The executive's words.
    #   actions:
    #     - action: What will be done.
    #       owners: [{{name: A. Owner, title: Head of Service}}]
    #       target: March 2014
    # updates:
    #   - date: 2013-12-01
    #     status: on-track
    #     note: What has happened.
"""


def new_report(root: Path, report_id: str, committee: str, title: str = "") -> list[Path]:
    """Write ``content/reports/<report_id>/`` and return the files written; raise
    :class:`ContentError` (writing nothing) when the id or committee is wrong or the
    report exists."""
    problems = Problems()
    config_file = "site_config.yaml"
    config = load_config(root, problems)
    folder = root / "content" / "reports" / report_id
    where = f"content/reports/{report_id}"
    if not ID.match(report_id) or len(report_id) > MAX_ID:
        suggestion = slugify(report_id, "my-report")[:MAX_ID]
        problems.add(where, 0, f'"{report_id}" is not a report id: use lower-case letters, digits and hyphens, '
                               f"at most {MAX_ID} characters", f'for example "{suggestion}"')
    elif folder.exists():
        problems.add(where, 0, "a report with this id already exists; nothing was changed",
                     "choose another id, or edit the files that are there")
    if config is not None and committee not in {c.id for c in config.committees}:
        problems.add(config_file, 0, f'no committee "{committee}" in {config_file}',
                     did_you_mean(committee, [c.id for c in config.committees]))
    if problems:
        raise ContentError(problems)
    values = {"id": report_id, "committee": committee, "title": _yaml_text(title or "Title of the report"),
              "code": report_id.upper()[:24]}
    files = {"report.yaml": REPORT_YAML, "introduction.md": INTRODUCTION_MD, "recommendations.yaml": RECOMMENDATIONS_YAML}
    folder.mkdir(parents=True)
    written = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text.format(**values), encoding="utf-8")
        written.append(path)
    return written


def _yaml_text(text: str) -> str:
    """A one-line YAML string, quoted so that any title reads back as written."""
    flat = " ".join(text.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'

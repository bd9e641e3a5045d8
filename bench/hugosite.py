"""The benchmark's comparison: the same reports as a minimal Hugo site.

``content/<report>/_index.md``, one ``<section>.md`` per section and one
``recommendations/<n>.md`` per recommendation, rendered by one ``single.html`` and
one ``list.html``. Hugo sees the placement lines (``[[recommendation 7]]``) as text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CONFIG = """\
baseURL = "https://scrutiny.midshire.example/"
title = "Midshire scrutiny reports"
languageCode = "en-GB"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

[markup.goldmark.renderer]
unsafe = false
"""

HEAD = ('<!DOCTYPE html>\n<html lang="en-GB">\n<head><meta charset="utf-8">'
        "<title>{{ .Title }} | {{ .Site.Title }}</title></head>\n")
SINGLE = HEAD + "<body><main><h1>{{ .Title }}</h1>\n{{ .Content }}\n</main></body>\n</html>\n"
LIST = (HEAD + "<body><main><h1>{{ .Title }}</h1>\n{{ .Content }}\n<ul>\n"
        '{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>\n{{ end }}'
        "</ul></main></body>\n</html>\n")


def page(title: str, body: str, weight: int | None = None) -> str:
    front = {"title": title, **({"weight": weight} if weight is not None else {})}
    return f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n\n{body}"


def recommendation_body(rec: dict) -> str:
    lines = [rec["text"].strip(), ""]
    response = rec.get("response")
    if response:
        lines += ["## Response", "", f"**Decision:** {response['decision']} ({response['date']})", "",
                  response.get("text", "").strip(), ""]
        for action in response.get("actions", []):
            owners = ", ".join(f"{o['name']}, {o.get('title', '')}" for o in action["owners"])
            lines.append(f"- {action['action']} Owner: {owners}. Target: {action['target']}.")
    if rec.get("updates"):
        lines += ["", "## Updates", ""]
        lines += [f"- {u['date']}: {u['status']}. {u.get('note', '')}" for u in rec["updates"]]
    return "\n".join(lines) + "\n"


def write_report(folder: Path, out: Path) -> None:
    meta = yaml.load((folder / "report.yaml").read_text(encoding="utf-8"), Loader=LOADER)
    recs = yaml.load((folder / "recommendations.yaml").read_text(encoding="utf-8"), Loader=LOADER)
    out.mkdir(parents=True)
    (out / "_index.md").write_text(page(meta["title"], meta.get("summary", "") + "\n"), encoding="utf-8")
    for weight, section in enumerate(meta["sections"], 1):
        body = (folder / section["file"]).read_text(encoding="utf-8")
        (out / section["file"]).write_text(page(section["title"], body, weight), encoding="utf-8")
    (out / "recommendations").mkdir()
    for weight, rec in enumerate(recs["recommendations"], 100):
        number = str(rec["number"])
        text = page(f"Recommendation {number}", recommendation_body(rec), weight)
        (out / "recommendations" / f"{number}.md").write_text(text, encoding="utf-8")


def write(source: Path, site: Path) -> Path:
    """Write a Hugo site for the reports under ``source/content/reports`` into ``site``."""
    shutil.rmtree(site, ignore_errors=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text(CONFIG, encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text(LIST, encoding="utf-8")
    (site / "content").mkdir()
    (site / "content" / "_index.md").write_text(page("Scrutiny reports", ""), encoding="utf-8")
    for folder in sorted((source / "content" / "reports").iterdir()):
        write_report(folder, site / "content" / folder.name)
    return site

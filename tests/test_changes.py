"""`build.py changes --since REV`: the changes between two revisions of a real temporary
git repository, exactly those the commits made, as the committee's paper (Markdown, HTML)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scrutiny.build import gather
from scrutiny.changes import ChangesError, markdown_paper, revision_for, run
from tests.conftest import MINIMAL, ROOT
from tests.gitrepo import council_repo, git

@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return council_repo(tmp_path / "council")


def test_changes_between_two_revisions_are_exactly_those_made(repo: Path):
    changes, title = run(repo, "HEAD~1", "HEAD")
    got = sorted((c.kind, c.report_id, c.reference) for c in changes.changes)
    assert got == [("response", "earlier-review", "1"), ("status", "school-transport-review", "1"),
                   ("target", "school-transport-review", "1")]
    words = {c.kind: c.words for c in changes.changes}
    assert words["status"] == "Behind schedule → On track at the update of 15 March 2024."
    assert words["target"] == "Target moved from March 2024 to June 2024, 3 months later. Reason: Testing took longer."
    assert words["response"] == "Accepted by Cabinet on 20 March 2024."
    assert "What changed: " in title and "HEAD" not in title  # commits named by their hash and day


def test_the_paper_in_markdown_and_html(repo: Path):
    changes, title = run(repo, "HEAD~1", None)  # to the files as they are now
    paper = markdown_paper(changes, title)
    assert "| Status changed | 1 |" in paper and "| Targets moved | 1 |" in paper and "| New reports | 0 |" in paper
    assert "- **Target moved.** Recommendation 1: Target moved from March 2024 to June 2024" in paper
    out = repo / "paper.html"
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(repo), "changes", "--since", "HEAD~1",
                             "--out", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "en-GB" and soup.h1 and soup.find("table").find("th")
    assert "New response" in soup.get_text() and "Accepted by Cabinet on 20 March 2024." in soup.get_text()


def test_a_date_names_the_last_commit_on_or_before_it(repo: Path):
    head = git(repo, "rev-parse", "HEAD").strip()
    assert revision_for(repo, "2099-01-01")[0] == head
    with pytest.raises(ChangesError, match="no commit on or before 1 January 2000"):
        revision_for(repo, "2000-01-01")


def test_without_git_history_it_says_what_it_needs(tmp_path: Path):
    plain = tmp_path / "plain"
    shutil.copytree(MINIMAL, plain, ignore=shutil.ignore_patterns(".cache"))
    with pytest.raises(ChangesError, match="is not a git repository"):
        revision_for(plain, "HEAD~1")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(plain), "changes", "--since", "HEAD~1"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "not a git repository" in result.stderr and "Traceback" not in result.stderr


def test_a_shallow_clone_is_told_to_fetch_the_history(repo: Path, tmp_path: Path):
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True, capture_output=True)
    with pytest.raises(ChangesError, match="shallow clone: fetch the history with `git fetch --unshallow`"):
        revision_for(shallow, "HEAD~1")


def test_the_paper_in_word_and_pdf(repo: Path, tmp_path: Path):
    import docx
    import pdfplumber
    import pikepdf

    build = [sys.executable, str(ROOT / "build.py"), "--root", str(repo), "changes", "--since", "HEAD~1", "--until", "HEAD"]
    for suffix in (".docx", ".pdf"):
        result = subprocess.run(build + ["--out", str(tmp_path / f"paper{suffix}")], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    document = docx.Document(str(tmp_path / "paper.docx"))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0][0] == "Title" and ("Heading 1", "People Scrutiny Committee") in headings
    assert ("Heading 2", "Home to School Transport") in headings
    summary = document.tables[0]
    assert [c.text for c in summary.rows[0].cells] == ["Change", "Recommendations"]
    assert summary.rows[0]._tr.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    assert {r.cells[0].text: r.cells[1].text for r in summary.rows[1:]}["Targets moved"] == "1"
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Status changed. Recommendation 1: Behind schedule → On track at the update of 15 March 2024." in bullets
    assert document.core_properties.language == "en-GB"
    with pdfplumber.open(tmp_path / "paper.pdf") as pdf:
        words = " ".join(page.extract_text() for page in pdf.pages)
    assert "Target moved from March 2024 to June 2024, 3 months later." in " ".join(words.split())
    with pikepdf.open(tmp_path / "paper.pdf") as pdf:
        assert str(pdf.Root.Lang) == "en-GB" and "/StructTreeRoot" in pdf.Root


def test_the_paper_for_a_meeting_in_the_council_colours_as_of_its_day(repo: Path, tmp_path: Path):
    import docx
    import pdfplumber

    pub_colour = gather(repo).config.brand.primary.lstrip("#").upper()
    build = [sys.executable, str(ROOT / "build.py"), "--root", str(repo), "changes", "--since", "HEAD~1", "--until", "HEAD",
             "--meeting", "People Scrutiny Committee, 15 July 2024", "--as-of", "15 July 2024"]
    for suffix in (".docx", ".pdf", ".md"):
        result = subprocess.run(build + ["--out", str(tmp_path / f"paper{suffix}")], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    line = "For: People Scrutiny Committee, 15 July 2024. From: Test Borough Council, scrutiny."
    document = docx.Document(str(tmp_path / "paper.docx"))
    assert document.paragraphs[1].text == line
    assert str(document.styles["Title"].font.color.rgb) == pub_colour
    assert str(document.styles["Heading 1"].font.color.rgb) == pub_colour
    summary = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows[1:]}
    assert summary["Newly overdue"] == "1"  # June 2024 has passed by 15 July 2024 (not by HEAD's own as_of)
    assert line in (tmp_path / "paper.md").read_text(encoding="utf-8")
    with pdfplumber.open(tmp_path / "paper.pdf") as pdf:
        assert line in " ".join(pdf.pages[0].extract_text().split())
    default, _ = run(repo, "HEAD~1", "HEAD")
    assert default.count("overdue") == 0 and default.meeting == ""

"""A Welsh site's formats: the interface words of plain text, Braille, audio and Word in
Welsh, Braille in liblouis's Welsh table (read back with it), speech in espeak-ng's Welsh
voice, and the document language declared."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from scrutiny.build import build
from scrutiny.exporters import audio, braille
from tests.conftest import copy_fixture, needs_tool, with_formats

REPORT = "school-transport-review"


BILINGUAL = Path(__file__).resolve().parents[1] / "fixtures" / "bilingual"


@pytest.fixture(scope="module", params=["welsh-site", "bilingual-site"])
def welsh(request, tmp_path_factory) -> Path:
    """A site in Welsh only, and a site in English and Welsh (the report's Welsh version,
    in ``cy/``): the formats of the report in Welsh, whichever."""
    base = tmp_path_factory.mktemp(request.param)
    if request.param == "welsh-site":
        root = copy_fixture(base)
        config = root / "site_config.yaml"
        config.write_text(re.sub(r"(?m)^(\s*language:).*$", r"\1 cy", config.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        root = base / "project"
        shutil.copytree(BILINGUAL, root, ignore=shutil.ignore_patterns(".cache"))
    with_formats(root, "txt, brf, docx, audio, pdf, epub")
    record = base / "spoken.jsonl"  # a file: the exports run in worker processes
    real = audio.run

    def spy(command: list[str]) -> None:
        with open(record, "a", encoding="utf-8") as fh:
            fh.write(json.dumps([command, _spoken_text(command)]) + "\n")
        real(command)

    mp = pytest.MonkeyPatch()
    mp.setattr(audio, "run", spy)
    try:
        build(root, root / "site")
    finally:
        mp.undo()
    spoken = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]
    # a bilingual site speaks its English reports too: keep the commands of the Welsh one
    welsh_report = request.param == "welsh-site" or (lambda words: "Cludiant o'r Cartref i'r Ysgol" in words)
    (root / "espeak-commands.txt").write_text(
        "\n".join(" ".join(c) for c, words in spoken if welsh_report is True or welsh_report(words)), encoding="utf-8")
    (root / "welsh-folder.txt").write_text("cy/" if request.param == "bilingual-site" else "", encoding="utf-8")
    return root


def _spoken_text(command: list[str]) -> str:
    """The words an espeak-ng command reads (its ``-f`` file), else ""."""
    if command[0] != "espeak-ng" or "-f" not in command:
        return ""
    return Path(command[command.index("-f") + 1]).read_text(encoding="utf-8")


def site_file(root: Path, name: str) -> Path:
    folder = (root / "welsh-folder.txt").read_text(encoding="utf-8")
    return root / "site" / folder / "reports" / REPORT / name


def test_plain_text_has_the_welsh_interface_words(welsh: Path):
    text = site_file(welsh, f"{REPORT}.txt").read_text(encoding="utf-8")
    for words in ("Cynnwys", "Argymhelliad 1", "Statws ar 31 Mawrth 2024:", "Argymhellion ac ymatebion",
                  "Gwnaed y fersiwn testun plaen hwn o dudalen we’r adroddiad:"):
        assert words in text, words
    for english in ("Contents", "Recommendation 1", "Status on ", "Recommendations and responses", "edition was made"):
        assert english not in text, english


@needs_tool("lou_translate")
def test_braille_is_in_the_welsh_table_and_reads_back(welsh: Path):
    brf = site_file(welsh, f"{REPORT}.brf").read_text(encoding="ascii")
    lines = [line for line in brf.splitlines() if line.strip() and "\f" not in line][:400]
    back = subprocess.run(["lou_translate", "--backward", braille.WELSH_TABLES], input="\n".join(lines).encode("ascii"),
                          capture_output=True, check=True).stdout.decode("utf-8", "replace").lower()
    assert "cynnwys" in back and "diweddariadau" in back  # read back with the Welsh table
    # "Diweddariadau" (updates) contracts differently in Welsh grade 2 and in UEB
    welsh_cells, ueb_cells = (subprocess.run(["lou_translate", "--forward", tables], input=b"Diweddariadau\n",
                                             capture_output=True, check=True).stdout.decode("ascii").strip()
                              for tables in (braille.WELSH_TABLES, braille.TABLES))
    assert welsh_cells != ueb_cells
    assert welsh_cells in brf and ueb_cells not in brf  # the Welsh table was used, not UEB


@needs_tool("espeak-ng", "lame")
def test_audio_is_spoken_by_the_welsh_voice(welsh: Path):
    commands = (welsh / "espeak-commands.txt").read_text(encoding="utf-8").splitlines()
    voices = {c.split(" -v ")[1].split()[0] for c in commands if c.startswith("espeak-ng")}
    assert voices == {"cy"}
    assert sorted(p.name for p in site_file(welsh, "audio").iterdir())[-1] == "playlist.m3u"


def test_word_document_declares_welsh_and_has_welsh_headings(welsh: Path):
    document = docx.Document(str(site_file(welsh, f"{REPORT}.docx")))
    assert document.core_properties.language == "cy"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Crynodeb o’r argymhellion" in headings and "Argymhelliad 1" in headings
    assert not any(h.startswith("Recommendation ") for h in headings)


def test_pdf_and_epub_declare_welsh(welsh: Path):
    import zipfile

    import pikepdf

    with pikepdf.open(site_file(welsh, f"{REPORT}.pdf")) as pdf:
        assert str(pdf.Root.Lang) == "cy"
    with zipfile.ZipFile(site_file(welsh, f"{REPORT}.epub")) as epub:
        opf = next(n for n in epub.namelist() if n.endswith(".opf"))
        assert re.findall(r"<dc:language>([^<]+)</dc:language>", epub.read(opf).decode("utf-8")) == ["cy"]

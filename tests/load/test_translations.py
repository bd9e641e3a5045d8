"""Translations of reports (``content/reports/<id>/<lang>/``): what a translation takes
from its original and from its own files, and every way it can fail to match the
original, each message naming the translation's file and line and the original's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scrutiny.checks import check_publication
from scrutiny.load import load_content
from scrutiny.markdown import parse_content
from scrutiny.markdown.pipeline import parse_translations
from scrutiny.problems import Problems

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "bilingual"
REPORT = "content/reports/school-transport-review"
CY = f"{REPORT}/cy"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root


def run(root: Path) -> tuple[object, list[str]]:
    """Load, parse and check everything (translations too): the content and every problem."""
    problems = Problems()
    content = load_content(root, problems)
    if content is not None:
        parsed = parse_content(content, problems)
        translated = parse_translations(content, parsed, problems)
        check_publication(content, parsed, problems, translated)
    return content, [str(p) for p in problems]


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, rel: str, text: str) -> int:
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


# --- a translation loads ---------------------------------------------------------------


def test_the_fixture_translation_loads_with_its_words_and_the_original_facts():
    content, problems = run(FIXTURE)
    assert problems == []
    original = content.report("school-transport-review")
    welsh = content.translation("school-transport-review", "cy")
    assert [(t.id, t.language) for t in content.translations] == [("school-transport-review", "cy")]
    assert content.languages_of("school-transport-review") == ("en-GB", "cy")
    assert content.languages_of("earlier-review") == ("en-GB",)
    assert original.language == "en-GB"
    # its words
    assert welsh.language == "cy"
    assert welsh.title == "Cludiant o'r Cartref i'r Ysgol"
    assert welsh.summary.startswith("Edrychodd grŵp gorchwyl")
    assert [s.title for s in welsh.sections] == ["Crynodeb gweithredol", "Canfyddiadau"]
    assert welsh.sections[1].body.text.startswith("## Cynllunio")
    assert welsh.sections[1].body.numbered and not welsh.sections[0].body.numbered
    assert welsh.terms_of_reference.text.startswith("Adolygu **cludiant")
    assert welsh.glossary[0].term == "ADY" and welsh.activity[0].event == "Cyfarfod cwmpasu"
    assert welsh.tables[0].caption == "Teithiau bob dydd" and welsh.tables[0].columns == ("Blwyddyn", "Teithiau")
    assert welsh.tables[0].source_note == "Cofnodion y tîm cludiant"
    # the original's facts
    for key in ("id", "code", "committee", "kind", "status", "published", "sent_to_executive", "started"):
        assert getattr(welsh, key) == getattr(original, key)
    assert welsh.tables[0].rows == original.tables[0].rows
    assert welsh.lead_member.name == "Cllr Ada Lovelace" and welsh.lead_member.role == "Aelod Arweiniol"
    assert [p.name for p in welsh.officers] == ["Alan Turing"] and welsh.officers[0].role == "Swyddog Craffu"
    assert welsh.members == original.members  # no roles: nothing to translate
    assert welsh.co_opted_members[0].name == "Ms Grace Hopper" and welsh.co_opted_members[0].body == "Rhiant-lywodraethwr"
    assert welsh.executive_response.date == original.executive_response.date
    rec1, rec2, _ = welsh.recommendations
    assert [r.number for r in welsh.recommendations] == [r.number for r in original.recommendations]
    assert rec1.theme == "Cynllunio" and rec1.text.text.startswith("Cynllunio llwybrau")
    assert rec1.response.decision == original.recommendations[0].response.decision
    assert rec1.response.date == original.recommendations[0].response.date
    action = rec1.response.actions[0]
    assert action.text.startswith("Symud") and action.owners[0].name == "Jo Bloggs"
    assert action.owners[0].role == "Pennaeth Cludiant"
    assert action.target.text == "Mehefin 2023" and action.target.due == original.recommendations[0].response.actions[0].target.due
    update = rec1.updates[0]
    assert update.status.id == "behind-schedule" and update.meeting == "Pwyllgor Craffu Pobl"
    assert update.revised_target.text == "Mawrth 2024" and update.reason.startswith("Cyrhaeddodd")
    # a target written without words is the original's
    assert rec2.response.actions[0].target == original.recommendations[1].response.actions[0].target
    # every source is the translation's file and line
    assert str(welsh.source) == f"{CY}/report.yaml:1"
    assert str(rec1.source) == f"{CY}/recommendations.yaml:5"
    assert str(rec1.text.source) == f"{CY}/recommendations.yaml:7"
    assert str(rec1.response.source) == f"{CY}/recommendations.yaml:9"
    assert str(action.source) == f"{CY}/recommendations.yaml:12"
    assert str(update.source) == f"{CY}/recommendations.yaml:17"
    assert str(welsh.sections[1].body.source) == f"{CY}/findings.md:1"


def test_a_draft_original_keeps_its_translation_a_draft(project):
    edit(project, f"{REPORT}/report.yaml", "status: published", "status: draft")
    content, problems = run(project)
    assert problems == []
    assert content.translation("school-transport-review", "cy").status == "draft"


def test_the_welsh_text_is_parsed_at_its_own_lines_against_the_original_numbers(project):
    edit(project, f"{CY}/findings.md", "fel y noda Argymhellion (1, 2 a 3)", "fel y noda Argymhelliad 9")
    edit(project, f"{CY}/summary.md", "ac mae Argymhelliad 3", "ac mae [Argymhelliad 3](ftp://x)")
    _, problems = run(project)
    assert problems == [
        f'{CY}/findings.md:7: "Argymhelliad 9" cites recommendation 9, which school-transport-review does not have '
        "(its recommendations are 1 to 3)",
        f'{CY}/summary.md:2: link "ftp://x" is not allowed (links may be http(s):, mailto:, tel:, rec: (a '
        "recommendation) or #anchor)",
    ]


# --- the language of a report and of its folders ------------------------------------------


def test_report_language_is_read_and_checked(project):
    edit(project, "content/reports/earlier-review/report.yaml", "status: published", "status: published\nlanguage: cy")
    content, problems = run(project)
    assert problems == []
    assert content.report("earlier-review").language == "cy"
    edit(project, "content/reports/earlier-review/report.yaml", "language: cy", "language: cym")
    content, problems = run(project)
    assert problems == [
        'content/reports/earlier-review/report.yaml:6: the report\'s language "cym" is not one of the site\'s '
        'languages (en-GB, cy) (did you mean "cy"?; a report is written in one of site.languages in '
        "site_config.yaml, and its translations lie beside it in a folder named after their language (cy/))"]
    assert content.report("earlier-review").language == "en-GB"


def test_a_folder_in_a_language_the_site_does_not_have_is_an_error(project):
    (project / REPORT / "fr").mkdir()
    (project / REPORT / "images").mkdir()  # not a language: not ours to judge
    _, problems = run(project)
    assert problems == [f"{REPORT}/fr: fr/ is a translation into French, which site.languages does not list "
                        "(en-GB, cy) (add it to site.languages in site_config.yaml, or delete the folder)"]


def test_a_welsh_folder_on_an_english_only_site_is_an_error(project):
    edit(project, "site_config.yaml", "languages: [en-GB, cy]", "language: en-GB")
    text = (project / "site_config.yaml").read_text(encoding="utf-8")
    (project / "site_config.yaml").write_text(text.split("translations:")[0], encoding="utf-8")
    content, problems = run(project)
    assert problems == [f"{CY}: cy/ is a translation into Welsh, which site.languages does not list (en-GB) "
                        "(add it to site.languages in site_config.yaml, or delete the folder)"]
    assert content.translations == ()


def test_a_translation_into_the_report_own_language_is_an_error(project):
    edit(project, f"{REPORT}/report.yaml", "status: published", "status: published\nlanguage: cy")
    _, problems = run(project)
    assert problems == [f"{CY}: cy/ is a translation into Welsh, the language the report is written in (cy) (a "
                        "translation is into another of the site's languages; if the report is in another language, "
                        f"say so with `language:` in {REPORT}/report.yaml)"]


# --- facts are entered once ----------------------------------------------------------------


def test_a_fact_in_a_translation_is_an_error(project):
    edit(project, f"{CY}/report.yaml", "title:", "code: TBC-HST-2023\ntitle:")
    edit(project, f"{CY}/recommendations.yaml", "        meeting: Pwyllgor Craffu Pobl\n        note: Wedi'i ohirio",
         "        status: complete\n        meeting: Pwyllgor Craffu Pobl\n        note: Wedi'i ohirio")
    edit(project, f"{CY}/report.yaml", "{title: Swyddog Craffu}", "{name: Alan Turing, title: Swyddog Craffu}")
    _, problems = run(project)
    assert problems == [
        f'{CY}/recommendations.yaml:18: "status" of the update of 1 December 2023 is a fact, not words to translate (the '
        f"original gives it at {REPORT}/recommendations.yaml:19) (delete it here: enter it once, in "
        "../recommendations.yaml)",
        f'{CY}/report.yaml:3: "code" of report.yaml is a fact, not words to translate (the original gives it at '
        f"{REPORT}/report.yaml:2) (delete it here: enter it once, in ../report.yaml)",
        f'{CY}/report.yaml:10: "name" of person 1 of officers is a fact, not words to translate (the original '
        f"gives it at {REPORT}/report.yaml:18) (delete it here: enter it once, in ../report.yaml)",
    ]


# --- the translation must match the original ----------------------------------------------


def test_a_recommendation_missing_from_the_translation(project):
    edit(project, f"{CY}/recommendations.yaml", "  - number: 3\n", "  - numbr: 3\n")
    _, problems = run(project)
    assert problems == [
        f"{CY}/recommendations.yaml:4: recommendations.yaml (Welsh) has no recommendation 3 (the original's is "
        f"at {REPORT}/recommendations.yaml:41) (add it here, where ../recommendations.yaml has it, with its "
        "Welsh words)",
        f'{CY}/recommendations.yaml:36: this recommendation of recommendations.yaml has no "number", which pairs it '
        "with the original's (add `number: ...` as ../recommendations.yaml writes it)"]


def test_a_recommendation_the_original_does_not_have(project):
    edit(project, f"{CY}/recommendations.yaml", "  - number: 3\n", "  - number: 4\n")
    _, problems = run(project)
    line = line_of(project, f"{CY}/recommendations.yaml", "number: 4")
    assert problems == [
        f"{CY}/recommendations.yaml:4: recommendations.yaml (Welsh) has no recommendation 3 (the original's is at "
        f"{REPORT}/recommendations.yaml:41) (add it here, where ../recommendations.yaml has it, with its Welsh words)",
        f"{CY}/recommendations.yaml:{line}: recommendation 4 is not in the original ({REPORT}/recommendations.yaml:2 "
        "has 1, 2, 3) (a translation has the original's recommendations only: check the number, or delete it here)",
    ]


def test_recommendations_in_another_order(project):
    path = project / CY / "recommendations.yaml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("  - number: 1\n")
    one, two_three = rest.split("  - number: 2\n")
    two, three = two_three.split("  - number: 3\n")
    path.write_text(head + "  - number: 2\n" + two + "  - number: 1\n" + one + "  - number: 3\n" + three, encoding="utf-8")
    _, problems = run(project)
    assert problems == [
        f"{CY}/recommendations.yaml:5: recommendation 2 comes here where the original has recommendation 1 "
        f"({REPORT}/recommendations.yaml:2): the recommendations are in a different order (put them in the order "
        "of ../recommendations.yaml)"]


def test_sub_recommendations_that_differ(project):
    # the original's 3 becomes a stem with one part, 3a; the translation keeps a plain 3
    path = project / REPORT / "recommendations.yaml"
    head = path.read_text(encoding="utf-8").split("  - number: 3\n")[0]
    path.write_text(head + "  - number: 3\n    theme: Parents\n    text: 'That Cabinet:'\n    parts:\n"
                    "      - number: a\n        text: Tell parents of their route by 1 August.\n"
                    "        response: {decision: rejected, date: 2023-09-14, decision_maker: Cabinet, "
                    "text: Routes depend on late applications.}\n", encoding="utf-8")
    edit(project, f"{REPORT}/findings.md", "[[recommendation 3]]", "[[recommendation 3a]]")
    edit(project, f"{CY}/findings.md", "[[recommendation 3]]", "[[recommendation 3a]]")
    _, problems = run(project)
    assert problems == [
        f"{CY}/recommendations.yaml:36: recommendation 3 has parts (sub-recommendations) in the original "
        f"({REPORT}/recommendations.yaml:41) but not here (list them under `parts:`, each with its number, as "
        "../recommendations.yaml does)",
        f'{CY}/recommendations.yaml:39: "response" of recommendation 3 is not in the original '
        f"({REPORT}/recommendations.yaml:41) (a translation holds only the original's words: delete it here, or add "
        "it to ../recommendations.yaml first)"]
    # parts on both sides, but not the same ones
    edit(project, f"{CY}/recommendations.yaml", "    text: Rhoi gwybod i rieni am eu llwybr erbyn 1 Awst.\n",
         "    text: 'Bod y Cabinet:'\n    parts:\n      - number: b\n        text: Rhoi gwybod i rieni.\n")
    _, problems = run(project)
    assert problems[:2] == [
        f"{CY}/recommendations.yaml:39: recommendation 3 (Welsh) has no recommendation 3(a) (the original's is at "
        f"{REPORT}/recommendations.yaml:45) (add it here, where ../recommendations.yaml has it, with its Welsh words)",
        f"{CY}/recommendations.yaml:40: recommendation 3(b) is not in the original ({REPORT}/recommendations.yaml:45 "
        "has 3(a)) (a translation has the original's parts only: check the number, or delete it here)"]


def test_a_different_count_of_actions_owners_and_updates(project):
    edit(project, f"{CY}/recommendations.yaml", "            - {title: Pennaeth Cludiant}\n",
         "            - {title: Pennaeth Cludiant}\n            - {title: Rheolwr}\n")
    edit(project, f"{CY}/recommendations.yaml", "      - date: 2024-03-01\n", "      - date: 2024-03-02\n")
    edit(project, f"{CY}/recommendations.yaml", "        - action: Ychwanegu llinell ar gyfer cludiant at y llyfr cyllideb.\n"
         "          owners:\n            - {title: Rheolwr Cyllid}\n", "")
    _, problems = run(project)
    cy = f"{CY}/recommendations.yaml"
    assert problems == [
        f"{cy}:13: action 1 of response of recommendation 1 lists 2 owners here but 1 in the original "
        f"({REPORT}/recommendations.yaml:14) (translate each of the original's owners, in its order: the first here "
        "is the first there)",
        f'{cy}:27: response of recommendation 2 has no Welsh words for "actions" (the original\'s are at '
        f"{REPORT}/recommendations.yaml:32) (add `actions: ...` in Welsh)",
        f"{cy}:30: recommendation 2 (Welsh) has no update of 1 March 2024 (the original's is at "
        f"{REPORT}/recommendations.yaml:37) (add it here, where ../recommendations.yaml has it, with its Welsh words)",
        f"{cy}:31: the update of 2 March 2024 is not in the original ({REPORT}/recommendations.yaml:37 has 1 March "
        "2024) (a translation has the original's updates only: check the date, or delete it here)",
    ]


def test_a_section_file_missing_or_extra(project):
    (project / CY / "findings.md").rename(project / CY / "canfyddiadau.md")
    _, problems = run(project)
    assert problems == [
        f"{CY}/canfyddiadau.md: this file is not a translation of one of the report's sections (findings.md, "
        "summary.md) (name it as the original's section file it translates, or delete it)",
        f'{CY}/report.yaml:16: the section file "findings.md" has no Welsh translation: {CY}/findings.md does not '
        f"exist (the original is {REPORT}/findings.md) (add {CY}/findings.md with the same paragraphs in Welsh)",
    ]


def test_a_section_listed_that_the_original_does_not_have(project):
    edit(project, f"{CY}/report.yaml", "  - {file: findings.md, title: Canfyddiadau}\n",
         "  - {file: findings.md, title: Canfyddiadau}\n  - {file: atodiad.md, title: Atodiad}\n")
    _, problems = run(project)
    assert problems == [
        f'{CY}/report.yaml:17: section "atodiad.md" is not in the original ({REPORT}/report.yaml:24 has summary.md, '
        "findings.md) (a translation has the original's sections only: check the file, or delete it here)"]


def test_numbered_paragraphs_that_differ(project):
    edit(project, f"{CY}/findings.md", "Cododd y costau, fel y noda Argymhellion (1, 2 a 3).\n\n", "")
    edit(project, f"{CY}/findings.md", "[[recommendations 1-2]]\n\n", "")
    edit(project, f"{CY}/findings.md", "Caiff llwybrau i blant ag ADY eu cynllunio bob haf.[^1]",
         "Caiff llwybrau i blant ag ADY eu cynllunio bob haf.[^1] Cododd y costau, fel y noda Argymhellion (1, 2 a 3).")
    _, problems = run(project)
    assert f"{CY}/findings.md:1: the Welsh text has 2 numbered paragraphs under this heading, the original 3 " \
           f"({REPORT}/findings.md:1) (keep the original's paragraphs one for one (a paragraph's number is the " \
           "same in every language): join or split paragraphs as the original does)" in problems


def test_placements_that_differ(project):
    edit(project, f"{CY}/findings.md", "[[recommendations 1-2]]", "[[recommendations 1]]")
    edit(project, f"{CY}/findings.md", "[[recommendation 3]]", "[[recommendation 2]]\n\n[[recommendation 3]]")
    _, problems = run(project)
    assert problems == [
        f"{CY}/findings.md:9: [[recommendation 1]] comes here where the original has [[recommendation 1, 2]] "
        f"({REPORT}/findings.md:9) (place the same recommendations and tables as the original, in the same order)"]


def test_a_target_that_means_other_dates(project):
    edit(project, f"{CY}/recommendations.yaml", "target: Mehefin 2023", "target: Gorffennaf 2023")
    edit(project, f"{CY}/recommendations.yaml", "revised_target: Mawrth 2024", "revised_target: dydd Llun")
    _, problems = run(project)
    assert problems == [
        f'{CY}/recommendations.yaml:15: the target "Gorffennaf 2023" of action 1 of recommendation 1 means other '
        f'dates than the original\'s "June 2023" ({REPORT}/recommendations.yaml:15) (write the same target in '
        "Welsh: a change of date is made once, in ../recommendations.yaml)",
        f'{CY}/recommendations.yaml:20: the target of the update of 2023-12-01 of recommendation 1: "dydd Llun" is '
        'not a target date (write "2013-06-27", "28 February 2014", "June 2013", "June - September 2013", "2014", '
        '"2013/14" (April to March), "Q3 2014/15", any of these after "by", "during" or "end of", "within 6 months", '
        '"immediate", "ongoing", "April 2013 and ongoing", "TBC" or "completed") '
        f"(write the original's target (March 2024, {REPORT}/recommendations.yaml:21) in Welsh)",
    ]


def test_a_target_left_out_is_allowed_only_when_the_original_has_no_words(project):
    edit(project, f"{CY}/recommendations.yaml", "          target: Mehefin 2023\n", "")
    _, problems = run(project)
    assert problems == [
        f'{CY}/recommendations.yaml:12: action 1 of response of recommendation 1 has no Welsh words for "target" '
        f"(the original's are at {REPORT}/recommendations.yaml:15) (add `target: ...` in Welsh)"]


def test_a_required_text_missing(project):
    edit(project, f"{CY}/report.yaml", "summary: Edrychodd grŵp gorchwyl ar sut mae'r cyngor yn cynllunio cludiant o'r "
         "cartref i'r ysgol.\n", "")
    edit(project, f"{CY}/recommendations.yaml", "    theme: Rhieni\n", "")
    edit(project, f"{CY}/recommendations.yaml", "        reason: Cyrhaeddodd y feddalwedd llwybrau yn hwyr.\n", "")
    _, problems = run(project)
    assert problems == [
        f'{CY}/recommendations.yaml:17: the update of 1 December 2023 has no Welsh words for "reason" (the original\'s are at '
        f"{REPORT}/recommendations.yaml:22) (add `reason: ...` in Welsh)",
        f'{CY}/recommendations.yaml:35: recommendation 3 has no Welsh words for "theme" (the original\'s are at '
        f"{REPORT}/recommendations.yaml:42) (add `theme: ...` in Welsh)",
        f'{CY}/report.yaml:3: report.yaml has no Welsh words for "summary" (the original\'s are at '
        f"{REPORT}/report.yaml:6) (add `summary: ...` in Welsh)",
    ]


def test_a_text_the_original_does_not_have(project):
    edit(project, f"{CY}/report.yaml", "title:", "council: Cyngor Bwrdeistref Prawf\ntitle:")
    _, problems = run(project)
    assert problems == [
        f'{CY}/report.yaml:3: "council" of report.yaml is not in the original ({REPORT}/report.yaml:1) (a '
        "translation holds only the original's words: delete it here, or add it to ../report.yaml first)"]


def test_a_translation_without_report_yaml_or_recommendations(project):
    (project / CY / "recommendations.yaml").unlink()
    _, problems = run(project)
    assert problems == [f"{CY}: this Welsh translation has no recommendations.yaml (the original's {REPORT}/"
                        f"recommendations.yaml has words to translate) (add {CY}/recommendations.yaml with each "
                        "recommendation's number and Welsh words)"]
    (project / CY / "report.yaml").unlink()
    content, problems = run(project)
    assert problems == [f"{CY}: this Welsh translation has no report.yaml (add {CY}/report.yaml with the Welsh title "
                        f"and the other words of {REPORT}/report.yaml)"]
    assert content.translations == ()


def test_every_problem_of_a_translation_in_one_run(project):
    edit(project, f"{CY}/report.yaml", "title:", "status: draft\ntitle:")
    edit(project, f"{CY}/recommendations.yaml", "  - number: 3\n", "  - number: 4\n")
    edit(project, f"{CY}/recommendations.yaml", "target: Mehefin 2023", "target: Gorffennaf 2023")
    edit(project, f"{CY}/findings.md", "[[recommendation 3]]", "")
    edit(project, f"{CY}/summary.md", "Argymhelliad 3", "Argymhelliad 7")
    (project / REPORT / "de").mkdir()
    _, problems = run(project)
    assert len(problems) == 7, problems
    assert {p.split(":")[0] for p in problems} == {f"{CY}/report.yaml", f"{CY}/recommendations.yaml",
                                                    f"{CY}/findings.md", f"{CY}/summary.md", f"{REPORT}/de"}


# --- the translation's text, parsed and checked ------------------------------------------


def test_welsh_phrases_of_a_translation_link_the_original_numbers():
    problems = Problems()
    content = load_content(FIXTURE, problems)
    parsed = parse_content(content, problems)
    translated = parse_translations(content, parsed, problems)
    assert problems.items == [] and list(translated) == ["cy"] and list(translated["cy"]) == ["school-transport-review"]
    doc = translated["cy"]["school-transport-review"]
    links = [(t.children[i + 1].content, t.children[i].attrGet("href")) for t in doc.sections["summary"]
             if t.type == "inline" for i, c in enumerate(t.children) if c.type == "link_open"]
    assert links == [("1", "rec:school-transport-review/1"), ("2", "rec:school-transport-review/2"),
                     ("Argymhelliad 3", "rec:school-transport-review/3")]
    assert doc.paragraph_count == parsed["school-transport-review"].paragraph_count == 3
    assert [str(n) for n in doc.placements] == ["1", "2", "3"]
    assert sorted({f"{c.target[0]}/{c.target[1]}" for c in doc.citations}) == [
        "earlier-review/1", "school-transport-review/1", "school-transport-review/2", "school-transport-review/3"]


def test_a_translated_table_charts_its_translated_columns(project):
    from tests.conftest import with_chart

    with_chart(project)
    content, problems = run(project)
    assert problems == []
    chart = content.translation("school-transport-review", "cy").tables[0].chart
    assert chart["encoding"]["x"]["field"] == "Blwyddyn" and chart["encoding"]["y"]["field"] == "Teithiau"
    assert content.report("school-transport-review").tables[0].chart["encoding"]["x"]["field"] == "Year"


def test_the_other_texts_evidence_sign_off_schedule_lead_officers_and_addressees(project):
    edit(project, f"{REPORT}/report.yaml", "executive_response:",
         "update_schedule:\n  meetings:\n    - {date: 2024-06-01, event: Summer committee}\n"
         "    - {date: 2024-01-15, event: Winter committee}\nexecutive_response:")
    edit(project, f"{REPORT}/recommendations.yaml", "        note: Published.\n",
         "        note: Published.\n        evidence:\n          - {title: Budget book, url: https://example.org/b}\n"
         "          - Cabinet minutes\n        sign_off: {date: 2024-03-01, meeting: People Scrutiny Committee}\n")
    edit(project, f"{REPORT}/recommendations.yaml", "    text: Publish the cost of transport each year.\n",
         "    text: Publish the cost of transport each year.\n    addressed_to: Cabinet\n"
         "    lead_officers: [{name: Sam Smith, title: Finance Manager}, Officers as appropriate]\n")
    edit(project, f"{CY}/report.yaml", "executive_response:",
         "update_schedule:\n  meetings:\n    - {event: Pwyllgor yr haf}\n    - {event: Pwyllgor y gaeaf}\nexecutive_response:")
    edit(project, f"{CY}/recommendations.yaml", "        note: Wedi'i gyhoeddi.\n",
         "        note: Wedi'i gyhoeddi.\n        evidence:\n          - {title: Y llyfr cyllideb}\n"
         "          - Cofnodion y Cabinet\n        sign_off: {meeting: Pwyllgor Craffu Pobl}\n")
    edit(project, f"{CY}/recommendations.yaml", "    text: Cyhoeddi cost cludiant bob blwyddyn.\n",
         "    text: Cyhoeddi cost cludiant bob blwyddyn.\n    addressed_to: Y Cabinet\n"
         "    lead_officers: [{title: Rheolwr Cyllid}, Swyddogion fel y bo'n briodol]\n")
    content, problems = run(project)
    assert problems == []
    welsh = content.translation("school-transport-review", "cy")
    # the schedule is sorted by date; each meeting keeps its own words
    assert [(m.date.isoformat(), m.event) for m in welsh.update_schedule.meetings] == [
        ("2024-01-15", "Pwyllgor y gaeaf"), ("2024-06-01", "Pwyllgor yr haf")]
    rec2 = welsh.recommendations[1]
    update = rec2.updates[0]
    assert [(e.title, e.url) for e in update.evidence] == [("Y llyfr cyllideb", "https://example.org/b"),
                                                           ("Cofnodion y Cabinet", "")]
    assert update.sign_off.meeting == "Pwyllgor Craffu Pobl" and update.sign_off.date.isoformat() == "2024-03-01"
    assert rec2.addressed_to == "Y Cabinet"
    assert [(p.name, p.role) for p in rec2.lead_officers] == [("Sam Smith", "Rheolwr Cyllid"),
                                                              ("Swyddogion fel y bo'n briodol", "")]
    # an evidence link is a fact
    edit(project, f"{CY}/recommendations.yaml", "{title: Y llyfr cyllideb}", "{title: Y llyfr cyllideb, url: https://x.cymru/}")
    _, problems = run(project)
    assert len(problems) == 1 and '"url" of item of evidence 1 of the update of 1 March 2024 is a fact' in problems[0]


def test_two_updates_of_one_day_pair_in_order_and_a_third_is_given_twice(project):
    edit(project, f"{REPORT}/recommendations.yaml", "        note: Published.\n",
         "        note: Published.\n      - date: 2024-03-01\n        status: complete\n        note: Checked.\n")
    edit(project, f"{CY}/recommendations.yaml", "        note: Wedi'i gyhoeddi.\n",
         "        note: Wedi'i gyhoeddi.\n      - date: 2024-03-01\n        note: Wedi'i wirio.\n")
    content, problems = run(project)
    assert problems == []
    updates = content.translation("school-transport-review", "cy").recommendations[1].updates
    assert [u.note.text for u in updates] == ["Wedi'i gyhoeddi.", "Wedi'i wirio."]
    edit(project, f"{CY}/recommendations.yaml", "        note: Wedi'i wirio.\n",
         "        note: Wedi'i wirio.\n      - date: 2024-03-01\n        note: Eto.\n")
    _, problems = run(project)
    assert problems == [f"{CY}/recommendations.yaml:38: the update of 1 March 2024 is given twice (first at line 33) "
                        "(translate each of the original's once)"]


# --- the hardening rules hold for translations too -----------------------------------------


def test_a_translation_file_linking_outside_the_project_is_not_read(project, tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text("Not for publishing.\n", encoding="utf-8")
    (project / CY / "findings.md").unlink()
    (project / CY / "findings.md").symlink_to(outside)
    content, problems = run(project)
    assert problems == [f"{CY}/findings.md: is a symbolic link to {outside}, outside the project folder (only files "
                        "inside the project are published: copy the file or folder into the project instead of "
                        "linking to it, or delete the link)"]
    assert content.translations == () and "school-transport-review" in content.unreadable


def test_a_translation_file_too_big_is_refused_at_its_path(project):
    from scrutiny.load.textfile import MAX_FILE_BYTES

    (project / CY / "summary.md").write_text("Gair. " * (MAX_FILE_BYTES // 6 + 1), encoding="utf-8")
    content, problems = run(project)
    size = (project / CY / "summary.md").stat().st_size
    assert problems == [f"{CY}/summary.md: the file is {size:,} bytes; at most {MAX_FILE_BYTES:,} are read (split it (a "
                        "report can have many section files), or remove what does not belong in it)"]

"""Every field of ``site_config.yaml`` is checked by type and form when it is loaded, each bad
value reported at its own line with the fix, all of them in one run: the values reach file
names, ``lang`` attributes, the search index, links and metadata of every output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scrutiny.build import build, gather
from scrutiny.problems import ContentError
from tests.conftest import copy_fixture, with_formats

BASE_URL = "  base_url: https://scrutiny.test.example/"
LANGUAGE = "  language: en-GB"


def configured(tmp_path: Path, *edits: tuple[str, str], extra: str = "") -> Path:
    """The minimal fixture with lines of its site_config.yaml replaced, and ``extra`` appended."""
    root = copy_fixture(tmp_path)
    config = root / "site_config.yaml"
    text = config.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    config.write_text(text + extra, encoding="utf-8")
    return root


def line(root: Path, needle: str) -> int:
    lines = (root / "site_config.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, 1) if needle in text)


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        gather(root)
    return [str(p) for p in err.value.problems]


# --- site.language -------------------------------------------------------------------------

LANGUAGE_HINT = "(write a BCP 47 language tag such as en, en-GB, or cy for Welsh)"


@pytest.mark.parametrize("tag, why", [
    ("../../../escape", "is not a BCP 47 language tag"),
    ("en_GB", "is not a BCP 47 language tag"),
    ('en-GB\\"><script>alert(1)</script>', "is not a BCP 47 language tag"),
    ("en-GB/../../x", "is not a BCP 47 language tag"),
    ("english", 'does not start with a known language code ("english")'),
    ("zz", 'does not start with a known language code ("zz")'),
    ("en-XY", 'names an unknown region ("XY")'),
])
def test_a_language_that_is_not_a_bcp47_tag_is_an_error_at_its_line(tmp_path, tag, why):
    root = configured(tmp_path, (LANGUAGE, f'  language: "{tag}"'))
    shown = tag.replace('\\"', '"')
    assert problems(root) == [f'site_config.yaml:{line(root, "language:")}: "language" "{shown}" {why} {LANGUAGE_HINT}']


@pytest.mark.parametrize("tag", ["en", "cy", "en-GB", "cy-GB", "en-Latn-GB", "es-419", "gsw"])
def test_a_bcp47_tag_is_accepted_as_written(tmp_path, tag):
    root = configured(tmp_path, (LANGUAGE, f"  language: {tag}"), (BASE_URL, '  base_url: "javascript:x"'))
    # the one problem is the base_url's: the language passed
    assert [p for p in problems(root) if '"language"' in p] == []
    root = configured(tmp_path / "ok", (LANGUAGE, f"  language: {tag}"))
    assert gather(root).config.language == tag


def test_a_hostile_language_never_reaches_file_names_or_the_search_index(tmp_path):
    """Pagefind names its files after each page's ``lang``: ``../`` in it once wrote files
    outside the output folder, and a long tag crashed it. Now the build stops at the check."""
    root = configured(tmp_path, (LANGUAGE, "  language: ../../../../escaped"))
    with_formats(root, "")
    out = tmp_path / "out" / "site"
    with pytest.raises(ContentError) as err:
        build(root, out)
    assert [p.line for p in err.value.problems] == [line(root, "language:")]
    assert not out.exists() and not (tmp_path / "out").exists()
    assert not [p for p in tmp_path.rglob("*escaped*")]


# --- site.base_url -------------------------------------------------------------------------

BASE_URL_HINT = ("(give the address the site is published at, starting https:// (e.g. "
                 "https://scrutiny.example.gov.uk/), or a path from the server's root such as /scrutiny/)")


@pytest.mark.parametrize("url, why", [
    ("javascript:alert(1)//", "is not an absolute http(s) address"),
    ("JaVaScRiPt:alert(document.domain)//", "is not an absolute http(s) address"),
    ("data:text/html,<script>alert(1)</script>", "is not an absolute http(s) address"),
    ("file:///etc/", "is not an absolute http(s) address"),
    ("//evil.example/", "is not an absolute http(s) address"),
    ("scrutiny/", "is not an absolute http(s) address"),
    ("https:///scrutiny/", "does not name a host (a web server's name such as www.example.gov.uk)"),
    ("https://user:secret@scrutiny.example/", "has a user name or password in it"),
    ("https://scrutiny.example/?q=1", "has a query or fragment (?, #)"),
    ('https://scrutiny.example/"onmouseover="alert(1)', "has characters an address cannot hold (spaces, quotes, < > or \\)"),
    ("https://scrutiny.example/a b/", "has characters an address cannot hold (spaces, quotes, < > or \\)"),
    ("/scrutiny/../../", 'has a "." or ".." folder in its path'),
])
def test_a_base_url_that_is_not_a_web_address_is_an_error_at_its_line(tmp_path, url, why):
    root = configured(tmp_path, (BASE_URL, f"  base_url: '{url}'"))
    assert problems(root) == [f'site_config.yaml:{line(root, "base_url:")}: "base_url" "{url}" {why} {BASE_URL_HINT}']


@pytest.mark.parametrize("url, kept", [("/", "/"), ("/scrutiny", "/scrutiny/"), ("https://scrutiny.example.gov.uk", "https://scrutiny.example.gov.uk/"),
                                       ("http://localhost:8000/site/", "http://localhost:8000/site/")])
def test_an_absolute_address_or_a_root_path_is_accepted(tmp_path, url, kept):
    root = configured(tmp_path, (BASE_URL, f"  base_url: {url}"), (LANGUAGE, "  language: ../x"))
    assert [p for p in problems(root) if "base_url" in p] == []
    assert gather(configured(tmp_path / "ok", (BASE_URL, f"  base_url: {url}"))).config.base_url == kept


#: Each output the base URL reaches (EPUB identifier, large-print and Word links, JSON
#: ``url``, page heads' canonical and OpenGraph addresses), with the formats that build it.
OUTPUTS = {"epub": "epub", "large print": "large-print", "word": "docx", "json": "data", "page heads": ""}


@pytest.mark.parametrize("output", OUTPUTS)
def test_a_script_base_url_is_refused_before_any_output_is_written(tmp_path, output):
    hostile = "javascript:alert(document.cookie)//"
    root = with_formats(configured(tmp_path, (BASE_URL, f'  base_url: "{hostile}"')), OUTPUTS[output])
    out = tmp_path / "site"
    with pytest.raises(ContentError) as err:
        build(root, out)
    assert [str(p) for p in err.value.problems] == [
        f'site_config.yaml:{line(root, "base_url:")}: "base_url" "{hostile}" is not an absolute http(s) address {BASE_URL_HINT}']
    assert not out.exists()


# --- contact ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key, value, message", [
    ("email", "scrutiny@test.example?subject=Hello", '"email" "scrutiny@test.example?subject=Hello" is not an email address '
     "(write one address, e.g. scrutiny@example.gov.uk)"),
    ("email", "javascript:alert(1)", '"email" "javascript:alert(1)" is not an email address (write one address, e.g. scrutiny@example.gov.uk)'),
    ("phone", "01234 javascript:alert(1)", '"phone" "01234 javascript:alert(1)" is not a telephone number (write one number of '
     'digits, spaces and + ( ) - only, in quotes, e.g. "01905 766916" or "+44 1905 766916")'),
    ("phone", "0123456", '"phone" should be text, found 0123456, which YAML reads as the number 42798 (put it in quotes: phone: "0123456")'),
])
def test_contact_email_and_phone_must_be_an_address_and_a_number(tmp_path, key, value, message):
    old = {"email": "  email: scrutiny@test.example", "phone": '  phone: "01234 567890"'}[key]
    quoted = value if value.isdigit() else f"'{value}'"
    root = configured(tmp_path, (old, f"  {key}: {quoted}"))
    assert problems(root) == [f"site_config.yaml:{line(root, f'  {key}:')}: {message}"]


def test_email_and_phone_in_their_usual_forms_are_accepted(tmp_path):
    root = configured(tmp_path, ("  email: scrutiny@test.example", "  email: o'leary.scrutiny@test.example"),
                      ('  phone: "01234 567890"', '  phone: "+44 (0)1234 567890"'), (LANGUAGE, "  language: x"))
    assert [p for p in problems(root) if "email" in p or "phone" in p] == []


# --- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("written, message", [
    ("  title: 1.10", '"title" should be text, found 1.10, which YAML reads as the number 1.1 (put it in quotes: title: "1.10")'),
    ('  title: "Reports\\a"', '"title" contains the control character U+0007 (delete it: most editors do not show it)'),
    ('  title: "Reports \\u202egro.elpmaxe"', '"title" contains the control character U+202E (delete it: most editors do not show it)'),
    ("  title: |\n    Two\n    lines", '"title" contains a line break (write it on one line)'),
    ("  title: " + "x" * 501, '"title" is 501 characters long, more than 500 (shorten it)'),
])
def test_a_text_field_is_one_line_of_text_as_written(tmp_path, written, message):
    root = configured(tmp_path, ("  title: Test scrutiny reports", written))
    assert problems(root) == [f"site_config.yaml:{line(root, 'title:')}: {message}"]


def test_a_paragraph_field_may_have_line_breaks_and_a_round_number_stays_as_written(tmp_path):
    extra = ("brand:\n  footer: |\n    Published by the team.\n    Second line.\n  focus: \"#ffdd00\\u0007\"\n")
    root = configured(tmp_path, ('  phone: "01234 567890"', "  phone: 01234567890"), extra=extra)
    assert problems(root) == [f"site_config.yaml:{line(root, 'focus:')}: \"focus\" contains the control character U+0007 "
                              "(delete it: most editors do not show it)"]
    root.joinpath("site_config.yaml").write_text(root.joinpath("site_config.yaml").read_text().replace("\\u0007", ""))
    config = gather(root).config
    assert config.brand.footer == "Published by the team.\nSecond line." and config.contact.phone == "01234567890"


# --- brand colours, numbers, formats ---------------------------------------------------------------


def test_a_colour_that_is_not_hex_is_an_error_at_its_own_line(tmp_path):
    extra = 'brand:\n  primary: "#1d4f91"\n  link: red\n  focus: "#ffdd00; } body { display: none"\n'
    root = configured(tmp_path, extra=extra)
    assert problems(root) == [
        f'site_config.yaml:{line(root, "link:")}: brand colour link "red" is not a hex colour (write it like "#1d4f91")',
        f'site_config.yaml:{line(root, "focus:")}: brand colour focus "#ffdd00; }} body {{ display: none" is not a hex colour '
        '(write it like "#1d4f91")']


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "15", "100", "1.0e+400"])
def test_large_print_size_is_finite_and_from_16_to_48_points(tmp_path, value):
    root = configured(tmp_path, extra=f"large_print:\n  font_size_pt: {value}\n")
    shown = {".nan": "nan", ".inf": "inf", "-.inf": "-inf", "1.0e+400": "inf"}.get(value, value)
    assert problems(root) == [f"site_config.yaml:{line(root, 'font_size_pt')}: large print font_size_pt is {shown} "
                              "(give a size from 16 to 48 pt: large print is never under 16 pt; 18 is usual)"]


@pytest.mark.parametrize("value", [".nan", ".inf"])
def test_response_months_that_is_not_finite_is_a_problem_not_a_crash(tmp_path, value):
    root = configured(tmp_path, ("  as_of: 2024-03-31", f"  as_of: 2024-03-31\n  response_months: {value}"))
    assert problems(root) == [f"site_config.yaml:{line(root, 'response_months')}: \"response_months\" is {value[1:]} "
                              "(give whole months from 1 to 24 (2 is the rule in England))"]


def test_formats_come_from_the_registry_each_once_at_the_line_of_each(tmp_path):
    root = configured(tmp_path, ("formats: [data, txt, large-print, pdf, docx, epub, brf, audio]",
                                 "formats:\n  - data\n  - pdf\n  - pdf\n  - epub3\n  - [txt]"))
    lines = (root / "site_config.yaml").read_text().splitlines()
    at = {text.strip(): i for i, text in enumerate(lines, 1) if text.startswith("  - ") and "{" not in text}
    assert problems(root) == [
        f'site_config.yaml:{at["- pdf"]}: format "pdf" is listed twice (list each format once)',
        f'site_config.yaml:{at["- epub3"]}: unknown format "epub3" (did you mean "epub"?)',
        f"site_config.yaml:{at['- [txt]']}: a format should be a format id, found a list "
        "(write the list like `formats: [data, txt, pdf]`)"]


# --- all at once, and the file itself --------------------------------------------------------------


def test_every_bad_value_is_reported_in_one_run(tmp_path):
    root = configured(tmp_path, (BASE_URL, "  base_url: 'data:text/html,x'"), (LANGUAGE, "  language: '../x'"),
                      ("  email: scrutiny@test.example", "  email: nobody"),
                      extra="brand:\n  link: blue\n  logo: /etc/passwd\nlarge_print:\n  font_size_pt: .nan\n")
    found = problems(root)
    assert [int(p.split(":")[1]) for p in found] == [line(root, k) for k in
                                                     ("base_url:", "language:", "email:", "link:", "logo:", "font_size_pt")]


def test_a_site_config_that_is_a_folder_or_a_link_out_of_the_project_is_a_problem(tmp_path):
    root = copy_fixture(tmp_path)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text((root / "site_config.yaml").read_text())
    (root / "site_config.yaml").unlink()
    os.symlink(outside, root / "site_config.yaml")
    assert problems(root) == [f"site_config.yaml: the site configuration is a symbolic link to a file outside the project "
                              f"folder (replace the link with the file itself ({outside}))"]
    (root / "site_config.yaml").unlink()
    (root / "site_config.yaml").mkdir()
    assert problems(root) == ["site_config.yaml: the site configuration is not a file "
                              "(site_config.yaml must be a YAML file, not a folder)"]


def test_a_required_text_that_is_empty_is_an_error(tmp_path):
    root = configured(tmp_path, ("  title: Test scrutiny reports", '  title: "  "'), ("  team: Scrutiny Team", "  team: ''"))
    assert problems(root) == [f'site_config.yaml:{line(root, "title:")}: "title" of "site" is empty (write it after `title:`)',
                              f'site_config.yaml:{line(root, "team:")}: "team" of "contact" is empty (write it after `team:`)']

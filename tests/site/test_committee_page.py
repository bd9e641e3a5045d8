"""A committee's page shows its remit, chair and members (with when they were as stated) and
a link to the council's own page, as site_config.yaml gives them, and nothing it does not.
The councils fixture is illustrative: its borough committee gives every key, the county's none."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scrutiny.build import gather
from scrutiny.problems import ContentError
from tests.conftest import FIXTURES

from .conftest import Site, build_site, text


@pytest.fixture(scope="module")
def councils(tmp_path_factory) -> Site:
    base = tmp_path_factory.mktemp("committee-page")
    root = base / "project"
    shutil.copytree(FIXTURES / "councils", root, ignore=shutil.ignore_patterns(".cache", "site"))
    return build_site(root, base / "site")


def facts(site: Site, url: str) -> dict[str, object]:
    """The page's committee facts: dt words to the dd node."""
    dl = site.page(url).find("dl", class_="committee-facts")
    if dl is None:
        return {}
    return {text(row.dt): row.dd for row in dl.find_all("div", class_="summary-list__row")}


def test_remit_chair_members_and_when_they_were_so(councils):
    found = facts(councils, "committees/borough-overview/")
    assert list(found) == ["Remit", "Chair", "Members", "Membership as at", "Council's own page"]
    assert [text(p) for p in found["Remit"].find_all("p")] == [
        "Scrutinises the Cabinet's decisions and the council's services.",
        "Reviews the work of partners <such as the police> & the health service."]  # text, not markup
    assert found["Remit"].find("such") is None
    assert text(found["Chair"]) == "Councillor Alex Example"
    assert [text(li) for li in found["Members"].find_all("li")] == [
        "Councillor Alex Example", "Councillor Sam Sample (Vice-Chair)", "Robin Test (Co-opted member)"]
    assert text(found["Membership as at"]) == (
        "20 May 2014, as recorded in the minutes of the annual meeting of 20 May 2014")


def test_link_to_the_councils_own_page(councils):
    link = facts(councils, "committees/borough-overview/")["Council's own page"].find("a")
    assert link["href"] == "https://democracy.example.test/committees/overview?id=7&view=members"
    assert text(link) == "Overview and Scrutiny Committee on the Example Borough Council website"
    assert '&amp;view=members' in councils.html("committees/borough-overview/")  # escaped in the HTML


def test_a_committee_that_gives_none_of_them_shows_none(councils):
    assert facts(councils, "committees/county-select/") == {}
    words = text(councils.page("committees/county-select/").main)
    assert "Chair" not in words and "Remit" not in words and "Members" not in words


def test_the_committees_list_names_the_chair_with_the_date(councils):
    items = {text(li.h2): text(li) for li in councils.page("committees/").select(".doc-list__item")}
    assert "Chair: Councillor Alex Example (as at 20 May 2014)" in items["Overview and Scrutiny Committee"]
    assert "Chair" not in items["Select Committee"]


def test_no_iso_date_on_the_committee_page(councils):
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text(councils.page("committees/borough-overview/").main))


def councils_copy(tmp_path: Path, old: str, new: str) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "councils", root, ignore=shutil.ignore_patterns(".cache", "site"))
    config = root / "site_config.yaml"
    text_ = config.read_text(encoding="utf-8")
    assert old in text_
    config.write_text(text_.replace(old, new, 1), encoding="utf-8")
    return root


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        gather(root)
    return [str(p) for p in err.value.problems]


def line_of(root: Path, needle: str) -> int:
    lines = (root / "site_config.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize("url", ["www.example.gov.uk/scrutiny", "javascript:alert(1)", "ftp://example.test/x",
                                 "https://", "https://example.test/a b", 'https://example.test/"x'])
def test_a_url_that_is_not_an_absolute_web_address_is_an_error_at_its_line(tmp_path, url):
    old = "    url: https://democracy.example.test/committees/overview?id=7&view=members"
    root = councils_copy(tmp_path, old, f"    url: '{url}'")
    line = line_of(root, "    url: ")
    assert problems(root) == [
        f"site_config.yaml:{line}: committee \"url\" \"{url}\" is not an absolute http(s) address "
        "(give the full address of the council's page, starting https:// (e.g. https://www.example.gov.uk/scrutiny), "
        "or leave it out)"]


def test_a_membership_date_that_is_not_a_date_is_an_error(tmp_path):
    root = councils_copy(tmp_path, "    membership_as_of: 2014-05-20", "    membership_as_of: last spring")
    found = problems(root)
    assert len(found) == 1 and found[0].startswith(f"site_config.yaml:{line_of(root, 'membership_as_of')}: ")
    assert '"membership_as_of"' in found[0] and "last spring" in found[0]


def test_a_member_that_is_not_a_name_is_an_error(tmp_path):
    root = councils_copy(tmp_path, "      - Councillor Alex Example\n", "      - [Alex, Example]\n")
    found = problems(root)
    assert found == [f"site_config.yaml:{line_of(root, '[Alex, Example]')}: a committee member is a list "
                     "(write a name, or `{name: ..., role: ...}`)"]

"""axe-core in headless Chromium: no WCAG 2.0/2.1/2.2 A and AA violations on any kind of page."""

from __future__ import annotations

import pytest

from .conftest import KINDS, describe, run_axe


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_axe_violations(page, base_url, axe_source, kind):
    page.goto(base_url + KINDS[kind])
    page.wait_for_load_state("networkidle")
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)
    assert not page.js_errors


def test_no_axe_violations_with_search_results(page, base_url, axe_source):
    page.goto(base_url + "search/?q=transport")
    page.wait_for_function("document.querySelectorAll('[data-search-results] li').length > 0")
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)


def test_no_axe_violations_with_filters_and_sorting_applied(page, base_url, axe_source):
    page.goto(base_url + "tracker/?decision=accepted")
    page.get_by_role("button", name="Target date").click()
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)


def test_no_axe_violations_on_the_example_report_shapes(page, base_url, axe_source):
    """The earlier review: a response-overdue banner and an awaiting recommendation."""
    for url in ("reports/earlier-review/", "reports/earlier-review/recommendations/1/"):
        page.goto(base_url + url)
        violations = run_axe(page, axe_source)
        assert not violations, f"{url}\n" + describe(violations)


def test_the_axe_harness_finds_a_real_violation(page, base_url, axe_source):
    """A guard against a silent harness: an image without alt text must be reported."""
    page.goto(base_url + "accessibility/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert "image-alt" in [v["id"] for v in run_axe(page, axe_source)]


def test_no_axe_violations_on_the_councils_patterns(page, axe_source, tmp_path_factory):
    """The real-council patterns: a group of parts, a coded reference, a response recorded
    elsewhere, a partner recommendation, sign-off awaited, a missed update (file:// pages)."""
    import shutil

    from scrutiny.build import build
    from tests.conftest import FIXTURES

    root = tmp_path_factory.mktemp("councils-axe") / "project"
    shutil.copytree(FIXTURES / "councils", root)
    build(root, root / "site")
    for url in ("reports/cabinet-decision-notice/", "reports/cabinet-decision-notice/recommendations/6/",
                "reports/cabinet-decision-notice/recommendations/7/",
                "reports/select-committee-log/recommendations/abc-140715-21/",
                "reports/six-monthly-progress/recommendations/1-1/", "reports/scraip-action-plan/recommendations/a/",
                "reports/partly-answered-review/", "tracker/"):
        page.goto((root / "site" / url / "index.html").as_uri())
        violations = run_axe(page, axe_source)
        assert not violations, f"{url}\n" + describe(violations)

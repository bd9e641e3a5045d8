"""The tracker rows written in Python (scrutiny/site/trackerrows.py): what a row keeps of a
view for the next table is the same as a row made afresh, in each language."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape

from scrutiny import i18n
from scrutiny.build import gather
from scrutiny.site.tracker import row_data
from scrutiny.site.trackerrows import _esc, tracker_row
from scrutiny.site.views import rec_views

BILINGUAL = Path(__file__).resolve().parents[1] / "fixtures" / "bilingual"
SAY = {"rec": "Recommendation", "late": "Response overdue", "none": "None yet"}
"""The same words in both languages here: the row's own words and dates tell them apart."""


def row(view, lang: str, depth: int = 1, site_wide: bool = True) -> str:
    with i18n.use(lang):
        return str(tracker_row(view, row_data(view), lambda url: "../" * depth + url, site_wide, True, SAY))


def test_a_row_kept_for_the_next_table_is_the_row_made_afresh_in_each_language():
    pub = gather(BILINGUAL)
    report = pub.reports[0]
    updated = [i for i, v in enumerate(rec_views(pub, report)) if v.standing.last_update]
    assert updated, "the fixture has no recommendation with an update"
    shared = rec_views(pub, report)[updated[0]]
    english, welsh = row(shared, "en"), row(shared, "cy")
    assert english != welsh  # the dates and words of the row are in the page's language
    assert welsh == row(rec_views(pub, report)[updated[0]], "cy")
    assert english == row(rec_views(pub, report)[updated[0]], "en") == row(shared, "en")
    # another page: its own links and columns, the same cells
    deeper = row(shared, "en", depth=3, site_wide=False)
    assert deeper == row(rec_views(pub, report)[updated[0]], "en", depth=3, site_wide=False)
    assert 'href="../../../' in deeper and "c-report" not in deeper
    with i18n.use("en"):
        folded_en = shared.folded
    with i18n.use("cy"):
        folded_cy = shared.folded
        assert folded_cy == rec_views(pub, report)[updated[0]].folded
    assert folded_en != folded_cy


def test_the_rows_escape_is_markupsafes():
    for value in ["on-track", "", "Cllr O'Neil & <b>\"Adults\"</b>", "a > b", 12, "‘Wales’ – ŵ"]:
        assert _esc(value) == str(escape(value))
    assert _esc(Markup("<em>kept</em>")) == "<em>kept</em>" == str(escape(Markup("<em>kept</em>")))

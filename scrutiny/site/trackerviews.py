"""Ready-made tracker views: plain static pages that work without JavaScript.

Each view is a question a reader brings ("what is overdue?", "what does this owner
hold?") answered by a page of its own, linked from every tracker. Views are data: a
filter over the site's recommendations, or a grouping into one page per group with an
index of the groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from ..dates import long_date
from ..i18n import N_, _
from ..urls import slugify
from .context import PageMeta
from .plan import Job, Plan
from .render import Body
from .views import Counts, RecView

ROOT = "tracker/"


@dataclass(frozen=True)
class View:
    """Recommendations that answer one question, on one page."""

    slug: str
    words: str
    """Its title, in English (a catalogue message; :attr:`title` is in the current language)."""
    lead_words: str
    """What the page lists, in one sentence ("Recommendations whose ...")."""
    keep: Callable[[RecView], bool]

    @property
    def title(self) -> str:
        return _(self.words)

    @property
    def lead(self) -> str:
        return _(self.lead_words)

    @property
    def url(self) -> str:
        return f"{ROOT}{self.slug}/"


@dataclass(frozen=True)
class Group:
    slug: str
    name: str
    views: tuple[RecView, ...]
    unnamed: bool = False
    """The group of recommendations that name no committee, council or owner."""


@dataclass(frozen=True)
class Grouping:
    """One page per group (committee, council, owner) and an index of the groups."""

    slug: str
    words: str
    """Its title in English ("By committee"); :attr:`title` in the current language."""
    noun: str
    """``committee``, ``council`` or ``owner`` (an id: the words are below)."""
    groups: Callable[[Plan], list[Group]]

    @property
    def title(self) -> str:
        return _(self.words)

    @property
    def column(self) -> str:
        """The header of the groups' column."""
        return {"committee": _("Committee"), "council": _("Council"), "owner": _("Owner")}[self.noun]

    @property
    def heading(self) -> str:
        return {"committee": _("Recommendations by committee"), "council": _("Recommendations by council"),
                "owner": _("Recommendations by owner")}[self.noun]

    @property
    def description(self) -> str:
        return {"committee": _("The recommendations of each committee, one page each."),
                "council": _("The recommendations of each council, one page each."),
                "owner": _("The recommendations of each owner, one page each.")}[self.noun]

    def intro(self, as_of: str) -> str:
        """The index page's lead sentence."""
        if self.noun == "committee":
            return _("Each committee's recommendations on a page of their own, as of %(day)s.", day=as_of)
        if self.noun == "council":
            return _("Each council's recommendations on a page of their own, as of %(day)s.", day=as_of)
        return _("Each owner's recommendations on a page of their own, as of %(day)s. A recommendation whose "
                 "actions have several owners is listed under each of them.", day=as_of)

    def lead(self, group: "Group") -> str:
        """The lead sentence of one group's page."""
        if group.unnamed:
            return {"committee": _("Recommendations with no committee recorded"),
                    "council": _("Recommendations with no council recorded"),
                    "owner": _("Recommendations with no owner recorded")}[self.noun]
        if self.noun == "owner":
            return _("Recommendations whose action %(name)s owns", name=group.name)
        return _("Recommendations of %(name)s", name=group.name)

    @property
    def url(self) -> str:
        return f"{ROOT}{self.slug}/"

    def group_url(self, group: Group) -> str:
        return f"{self.url}{group.slug}/"


VIEWS = (
    View("overdue", N_("Overdue"), N_("Recommendations whose target date has passed and that are not closed"),
         lambda v: v.standing.overdue),
    View("awaiting-response", N_("Awaiting a response"),
         N_("Recommendations that are waiting for the executive's decision"),
         lambda v: v.standing.response_expected),
    View("slipped", N_("Target date moved"), N_("Recommendations whose target date has been revised at least once"),
         lambda v: v.standing.slipped),
    View("changed", N_("Changed at the latest update"),
         N_("Recommendations whose status or target changed at their report's latest update"),
         lambda v: bool(v.standing.changed)),
    View("closed", N_("Closed"), N_("Recommendations that need no further action"),
         lambda v: v.standing.closed),
)


def _unique(groups: list[tuple[str, list[RecView]]], empty: str) -> list[Group]:
    """Groups with distinct slugs (names that slug alike are numbered), sorted by name,
    the group of recommendations without one (named ``empty``) last."""
    out, used = [], set()
    for name, views in sorted(groups, key=lambda g: (g[0] == empty, g[0].casefold())):
        base = slugify(name) if name != empty else "none"
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out.append(Group(slug, _(name) if name == empty else name, tuple(views), name == empty))
    return out


def _by_committee(plan: Plan) -> list[Group]:
    out = []
    for c in plan.pub.config.committees:
        views = [v for v in plan.all_views if v.report.committee == c.id]
        if views:
            out.append(Group(c.id, c.name, tuple(views)))
    return out


NO_COUNCIL = N_("Council not stated")
NO_OWNER = N_("No owner recorded")


def _by_key(keys: Callable[[RecView], list[str]], empty: str) -> Callable[[Plan], list[Group]]:
    def groups(plan: Plan) -> list[Group]:
        found: dict[str, list[RecView]] = {}
        for v in plan.all_views:
            for key in keys(v) or [empty]:
                found.setdefault(key, []).append(v)
        return _unique(list(found.items()), empty)
    return groups


GROUPINGS = (
    Grouping("committees", N_("By committee"), "committee", _by_committee),
    Grouping("councils", N_("By council"), "council", _by_key(lambda v: [v.report.council] if v.report.council else [], NO_COUNCIL)),
    Grouping("owners", N_("By owner"), "owner", _by_key(lambda v: sorted({p.name for p in v.rec.owners}), NO_OWNER)),
)


@dataclass(frozen=True)
class ViewLink:
    label: str
    url: str
    count: int | None
    """How many recommendations it lists (None for an index of groups)."""


def view_links(plan: Plan) -> tuple[ViewLink, ...]:
    """Every ready-made view, for the list on each tracker (counted once per build: every
    tracker and view page shows the same list)."""
    return plan.once("view_links", _view_links)


def _view_links(plan: Plan) -> tuple[ViewLink, ...]:
    counts = [plan.fact("view-counts", report, lambda r: _view_counts(plan, r)) for report in plan.pub.reports]
    return (tuple(ViewLink(v.title, v.url, sum(c[n] for c in counts)) for n, v in enumerate(VIEWS))
            + tuple(ViewLink(g.title, g.url, None) for g in GROUPINGS)
            + (ViewLink(_("What changed at each update round"), "changes/", None),))


def _view_counts(plan: Plan, report) -> tuple[int, ...]:
    """How many of the report's recommendations each ready-made view lists."""
    views = plan.views[report.id]
    return tuple(sum(1 for x in views if v.keep(x)) for v in VIEWS)


def _meta(plan: Plan, url: str, heading: str, description: str, crumbs=(), wide: bool = True) -> PageMeta:
    return PageMeta(url, plan.title(heading, _("Recommendation tracker")), heading,
                    plan.crumbs((_("Recommendation tracker"), ROOT), *crumbs), "tracker", description, wide=wide)


def _table_values(plan: Plan, views, lead: str) -> dict:
    views = list(views)
    return {"views": views, "rows": [(v, None) for v in views], "counts": Counts.of(views), "lead": lead,
            "links": view_links(plan), "committees": {c.id: c.name for c in plan.pub.config.committees}}


def view_page(plan: Plan, view: View) -> Job:
    lead = view.lead
    meta = _meta(plan, view.url, _("%(view)s: recommendations", view=view.title),
                 _("%(lead)s, as of %(day)s.", lead=lead, day=long_date(plan.site.as_of)))

    def values(plan: Plan, body: Body | None) -> dict:
        return {"current": view.url, **_table_values(plan, kept, lead)}
    kept = [v for v in plan.all_views if view.keep(v)]
    return Job(meta, "tracker-view.html.j2", values, key=plan.views_key(meta.file, kept, view.slug, view_links(plan)))


def grouping_pages(plan: Plan, grouping: Grouping) -> Iterator[Job]:
    groups = grouping.groups(plan)
    meta = _meta(plan, grouping.url, grouping.heading, grouping.description, wide=False)

    def index_values(plan: Plan, body: Body | None) -> dict:
        items = [(g, grouping.group_url(g), Counts.of(g.views)) for g in groups]
        return {"current": grouping.url, "grouping": grouping, "items": items, "links": view_links(plan)}
    yield Job(meta, "tracker-groups.html.j2", index_values, key=plan.views_key(
        meta.file, [v for g in groups for v in g.views], [(g.slug, g.name, g.unnamed) for g in groups], view_links(plan)))
    for group in groups:
        gmeta = _meta(plan, grouping.group_url(group), _("Recommendations: %(name)s", name=group.name),
                      _("Every recommendation of %(name)s.", name=group.name), ((grouping.title, grouping.url),))

        def values(plan: Plan, body: Body | None, group=group) -> dict:
            lead = grouping.lead(group)
            return {"current": grouping.url, **_table_values(plan, group.views, lead)}
        key = plan.views_key(gmeta.file, group.views, group.slug, group.name, group.unnamed, view_links(plan))
        yield Job(gmeta, "tracker-view.html.j2", values, key=key)


def tracker_view_jobs(plan: Plan) -> Iterator[Job]:
    for view in VIEWS:
        yield view_page(plan, view)
    for grouping in GROUPINGS:
        yield from grouping_pages(plan, grouping)

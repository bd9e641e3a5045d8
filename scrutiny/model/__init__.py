"""The content model: frozen dataclasses, no I/O.

Loaders (:mod:`scrutiny.load`) build these from YAML; the Markdown pipeline
(:mod:`scrutiny.markdown`) parses every :class:`Markdown` field once; renderers and
exporters only read them. Every record keeps the file and line it came from.

The records live in submodules, lower ones first (none imports a higher one):
:mod:`.basics` (:class:`Source`, :class:`Markdown`, :class:`RecNumber`, :class:`Person`),
:mod:`.vocabulary` (decisions and statuses), :mod:`.config` (the site configuration),
:mod:`.recommendations` (responses, actions and updates) and :mod:`.reports` (a report and
:class:`Content`). Every name is imported here, so ``from scrutiny.model import X`` is the
way to use them.
"""

from __future__ import annotations

from .basics import Markdown, Person, RecNumber, Source
from .config import Brand, Committee, CommitteeWords, Contact, Council, SiteConfig, SiteWords, TermWords
from .recommendations import Action, Evidence, Recommendation, Response, SignOff, Update
from .reports import (REPORT_KINDS, REPORT_STATUSES, SECTION_KINDS, Activity, Content, DataTable, ExecutiveResponse,
                      GlossaryEntry, Report, Section, UpdateSchedule)
from .vocabulary import Term, Vocabulary

__all__ = [
    "REPORT_KINDS", "REPORT_STATUSES", "SECTION_KINDS",
    "Action", "Activity", "Brand", "Committee", "CommitteeWords", "Contact", "Content", "Council", "DataTable",
    "Evidence", "ExecutiveResponse", "GlossaryEntry", "Markdown", "Person", "RecNumber", "Recommendation", "Report",
    "Response", "Section", "SignOff", "SiteConfig", "SiteWords", "Source", "Term", "TermWords", "Update",
    "UpdateSchedule", "Vocabulary",
]

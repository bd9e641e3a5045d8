"""Officers' updates by spreadsheet: ``python build.py updates export|import``.

``export`` writes a sheet (.xlsx or .csv) of the open recommendations, with empty columns for
the officer; ``import`` checks every filled-in row at once and appends each update to its
recommendation in ``recommendations.yaml``, keeping the author's comments and layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Columns the export fills in (read-only for the officer), in order.
READ_ONLY = ("Report", "Reference", "Recommendation", "Owners", "Current status", "Current target", "Last update")
#: Columns the officer fills in, in order.
OFFICER = ("Update date", "New status", "Note", "Revised target", "Reason", "Evidence")
HEADERS = READ_ONLY + OFFICER


def column_letter(index: int) -> str:
    """Spreadsheet letters of a 1-based column number (1 is A, 27 is AA)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, order=True)
class CellProblem:
    """One thing wrong with a cell of a filled-in sheet: ``FILE:row:column: what (how to fix)``."""

    path: str
    row: int
    column: int
    """1-based column number; 0 for the whole row or file."""
    message: str
    hint: str = field(default="")

    def __str__(self) -> str:
        where = f"{self.path}:{self.row}" + (f":{column_letter(self.column)}" if self.column else "")
        return f"{where}: {self.message}" + (f" ({self.hint})" if self.hint else "")


from .export import export_updates  # noqa: E402
from .importer import import_updates  # noqa: E402

__all__ = ["HEADERS", "READ_ONLY", "OFFICER", "CellProblem", "column_letter", "export_updates", "import_updates"]

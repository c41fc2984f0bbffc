"""The list kit: every list page of every regime searches, sorts, filters, pages and exports this way.

See `base.py` for an example; `paging.py` for the capped count; `export.py` for the streamed Excel file;
`columns.py` for the columns every case list shares (its inspectors, its next deadline).
"""

from .base import Column, FilterForm, ListSpec, Search, reference_q, respond
from .columns import INSPECTORS, NEXT_DEADLINE
from .paging import Page, paginate

__all__ = [
    "INSPECTORS", "NEXT_DEADLINE", "Column", "FilterForm", "ListSpec", "Page", "Search", "paginate", "reference_q",
    "respond",
]

"""The list kit: every list page of every regime searches, sorts, filters, pages and exports this way.

See `base.py` for an example; `paging.py` for the capped count; `export.py` for the streamed Excel file.
"""

from .base import Column, FilterForm, ListSpec, Search, reference_q, respond
from .paging import Page, paginate

__all__ = ["Column", "FilterForm", "ListSpec", "Page", "Search", "paginate", "reference_q", "respond"]

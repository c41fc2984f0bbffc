"""Columns every case list shows alike: who handles the case and its next running deadline (Case.next_deadline and
next_due, with its rule joined by `linggao_mi.deadlines.selectors.with_next_deadline`)."""

from django.utils import timezone

from .base import Column


def inspector_names(case) -> str:
    return "、".join(u.get_full_name() or u.username for u in case.inspectors.all())


def days_left(row) -> int | None:
    """Days from today to the row's next deadline, negative when it is overdue; None without one."""
    return (row.next_due - timezone.localdate()).days if row.next_due else None


INSPECTORS = Column("inspectors", "承办人员", inspector_names, width=16)

# The next deadline: its name and the days left are exported; the page shows both in the due date's cell.
NEXT_DEADLINE = (
    Column("next_deadline", "下一期限", "next_deadline.title", width=24, page=False),
    Column("next_due", "期限届满日", sort=("next_due",), nulls_last=True, width=14, heading="下一期限"),
    Column("days_left", "剩余天数（负数为逾期）", days_left, page=False, width=12),
)

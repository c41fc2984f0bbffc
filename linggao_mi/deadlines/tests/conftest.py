import datetime

import pytest
from django.contrib.auth.models import Permission

from linggao_mi.deadlines.models import CalendarDay, CalendarYear, DeadlineRule
from linggao_mi.org.models import Section


@pytest.fixture
def rules(db):
    """Rules the tests open deadlines with (regimes create their own in their own migrations)."""
    return {
        code: DeadlineRule.objects.create(code=code, name=name, amount=amount, unit=unit, citation=citation)
        for code, name, amount, unit, citation in [
            ("t-notice", "送达整改通知书", 15, "days", "三（四）6(4)"),
            ("t-decide", "作出延期决定", 5, "workdays", "三（四）6(6)"),
            ("t-rectify", "整改期限", 6, "months", "三（四）6(6)"),
        ]
    }


@pytest.fixture
def industry(users):
    """工业股 with its chief (the `users` fixture makes t_chief its chief) and the two inspectors."""
    return Section.objects.get(code="industry")


@pytest.fixture
def without_2026(db):
    """Pretend the 2026 schedule was never loaded (as 2027 is not), to test provisional counting."""
    CalendarYear.objects.filter(year=2026).delete()
    assert not CalendarDay.objects.filter(date__year=2026).exists()


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return type(user).objects.get(pk=user.pk)  # fresh instance: permission caches are per instance

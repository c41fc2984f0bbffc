from django.db import models


class CalendarSource(models.TextChoices):
    LIBRARY = "chinesecalendar", "chinesecalendar 库"
    MANUAL = "manual", "管理员录入"


class DayKind(models.TextChoices):
    """The two exceptions to the weekday rule (Monday–Friday work, Saturday–Sunday rest)."""

    HOLIDAY = "holiday", "法定节假日（工作日放假）"
    WORKDAY = "workday", "调休上班日（周末上班）"


class DeadlineState(models.TextChoices):
    OPEN = "open", "进行中"
    MET = "met", "已办结"
    OVERDUE = "overdue", "已逾期"
    WAIVED = "waived", "已免除"

    @property
    def badge(self) -> str:
        return {"open": "info", "met": "success", "overdue": "danger", "waived": ""}[self.value]


CLOSED_DEADLINE_STATES = (DeadlineState.MET, DeadlineState.WAIVED)

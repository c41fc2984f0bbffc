import calendar
import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from linggao_mi.deadlines.periods import cn_date
from linggao_mi.org.models import Section

PHONE_SEPARATOR = "、"
# The register gives 8-digit local numbers; every fixed line in Hainan shares the area code 0898, so a
# tel: link dials from a mobile or from outside the province too.
AREA_CODE = "0898"
PHONE_SPLIT = re.compile(r"[、,，;；/\s]+")
PHONE_PATTERN = re.compile(r"^\d{3,4}-?\d{7,8}$|^\d{7,8}$|^1\d{10}$")
PHONE_INVALID = (
    "联系电话“%(phone)s”格式不正确：应为 7–8 位电话号码（可带区号，如 0898-28273128）或 11 位手机号码。"
)
PHONE_REQUIRED = "请至少填写一个联系电话。"
DAY_INVALID = "%(month)s月没有%(day)s日，请检查日期。"


def split_phones(value: str) -> list[str]:
    return [p for p in PHONE_SPLIT.split(value.strip()) if p]


def validate_phones(value: str) -> None:
    phones = split_phones(value)
    if not phones:
        raise ValidationError(PHONE_REQUIRED, code="required")
    for phone in phones:
        if not PHONE_PATTERN.match(phone):
            raise ValidationError(PHONE_INVALID, code="invalid", params={"phone": phone})


class ServiceItem(models.Model):
    """A 公共服务事项 of 四、公共服务事项登记表."""

    number = models.PositiveSmallIntegerField("序号", unique=True, validators=[MinValueValidator(1)])
    name = models.CharField("服务事项", max_length=100)
    content = models.TextField("主要内容")
    section = models.ForeignKey(
        Section, verbose_name="承办机构", on_delete=models.PROTECT, related_name="service_items"
    )
    phones = models.CharField(
        "联系电话",
        max_length=200,
        validators=[validate_phones],
        help_text="多个号码用顿号“、”分隔。",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "公共服务事项"
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    @property
    def phone_list(self) -> list[str]:
        return split_phones(self.phones)

    @property
    def phone_links(self) -> list[tuple[str, str]]:
        """(number as written, tel: URI) per phone."""
        return [(p, f"tel:{AREA_CODE}-{p}" if len(p) <= 8 else f"tel:{p}") for p in self.phone_list]


class PublicityEvent(models.Model):
    """A yearly publicity date of a service item: a fixed day (2.13) or a whole month (每年6月)."""

    name = models.CharField("活动名称", max_length=100)
    month = models.PositiveSmallIntegerField("月份", validators=[MinValueValidator(1), MaxValueValidator(12)])
    day = models.PositiveSmallIntegerField(
        "日期",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text="整月开展的活动留空。",
    )
    description = models.TextField("活动内容", blank=True)
    service_item = models.ForeignKey(
        ServiceItem, verbose_name="公共服务事项", on_delete=models.PROTECT, related_name="events"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "宣传活动"
        ordering = ["month", "day"]

    def __str__(self) -> str:
        return f"{self.name}（{self.when_display}）"

    def clean(self):
        # 2000 is a leap year, so 2月29日 stays allowed; next_occurrence then waits for a leap year.
        if self.month and self.day and self.day > calendar.monthrange(2000, self.month)[1]:
            raise ValidationError(
                {"day": ValidationError(DAY_INVALID, params={"month": self.month, "day": self.day})}
            )

    @property
    def when_display(self) -> str:
        return f"每年{self.month}月{self.day}日" if self.day else f"每年{self.month}月"

    def next_occurrence(self, today: datetime.date) -> datetime.date:
        """The next date the event is held on or after `today`; a month-long event by its first day,
        and the current month counts as long as it lasts."""
        year = today.year
        while True:
            if self.day is None:
                start = datetime.date(year, self.month, 1)
                end = datetime.date(year, self.month, calendar.monthrange(year, self.month)[1])
                if end >= today:
                    return start
            elif self.day <= calendar.monthrange(year, self.month)[1]:
                date = datetime.date(year, self.month, self.day)
                if date >= today:
                    return date
            year += 1

    def next_display(self, today: datetime.date) -> str:
        date = self.next_occurrence(today)
        if self.day is None:
            return f"{date.year}年{date.month}月"
        return cn_date(date)

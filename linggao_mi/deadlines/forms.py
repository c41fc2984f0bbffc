import datetime
import re

from django import forms

from linggao_mi.casework.rules import RuleViolation

from .periods import MAX_AMOUNT, PeriodError, Unit, compute_due
from .selectors import calendar_schedule
from .services import HolidayRange, MakeupDay, ScheduleEntered, calendar_year_enter

DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
# What may stand between the two dates of a range, or around a name.
FILLER_RE = re.compile(r"[\s~～至到—–\-－,，、:：;；()（）]+")


class CalculatorForm(forms.Form):
    start = forms.DateField(
        label="起算日期",
        help_text="引起期间开始的事件发生之日；当日不计入，自次日开始计算。",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "请填写起算日期。", "invalid": "起算日期格式应为 YYYY-MM-DD。"},
    )
    amount = forms.IntegerField(
        label="期间长度",
        min_value=1,
        max_value=max(MAX_AMOUNT.values()),
        error_messages={
            "required": "请填写期间长度。",
            "invalid": "期间长度必须是整数。",
            "min_value": "期间长度至少为1。",
            "max_value": "期间长度不能超过%(limit_value)s。",
        },
    )
    unit = forms.ChoiceField(
        label="单位",
        choices=Unit.choices,
        initial=Unit.DAYS,
        error_messages={"required": "请选择单位。", "invalid_choice": "单位只能是日、工作日、个月或年。"},
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            data["result"] = compute_due(data["start"], data["amount"], data["unit"])
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from error
        return data


def parse_date(text: str, line_no: int) -> datetime.date:
    match = DATE_RE.fullmatch(text.strip())
    if not match:
        raise forms.ValidationError(f"第{line_no}行：无法识别日期“{text}”，请写作 YYYY-MM-DD。")
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError as error:
        raise forms.ValidationError(f"第{line_no}行：日期“{text}”不存在。") from error


def _split(line: str, line_no: int) -> tuple[str, list[datetime.date]]:
    dates = [parse_date(m.group(0), line_no) for m in DATE_RE.finditer(line)]
    name = FILLER_RE.sub(" ", DATE_RE.sub(" ", line)).strip()
    return name, dates


def _lines(text: str):
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield number, line


class CalendarYearForm(forms.Form):
    """A year's official schedule, typed as the State Council's notice states it.

    放假：one holiday per line, "名称 开始日期 至 结束日期" (a single date for a one-day holiday);
    调休上班：one line per holiday, "名称 日期 日期 …" (the weekend days worked).
    """

    year = forms.IntegerField(
        label="年度",
        min_value=2000,
        max_value=2199,
        error_messages={
            "required": "请填写年度。",
            "invalid": "年度必须是四位数字。",
            "min_value": "年度不能早于2000年。",
            "max_value": "年度不能晚于2199年。",
        },
    )
    note = forms.CharField(
        label="依据",
        max_length=200,
        required=False,
        help_text="如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕×号）",
    )
    holidays = forms.CharField(
        label="放假安排",
        widget=forms.Textarea(
            attrs={"rows": 8, "placeholder": "元旦 2027-01-01 至 2027-01-03\n春节 2027-02-06 至 2027-02-13"}
        ),
        help_text="每行一个节日：名称 开始日期 至 结束日期（含周末在内的整段假期；只放一天时写一个日期）。",
        error_messages={"required": "请填写放假安排。"},
    )
    workdays = forms.CharField(
        label="调休上班日",
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 5, "placeholder": "春节 2027-02-20\n国庆节 2027-09-26 2027-10-09"}
        ),
        help_text="每行：名称 日期 日期 …（须为星期六或星期日）。没有调休时留空。",
    )

    def clean_holidays(self) -> list[HolidayRange]:
        ranges = []
        for number, line in _lines(self.cleaned_data["holidays"]):
            name, dates = _split(line, number)
            if not name:
                raise forms.ValidationError(f"第{number}行：缺少节日名称。")
            if len(dates) not in (1, 2):
                raise forms.ValidationError(f"第{number}行：应写一个日期或“开始日期 至 结束日期”。")
            first, last = dates[0], dates[-1]
            if last < first:
                raise forms.ValidationError(f"第{number}行：结束日期早于开始日期。")
            ranges.append(HolidayRange(first=first, last=last, name=name))
        if not ranges:
            raise forms.ValidationError("请至少填写一个节日。")
        return ranges

    def clean_workdays(self) -> list[MakeupDay]:
        days = []
        for number, line in _lines(self.cleaned_data["workdays"]):
            name, dates = _split(line, number)
            if not dates:
                raise forms.ValidationError(f"第{number}行：没有日期。")
            label = f"{name}调休上班" if name and not name.endswith("上班") else (name or "调休上班")
            days += [MakeupDay(date=day, name=label) for day in dates]
        return days

    def enter(self, *, actor) -> ScheduleEntered | None:
        """Enter the schedule when the form is valid; a refused schedule becomes the form's error (None)."""
        if not self.is_valid():
            return None
        try:
            return calendar_year_enter(actor=actor, **self.cleaned_data)
        except RuleViolation as violation:
            self.add_error(None, str(violation))
            return None

    @staticmethod
    def entered_message(entered: ScheduleEntered) -> str:
        return f"{entered.calendar_year.year}年放假安排已录入；重算期限{len(entered.recomputed)}项。"

    @classmethod
    def initial_for(cls, calendar_year) -> dict:
        """The form filled with a loaded schedule, for correcting it."""
        ranges, workdays = calendar_schedule(calendar_year)
        by_name: dict[str, list[str]] = {}
        for day in workdays:
            by_name.setdefault(day.name.removesuffix("调休上班"), []).append(f"{day.date:%Y-%m-%d}")
        return {
            "year": calendar_year.year,
            "note": calendar_year.note,
            "holidays": "\n".join(
                f"{r.name} {r.first:%Y-%m-%d}" + (f" 至 {r.last:%Y-%m-%d}" if r.last != r.first else "")
                for r in ranges
            ),
            "workdays": "\n".join(f"{name} {' '.join(dates)}" for name, dates in by_name.items()),
        }

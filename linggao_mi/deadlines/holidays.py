"""The official schedules the chinesecalendar library knows, as plain data (used by a data migration)."""

import datetime

from chinese_calendar import constants

# The library names holidays in English; the portal speaks Chinese.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def _name(value) -> str:
    value = getattr(value, "value", value)
    return HOLIDAY_NAMES.get(value, str(value))


def library_years() -> list[int]:
    return sorted({day.year for day in constants.holidays} | {day.year for day in constants.workdays})


def library_exceptions(year: int) -> list[tuple[datetime.date, str, str]]:
    """(date, kind, name) for each exception to the weekday rule in `year`: weekday holidays, weekend work."""
    rows = [
        (day, "holiday", _name(name))
        for day, name in constants.holidays.items()
        if day.year == year and day.weekday() < 5
    ]
    rows += [
        (day, "workday", f"{_name(name)}调休上班")
        for day, name in constants.workdays.items()
        if day.year == year and day.weekday() >= 5
    ]
    return sorted(rows)

"""Rules of the deadline machinery, each a constant with its citation so that tests can assert them."""

from linggao_mi.casework.rules import Rule

from .periods import PERIOD_CITATION

WAIVE_NEEDS_REASON = Rule(
    "deadline_waive_reason", "免除期限必须写明理由", "本平台期限管理：免除须留存理由备查"
)
DEADLINE_CLOSED = Rule(
    "deadline_closed", "该期限已办结或已免除，不能再变更", "本平台期限管理：办结或免除的期限不再变动"
)
SCHEDULE_WEEKEND_HOLIDAY = Rule(
    "calendar_holiday_range", "放假日期区间的结束日不得早于开始日", "国务院办公厅节假日安排通知"
)
SCHEDULE_WORKDAY_ON_WEEKDAY = Rule(
    "calendar_workday_weekend", "调休上班日应为星期六或星期日", "国务院办公厅节假日安排通知"
)
SCHEDULE_CONFLICT = Rule("calendar_conflict", "同一日期不能既放假又调休上班", "国务院办公厅节假日安排通知")
SCHEDULE_OUT_OF_YEAR = Rule(
    "calendar_out_of_year",
    "日期须在该年度内（元旦假期可含上一年12月下旬）",
    "国务院办公厅节假日安排通知",
)
SCHEDULE_TAKEN = Rule("calendar_taken", "该日期已由另一年度的放假安排规定", "国务院办公厅节假日安排通知")
PERIOD_COUNTING = Rule("period_counting", "期间按日、工作日或月计算，开始的当日不计入", PERIOD_CITATION)

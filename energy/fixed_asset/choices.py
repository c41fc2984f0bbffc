"""Choices of 三（五）, each status with its badge colour."""

from django.db import models


class ReviewStatus(models.TextChoices):
    """The project's energy review (节能审查) or registration (节能登记)."""

    PASSED = "passed", "已通过节能审查"
    REGISTERED = "registered", "已通过节能登记审查"
    FAILED = "failed", "未通过节能审查（节能登记审查）"
    NONE = "none", "未进行节能审查（节能登记审查）"

    @property
    def passed(self) -> bool:
        return self in (ReviewStatus.PASSED, ReviewStatus.REGISTERED)


class TriggerCode(models.TextChoices):
    """The five matters of 三（五）2, in order."""

    NO_REVIEW = "no_review", "开工建设未进行或未能通过节能审查（节能登记审查）"
    BELOW_STANDARD = "below_standard", "开工建设不符合强制性节能标准的项目或者将该项目投入生产、使用"
    FALSIFIED = "falsified", "节能登记弄虚作假，能源消耗量与节能审查申请表内容严重不符"
    NOT_STARTED = "not_started", "通过节能审查之日后两年内未开工建设"
    CONSUMPTION_UP = "consumption_up", "建设规模、内容、节能技术方案等变化使年综合能源消费量增加20%及以上"


# Triggers an inspector finds and records; the others the portal computes from the recorded figures and dates.
RECORDED_TRIGGERS = (TriggerCode.BELOW_STANDARD, TriggerCode.FALSIFIED)


class ChangeKind(models.TextChoices):
    SCALE = "scale", "建设规模变化"
    CONTENT = "content", "建设内容变化"
    SCHEME = "scheme", "节能技术方案变化"


class CheckKind(models.TextChoices):
    """三（五）3、4."""

    PERIODIC = "periodic", "定期检查（一般一年一次）"
    UNANNOUNCED = "unannounced", "不定期检查"


class CheckOccasion(models.TextChoices):
    """Why an unannounced check is made (三（五）4(2))."""

    DEPLOYMENT = "deployment", "上级工作部署"
    COMPLAINT = "complaint", "投诉举报"
    INSTRUCTION = "instruction", "领导指示"
    OTHER = "other", "其他实际需要"


class CheckMethod(models.TextChoices):
    ORDINARY = "ordinary", "通知后检查"
    SPOT = "spot", "抽查"
    COVERT = "covert", "暗查（不预先通知）"


class CheckState(models.TextChoices):
    PLANNED = "planned", "已制定检查方案"
    CHECKING = "checking", "检查中"
    FED_BACK = "fed_back", "已反馈检查结果"
    CLOSED = "closed", "已结案"

    @property
    def badge(self) -> str:
        return {"planned": "info", "checking": "info", "fed_back": "warning", "closed": "success"}[self.value]


class ProcedureStep(models.IntegerChoices):
    """The 8 steps of 三（五）5, in the source's words."""

    SELECT = 1, "选择检查对象"
    NOTIFY = 2, "下发通知"
    HEAR = 3, "听取介绍"
    LEDGERS = 4, "查阅台帐"
    SITE = 5, "实地勘察"
    INTERVIEW = 6, "面谈询问"
    SUMMARISE = 7, "情况汇总"
    FEEDBACK = 8, "反馈意见，通报检查结果，对需要协调解决的事项提出建议意见"


class MeasureKind(models.TextChoices):
    """The five measures of 三（五）6."""

    NOT_APPROVE = "not_approve", "依法不予审批、核准、备案"
    REVOKE = "revoke", "依法撤销审批、核准、备案文件"
    STOP = "stop", "依法责令停止建设"
    CREDIT = "credit", "依法纳入不良信用记录"
    REFER = "refer", "对有关责任人给予行政纪律处分或依法追究法律责任"

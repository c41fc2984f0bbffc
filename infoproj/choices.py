"""Choices of 三（三）（六）（七）（八）（九）, each status with its badge colour."""

from django.db import models


class Badged(models.TextChoices):
    @property
    def badge(self) -> str:
        return BADGES.get(self.value, "info")


BADGES = {
    "closed": "muted", "accepted": "success", "implementing": "info", "award_pending": "warning",
    "acknowledged": "success", "approved": "success", "filed_province": "success", "completed": "muted",
    "issued": "success", "passed": "success", "failed": "danger", "returned": "danger",
}


# ---------------------------------------------------------------- IT projects (三（七）（八）（九）)


class ProjectState(Badged):
    FEASIBILITY = "feasibility", "待可研评审"
    TENDER_FILING = "tender_filing", "标书审核备案及招标"
    AWARD_PENDING = "award_pending", "待公告中标结果"
    IMPLEMENTING = "implementing", "建设实施中"
    ACCEPTANCE = "acceptance", "已申请竣工验收"
    ACCEPTED = "accepted", "已通过竣工验收"
    CLOSED = "closed", "已结案"


class Funding(models.TextChoices):
    """三（七）1: only projects on funds the county itself pays are supervised here."""

    COUNTY = "county", "县本级财政拨付资金"
    ABOVE = "above", "上级财政资金"
    SELF = "self", "单位自筹资金"
    SOCIAL = "social", "社会资本"


class BuildKind(models.TextChoices):
    NEW = "new", "新建"
    REBUILD = "rebuild", "改建"
    EXTEND = "extend", "扩建"
    OPERATE = "operate", "运行维护"


class Gate(models.TextChoices):
    """The three points where the information standards are checked by experts (三（九）4)."""

    FEASIBILITY = "feasibility", "可研评审"
    TENDER = "tender", "标书审核备案"
    ACCEPTANCE = "acceptance", "项目验收"


class Verdict(Badged):
    PASSED = "passed", "通过"
    FAILED = "failed", "不予通过"


class TenderDocKind(models.TextChoices):
    """三（八）4: published with the result."""

    INVITATION = "invitation", "招标文件"
    NEGOTIATION = "negotiation", "竞争性谈判文件"
    INQUIRY = "inquiry", "询价通知书"


class CheckMethod(models.TextChoices):
    """日常检查 (三（七）5(2))."""

    BRIEFING = "briefing", "听取情况介绍"
    SITE = "site", "实地查验"
    EVIDENCE = "evidence", "调查取证"


class LawBasis(models.TextChoices):
    """The laws 三（八）6 names for handling tendering problems."""

    TENDER_LAW = "tender_law", "《中华人民共和国招标投标法》"
    PROCUREMENT_LAW = "procurement_law", "《中华人民共和国政府采购法》"


class ComplaintSource(models.TextChoices):
    COMPLAINT = "complaint", "投诉"
    REPORT = "report", "举报"


# ---------------------------------------------------------------- key projects (三（三）)


class KeyProjectState(Badged):
    TRACKING = "tracking", "跟踪推进中"
    COMPLETED = "completed", "已建成"


class KeyProjectKind(models.TextChoices):
    INDUSTRIAL = "industrial", "工业重点项目"
    IT = "it", "信息产业重点项目"


class Assessment(models.TextChoices):
    """三（三）6: the yearly assessment is published as commendation or criticism."""

    COMMEND = "commend", "通报表彰"
    PASS = "pass", "合格"
    CRITICISE = "criticise", "通报批评"


# ---------------------------------------------------------------- IT plans (三（六）)


class PlanState(Badged):
    RECEIVED = "received", "已报送备案"
    ACKNOWLEDGED = "acknowledged", "已备案"
    APPROVED = "approved", "县政府已批准"
    FILED_PROVINCE = "filed_province", "已报省备案"


class FilerKind(models.TextChoices):
    """三（六）4."""

    COUNTY = "county", "县人民政府（本局编制）"
    TOWN = "town", "镇人民政府"
    DEPARTMENT = "department", "县人民政府其他有关部门"
    ENTERPRISE = "enterprise", "相关企业"


class PlanCheckMethod(models.TextChoices):
    """三（六）5(3), in the source's words."""

    SELF = "self", "自评自查"
    REPORT = "report", "听取汇报"
    COMPARE = "compare", "比对规划"
    DEMO = "demo", "观摩演示"
    EXPERT = "expert", "专家质询"


class Implementation(models.TextChoices):
    GOOD = "good", "落实较好"
    FAIR = "fair", "基本落实"
    POOR = "poor", "落实不好"


# ---------------------------------------------------------------- briefings and reports


class BriefingState(Badged):
    DRAFTING = "drafting", "编写中"
    ISSUED = "issued", "已印发"


class BriefingKind(models.TextChoices):
    QUARTERLY = "quarterly", "重点项目建设季度工作简报"
    PLAN_REPORT = "plan_report", "信息化发展规划落实情况年度报告"

"""Choices of the energy regime (三（四）), each status with its badge colour."""

from django.db import models


class CheckItem(models.TextChoices):
    """The nine inspection contents of 三（四）2, in the source's words."""

    ELIMINATION = "1", "用能产品、设备和生产工艺淘汰制度执行情况"
    STANDARDS = "2", "产品能耗限额标准、用能产品及设备能效标准执行情况"
    TARGETS = "3", "节能目标责任制等相关措施建立及落实情况"
    METERING = "4", "能源计量、能源统计制度执行情况"
    AUDIT = "5", "开展能源审计、编制内部节能规划、落实节能措施和完成节能目标情况"
    REPORTING = "6", "能源利用状况报告制度执行情况"
    POSTS = "7", "能源管理岗位设置及备案情况"
    TRAINING = "8", "能源管理负责人接受节能培训情况"
    OTHER = "9", "法律、法规、规章规定的其他事项"


class Mode(models.TextChoices):
    """三（四）3."""

    WRITTEN = "written", "书面监察"
    ONSITE = "onsite", "现场监察"


class Trigger(models.TextChoices):
    """Why the inspection is made; all but the plan are exempt from advance notice (三（四）5(2))."""

    PLAN = "plan", "计划监察"
    CASE = "case", "办理案件"
    REPORT = "report", "处理举报、投诉"
    SPOT = "spot", "抽查"

    @property
    def needs_notice(self) -> bool:
        return self == Trigger.PLAN


class Measure(models.TextChoices):
    """The measures of 三（四）4 an inspector may take on site."""

    ENTER = "1", "进入被监察单位的工作场所进行现场检查"
    DOCUMENTS = "2", "要求被监察单位提供与监察事项有关的资料，并进行查阅、复印或者抄录"
    TESTING = "3", "根据需要对被监察单位有关产品、设备、工艺流程进行检测以及拍照、摄像、录音"
    WRITTEN_REPLY = "4", "要求被监察单位就监察事项所涉及的问题限期作出书面答复"
    OTHER = "5", "法律、法规、规章规定的其他措施"


class FindingResult(models.TextChoices):
    UNCHECKED = "unchecked", "未检查"
    COMPLIANT = "compliant", "符合要求"
    UNREASONABLE = "unreasonable", "不合理用能"
    VIOLATION = "violation", "违法违规"

    @property
    def badge(self) -> str:
        return {"unchecked": "", "compliant": "success", "unreasonable": "warning", "violation": "danger"}[
            self.value
        ]


class Outcome(models.TextChoices):
    """三（四）6."""

    VIOLATION = "violation", "有违反节能法律、法规、规章和强制性标准行为：下达限期整改通知书"
    DIRECT_PENALTY = "direct_penalty", "法律、法规、规章规定直接予以处罚：建议有关部门依法处罚"
    UNREASONABLE = "unreasonable", "有其他不合理用能行为：下达节能监察建议书"
    NONE = "none", "未发现问题：结案"


class SignerCapacity(models.TextChoices):
    LEGAL_REPRESENTATIVE = "legal_representative", "法定代表人"
    DELEGATE = "delegate", "委托人"


class VerificationResult(models.TextChoices):
    PASSED = "passed", "整改到位"
    FAILED = "failed", "整改未到位"


class ExtensionState(models.TextChoices):
    PENDING = "pending", "待决定"
    APPROVED = "approved", "准予延期"
    REFUSED = "refused", "不予延期"

    @property
    def badge(self) -> str:
        return {"pending": "warning", "approved": "success", "refused": "danger"}[self.value]


class CaseState(models.TextChoices):
    PLANNED = "planned", "已立案"
    NOTIFIED = "notified", "已书面通知"
    MATERIALS_RECEIVED = "materials_received", "已收到报送材料"
    RECORDED = "recorded", "已制作现场监察笔录"
    OUTCOME_PROPOSED = "outcome_proposed", "处理意见待股长决定"
    NOTICE_PENDING = "notice_pending", "限期整改通知书待送达"
    ADVICE_PENDING = "advice_pending", "节能监察建议书待送达"
    RECTIFYING = "rectifying", "限期整改中"
    REPORTED = "reported", "已报送整改结果待核查"
    UNRESOLVED = "unresolved", "整改未到位，待决定移送"
    ESCALATED = "escalated", "已决定移送处理"
    TO_CLOSE = "to_close", "待股长决定结案"
    REFERRED = "referred", "已建议有关部门处罚"
    CLOSED = "closed", "已结案"

    @property
    def badge(self) -> str:
        return {
            "planned": "info",
            "notified": "info",
            "materials_received": "info",
            "recorded": "info",
            "outcome_proposed": "warning",
            "notice_pending": "warning",
            "advice_pending": "warning",
            "rectifying": "warning",
            "reported": "warning",
            "unresolved": "danger",
            "escalated": "danger",
            "to_close": "warning",
            "referred": "success",
            "closed": "success",
        }[self.value]


# Where a case stands once inspected (on site: the 笔录; in writing: the unit's materials).
INSPECTED = (CaseState.RECORDED, CaseState.MATERIALS_RECEIVED)

"""Choices of 三（一） and 三（二）, in the source's words; each status with its badge colour."""

from django.db import models


class CircumstanceKind(models.TextChoices):
    """裁量情形 of a catalogue entry (三（二）1): the order is the order the catalogue shows them."""

    EXEMPT = "exempt", "不予处罚"
    FIRST = "first", "首违不罚"
    LIGHTER = "lighter", "从轻"
    GENERAL = "general", "一般"
    HEAVIER = "heavier", "从重"

    @property
    def imposes_nothing(self) -> bool:
        return self in (CircumstanceKind.EXEMPT, CircumstanceKind.FIRST)


class CheckContent(models.TextChoices):
    """监督检查内容 (三（一）2)."""

    SUBJECT = "1", "行政执法主体的合法性"
    BASIS = "2", "行政执法依据的合法性"
    ACT = "3", "具体行政行为的合法性和适当性"
    PROCEDURE = "4", "行政执法程序的规范性"
    FILES = "5", "行政执法案卷质量情况"
    SUPERVISION = "6", "行政执法监督制度建立情况"
    REMEDIES = "7", "行政复议、行政诉讼、行政赔偿等有关情况"
    OTHER = "8", "其他需要监督检查的事项"


class CheckMethod(models.TextChoices):
    """监督检查方式 (三（一）3), combinable."""

    SELF = "self", "自查"
    MUTUAL = "mutual", "互查"
    SPOT = "spot", "抽查"
    FOCUS = "focus", "重点评查"
    WRITTEN = "written", "书面检查"
    SITE = "site", "现场核查"


class CheckOrigin(models.TextChoices):
    """Why the check is made (三（一）4(1)(4))."""

    DEPLOYMENT = "deployment", "根据上级机关部署"
    NEED = "need", "根据需要"
    COMPLAINT = "complaint", "根据申诉、检举、控告或者建议"


class CheckState(models.TextChoices):
    CHECKING = "checking", "检查中"
    RECTIFYING = "rectifying", "待报告整改纠正情况"
    REPORTED = "reported", "已报告整改纠正情况"
    CLOSED = "closed", "已办结"

    @property
    def badge(self) -> str:
        return {"checking": "info", "rectifying": "warning", "reported": "info", "closed": "success"}[self.value]


class FileGrade(models.TextChoices):
    """案卷评查 grades from the score (100 points)."""

    EXCELLENT = "excellent", "优秀"
    PASS = "pass", "合格"
    FAIL = "fail", "不合格"


class NoticeSituation(models.TextChoices):
    """The situations in which the bureau orders a correction or a revocation (三（一）5)."""

    SUBJECT = "1", "行政执法主体不合法的"
    PROCEDURE = "2", "行政执法程序违法或者不当的"
    ACT = "3", "具体行政行为违法或者不当的"
    BASIS = "4", "行政执法依据不合法的"
    DUTY = "5", "工作人员不履行法定职责的"
    OTHER = "6", "其他应当纠正的违法行为"


class NoticeDecision(models.TextChoices):
    CORRECT = "correct", "责令纠正"
    REVOKE = "revoke", "撤销"


class SupervisionState(models.TextChoices):
    DRAFTING = "drafting", "通知（决定）书办理中"
    CORRECTING = "correcting", "限期纠正"
    REVIEW_APPLIED = "review_applied", "复查中"
    COMPLYING = "complying", "复查后执行"
    REPORTED = "reported", "已报告执行结果"
    CLOSED = "closed", "已办结"

    @property
    def badge(self) -> str:
        return {
            "drafting": "info",
            "correcting": "warning",
            "review_applied": "warning",
            "complying": "warning",
            "reported": "info",
            "closed": "success",
        }[self.value]


class ReviewResult(models.TextChoices):
    """复查决定."""

    UPHELD = "upheld", "维持原决定"
    CHANGED = "changed", "变更原决定"
    WITHDRAWN = "withdrawn", "撤销原决定"


class LegalReviewState(models.TextChoices):
    PENDING = "pending", "待法制审核"
    PASSED = "passed", "法制审核通过"
    RETURNED = "returned", "法制审核退回"

    @property
    def badge(self) -> str:
        return {"pending": "warning", "passed": "success", "returned": "danger"}[self.value]


class FaultSituation(models.TextChoices):
    """追究行政执法过错责任的情形 (三（一）6)."""

    S1 = "1", "依法应当履行的法定职责和义务不予履行的"
    S2 = "2", "未按照法定程序实施行政行为，或适用程序不当的"
    S3 = "3", "没有法定依据而随意实施行政行为的"
    S4 = "4", "超越法定权限或者委托权限实施行政行为的"
    S5 = "5", "行政裁量权行使不当，具体行政行为显失公正的"
    S6 = "6", "违法要求当事人履行义务的"
    S7 = "7", "泄露行政相对人的商业秘密给行政相对人造成损失的"
    S8 = "8", "阻碍行政相对人行使申诉、听证、复议、诉讼和其他合法权利，情节恶劣，造成严重后果的"
    S9 = "9", "因办案人员的主观过错导致案件主要违法事实认定错误，被人民法院、复议机关撤销或者部分撤销具体行政行为的"
    S10 = "10", "无正当理由拒不执行或者错误执行发生法律效力的行政判决、裁定、复议决定和其他纠正违法行为的决定、命令的"
    S11 = "11", "玩忽职守、徇私舞弊、贪污受贿等尚不构成犯罪的"
    S12 = "12", "依照法律、法规和规章规定应承担行政执法过错责任的其他行为"


class Sanction(models.TextChoices):
    """对行政执法过错责任人的处理 (三（一）6)."""

    EDUCATION = "education", "批评教育"
    WRITTEN_REVIEW = "written_review", "责令作出书面检查"
    NO_AWARDS = "no_awards", "取消年度评优评先资格"
    CIRCULATE = "circulate", "通报批评"
    SUSPEND = "suspend", "暂停行政执法活动"
    REVOKE = "revoke", "取消执法资格，收缴行政执法证件"
    DISCIPLINE = "discipline", "给予行政处分"
    COMPENSATION = "compensation", "承担全部或者部分赔偿责任"


class FaultState(models.TextChoices):
    INVESTIGATING = "investigating", "调查中"
    DECIDING = "deciding", "处理决定办理中"
    DECIDED = "decided", "已作出处理决定"
    CLOSED = "closed", "已办结"

    @property
    def badge(self) -> str:
        return {"investigating": "info", "deciding": "warning", "decided": "info", "closed": "success"}[self.value]


class Referral(models.TextChoices):
    DISCIPLINE = "discipline", "移送纪检部门（党纪处分）"
    JUDICIAL = "judicial", "移送司法机关（涉嫌犯罪）"


class ComplaintKind(models.TextChoices):
    """What the public may send (三（一）4(4))."""

    APPEAL = "appeal", "申诉"
    REPORT = "report", "检举"
    ACCUSATION = "accusation", "控告"
    NPC = "npc", "人大建议"
    CPPCC = "cppcc", "政协建议"
    JUDICIAL = "judicial", "司法机关建议"


class ComplaintState(models.TextChoices):
    RECEIVED = "received", "已受理，待分办"
    INVESTIGATING = "investigating", "已转入执法监督调查"
    ENERGY = "energy", "已启动节能监察"
    REFERRED = "referred", "已移送有关部门"
    ANSWERED = "answered", "已反馈处理结果"

    @property
    def badge(self) -> str:
        return {
            "received": "warning",
            "investigating": "info",
            "energy": "info",
            "referred": "info",
            "answered": "success",
        }[self.value]

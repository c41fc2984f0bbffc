"""The rules an official document's workflow enforces; tests assert these constants."""

from linggao_mi.casework.rules import Rule

REGULATION = "《党政机关公文处理工作条例》"

DOCUMENT_STATE_FORBIDS = Rule(
    "document.state", "文书当前状态不允许此操作，可能已被他人办理，请刷新后重试", "本平台文书办理流程"
)
DRAFTER_CANNOT_APPROVE = Rule(
    "document.self_approval",
    "起草或修改文书的人员不得审批、退回或签发该文书，应由未参与起草或修改的股长或局领导审批",
    f"{REGULATION}第十九条、第二十二条",
)
APPROVER_ONLY = Rule(
    "document.approver", "只有文书所属股室的股长或局领导可以审批或退回文书", f"{REGULATION}第二十二条"
)
RETURN_NEEDS_REASON = Rule(
    "document.return_reason", "退回文书须说明理由，起草人修改后重新报送", f"{REGULATION}第二十一条"
)
ISSUED_IS_FINAL = Rule(
    "document.frozen",
    "文书已签发，内容和版式已定稿，不得修改；如需更正，应另行制发文书",
    "本平台文书管理规则；国办发〔2018〕118号（执法全过程记录）",
)
REFUSAL_NEEDS_NOTE = Rule(
    "document.refusal_note",
    "受送达人拒绝签收的，须记明拒收事由、日期和在场见证情况",
    "《中华人民共和国民事诉讼法》关于留置送达的规定",
)
SERVICE_DATE = Rule(
    "document.served_on", "送达日期不得早于签发日期，也不得晚于今天", "本平台文书送达记录规则"
)
SERVICE_RECIPIENT = Rule("document.recipient", "须填写受送达人（签收人）", "本平台文书送达记录规则")
TITLE_REQUIRED = Rule("document.title", "文书须有标题", "GB/T 9704-2012《党政机关公文格式》")
TEXT_REQUIRED = Rule(
    "document.text",
    "文书的必备内容不得为空",
    "GB/T 9704-2012《党政机关公文格式》7.3 主体；该文书种类的制作规定",
)

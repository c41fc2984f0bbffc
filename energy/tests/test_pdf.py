"""The documents of 三（四） and the 现场监察笔录 as printed: every element the source requires is there, read back
from the PDF with pypdf; no sentence said twice, no doubled punctuation; typed lines kept as paragraphs."""

import io
import re
from collections import Counter

import pytest
from django.template import Context, Template
from pypdf import PdfReader

from energy import rules
from energy.choices import CheckItem, Measure
from energy.pdf import site_record_pdf
from energy.templatetags.energy_tags import clause, sentence
from linggao_mi.deadlines.models import DeadlineRule
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.org.models import Certificate

from .test_documents import (
    REQUIREMENTS,
    SUGGESTIONS,
    UNIT_NAME,
    advice_case,
    days,
    decide_extension,
    planned_case,
    rectifying_case,
    render_html,
    render_pdf,
    site_record,
    violation_case,
)

pytestmark = pytest.mark.django_db

NUMBER = "临工信节监〔2026〕3号"
DOUBLED = re.compile(r"[。，；：、！？][。，；：、！？]")


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def assert_well_written(text: str) -> None:
    assert not DOUBLED.search(text), DOUBLED.search(text).group()
    sentences = Counter(s for s in re.split(r"[。；]", text) if len(s) > 6)
    assert [s for s, n in sentences.items() if n > 1] == []


def assert_states(text: str, *expected: str) -> None:
    missing = [e for e in expected if e not in text]
    assert missing == []


def contact(users) -> str:
    first = min(users["inspector1"], users["inspector2"], key=lambda u: u.pk)
    return f"联系人：{first.get_full_name()}；联系电话：28273128"


def test_rectification_notice(users):
    case = violation_case(users)
    html = render_html(rules.KIND_RECTIFICATION_NOTICE, case, requirements=REQUIREMENTS)
    text = pdf_text(render_pdf(rules.KIND_RECTIFICATION_NOTICE, case, requirements=REQUIREMENTS))
    assert_states(
        text,
        "临高县工业和信息化局",
        NUMBER,
        "限期整改通知书",
        f"{UNIT_NAME}（统一社会信用代码：{case.unit.credit_code}）：",
        case.reference,
        cn_date(days(-3)),
        "以现场监察方式",
        cn_date(days(-2)),
        # the violations, each with its facts and its legal basis
        f"一、{CheckItem.ELIMINATION.label}：仍在使用国家明令淘汰的高耗能电动机2台。",
        "该行为违反了《中华人民共和国节约能源法》第十七条的规定。",
        f"二、{CheckItem.METERING.label}：未按照规定配备能源计量器具。",
        "该行为违反了《中华人民共和国节约能源法》第二十七条的规定。",
        # the order, its period from receipt and the requirements
        "依据《中华人民共和国节约能源法》《节能监察办法》，本机关责令你单位自收到本通知书之日起3个月内按照下列要求完成整改：",
        "停止使用淘汰电动机，更换为二级能效以上产品。",
        "建立能源计量器具台账，按月统计能源消费。",
        # 6(5) the report, 6(6) the extension, 6(3) what follows, the remedies
        "在整改期限届满前将整改结果书面报送本机关",
        "整改期限届满前15日内以书面形式向本机关提出延期申请，本机关自收到申请之日起5个工作日内作出决定；延期不得超过6个月。",
        "逾期不整改或者整改不到位的，本机关将建议有关部门依法处罚或者处理。",
        "自收到本通知书之日起60日内依照《中华人民共和国行政复议法》的规定申请行政复议",
        "自收到本通知书之日起6个月内依照《中华人民共和国行政诉讼法》的规定向人民法院提起行政诉讼",
        # the 落款 with the seal's place, and who to ask
        "（印章）",
        cn_date(days(0)),
        contact(users),
    )
    assert CheckItem.TRAINING.label not in text  # compliant contents are not charged
    assert "届满）" not in text and "至" + cn_date(days(0)) not in text  # no end date guessed before service
    assert_well_written(text)
    # each typed line of the requirements is a paragraph of its own
    assert "<p>停止使用淘汰电动机，更换为二级能效以上产品。</p>" in html
    assert "<p>建立能源计量器具台账，按月统计能源消费。</p>" in html


def test_rectification_notice_follows_the_rules_as_configured(users):
    DeadlineRule.objects.filter(code=rules.RULE_EXTENSION_WINDOW).update(amount=20)
    DeadlineRule.objects.filter(code=rules.RULE_EXTENSION_MAX).update(amount=3)
    text = pdf_text(render_pdf(rules.KIND_RECTIFICATION_NOTICE, violation_case(users, months=2), requirements="整改"))
    assert_states(text, "自收到本通知书之日起2个月内", "届满前20日内", "延期不得超过3个月")


def test_onsite_inspection_notice(users):
    case = planned_case(users, planned=days(12))
    requirements = "请准备近三年能源统计报表、能源计量器具台账。\n安排能源管理负责人在场"
    text = pdf_text(render_pdf(rules.KIND_INSPECTION_NOTICE, case, requirements=requirements))
    assert_states(
        text,
        "节能监察通知书",
        f"{UNIT_NAME}（统一社会信用代码：{case.unit.credit_code}）：",
        f"本机关决定对你单位实施现场监察（案件编号：{case.reference}）",
        "一、监察依据",
        "《中华人民共和国节约能源法》《节能监察办法》。",
        "二、监察内容",
        f"（一）{CheckItem.ELIMINATION.label}；",
        f"（三）{CheckItem.TRAINING.label}。",
        f"三、监察时间{cn_date(days(12))}。届时节能监察人员将出示有效行政执法证件",
        "四、监察要求",
        "请准备近三年能源统计报表、能源计量器具台账。",
        "安排能源管理负责人在场。",
        "不得伪造、篡改、隐匿、销毁相关资料",
        "法定代表人或者其委托人到场",
        contact(users),
        "（印章）",
    )
    assert_well_written(text)


def test_written_inspection_notice(users):
    case = planned_case(users, mode="written", planned=days(20))
    text = pdf_text(render_pdf(rules.KIND_INSPECTION_NOTICE, case, requirements="报送2025年能源利用状况报告"))
    assert_states(
        text,
        "本机关决定对你单位实施书面监察",
        "三、报送材料期限",
        f"请你单位于{cn_date(days(20))}前，按照本通知的要求如实报送书面材料和电子材料。",
        "报送2025年能源利用状况报告。",
    )
    assert "监察时间" not in text and "现场监察笔录" not in text
    assert_well_written(text)


def test_advice(users):
    case = advice_case(users)
    html = render_html(rules.KIND_ADVICE, case, suggestions=SUGGESTIONS)
    text = pdf_text(render_pdf(rules.KIND_ADVICE, case, suggestions=SUGGESTIONS))
    assert_states(
        text,
        "节能监察建议书",
        f"{UNIT_NAME}（统一社会信用代码：{case.unit.credit_code}）：",
        case.reference,
        f"一、{CheckItem.METERING.label}：空压机长期空载运行。",
        "尚未违反节能法律、法规、规章和强制性标准，但属于不合理用能行为",
        "本机关建议你单位采取下列措施进行改进：",
        "加装变频控制装置。",
        "建立空压机运行台账。",
        contact(users),
        "（印章）",
    )
    assert "无淘汰设备" not in text
    assert "<p>建立空压机运行台账。</p>" in html
    assert_well_written(text)


def test_extension_granted(users):
    case = rectifying_case(users)
    decide_extension(users, case, approve=True, requested=2)
    case.refresh_from_db()
    text = pdf_text(render_pdf(rules.KIND_EXTENSION_DECISION, case, remarks="请按期报送整改进度"))
    assert_states(
        text,
        "延期决定书",
        f"你单位于{cn_date(days(-5))}向本机关提出书面申请",
        "本机关《限期整改通知书》（临工信节监改〔2026〕7号）责令的整改期限延长2个月",
        "申请理由为：高效电机供货周期长。",
        f"经审查，本机关决定：准予延期2个月，你单位的整改期限延长至{cn_date(case.rectification_deadline.due)}届满。",
        "理由如下：设备订货周期较长，已提供合同。",
        "请按期报送整改进度。",
        "将整改结果书面报送本机关",
    )
    assert "行政复议" not in text  # everything asked was granted
    assert_well_written(text)


def test_extension_refused(users):
    case = rectifying_case(users)
    decide_extension(users, case, approve=False, reasons="所述理由不属于确需延长整改期限的情形")
    text = pdf_text(render_pdf(rules.KIND_EXTENSION_DECISION, case))
    assert_states(
        text,
        f"不予延期，你单位的整改期限仍至{cn_date(case.rectification_deadline.due)}届满。",
        "理由如下：所述理由不属于确需延长整改期限的情形。",
        "自收到本决定书之日起60日内",
        "行政诉讼",
    )
    assert_well_written(text)


def test_a_draft_is_marked_and_unnumbered(users):
    text = pdf_text(render_pdf(rules.KIND_ADVICE, advice_case(users), draft=True, suggestions="改进"))
    assert_states(text, "草稿", "临工信节监建〔〕号（签发时编号）")


def test_a_long_title_keeps_its_words_together():
    title = f"关于{UNIT_NAME}节能监察有关问题的节能监察建议书"
    template = Template("{% load energy_tags %}{% title_phrases title unit kind %}")
    html = template.render(Context({"title": title, "unit": UNIT_NAME, "kind": "节能监察建议书"}))
    assert html == (
        f'<span class="phrase">关于{UNIT_NAME}</span><span class="phrase">节能监察有关问题的</span>'
        '<span class="phrase">节能监察建议书</span>'
    )


def test_typed_text_is_punctuated_once():
    assert clause("仍在使用淘汰电机2台。\n未建台账；") == "仍在使用淘汰电机2台；未建台账"
    assert [sentence(s) for s in ("加装变频器", "加装变频器，", "加装变频器。", "（见附件）。", "是否整改？")] == [
        "加装变频器。",
        "加装变频器。",
        "加装变频器。",
        "（见附件）。",
        "是否整改？",
    ]


# ---------------------------------------------------------------- the 现场监察笔录


def test_site_record_form_before_filing(users):
    case = planned_case(users, planned=days(10))
    certificates = {u: u.certificates.get() for u in (users["inspector1"], users["inspector2"])}
    Certificate.objects.filter(pk=certificates[users["inspector2"]].pk).update(valid_to=days(9))
    text = pdf_text(site_record_pdf(case))
    assert_states(
        text,
        "临高县工业和信息化局",
        "现场监察笔录",
        f"案件编号：{case.reference}",
        UNIT_NAME,
        case.unit.credit_code,
        case.unit.address,
        "王建国",
        cn_date(days(10)),
        f"{users['inspector1'].get_full_name()}执法证号：{certificates[users['inspector1']].number}",
        *(CheckItem(i).label for i in (CheckItem.ELIMINATION, CheckItem.METERING, CheckItem.TRAINING)),
        "符合要求",
        "违法违规",
        *(label for _, label in Measure.choices),
        "现场情况",
        "法定代表人",
        "委托人",
        "拒绝签字或者盖章",
        "已向你出示行政执法证件",
    )
    # a certificate that has lapsed by the day of the inspection is not printed: the line is left to fill in
    assert certificates[users["inspector2"]].number not in text


def test_site_record_form_after_filing(users):
    case = planned_case(users, planned=days(-3))
    record = site_record(case, users)
    finding = case.findings.get(item=CheckItem.ELIMINATION)
    finding.result, finding.facts = "violation", "仍在使用淘汰电动机2台"
    finding.save()
    text = pdf_text(site_record_pdf(case))
    assert_states(
        text,
        f"{cn_date(days(-3))}9时00分至11时30分",
        "临高县金牌港开发区厂区",
        "陈明（能源管理负责人）",
        *(f"{i['name']}执法证号：{i['certificate']}" for i in record.inspectors),
        "仍在使用淘汰电动机2台",
        "现场查看空压站、配电室。",
        "调阅2025年能源统计报表",
        "王建国",
    )


def test_site_record_form_with_a_refusal(users):
    case = planned_case(users, planned=days(-3))
    note = "法定代表人拒绝签字，由两名监察人员注明"
    site_record(case, users, signer_name="", signer_capacity="", refused=True, refusal_note=note)
    assert note in pdf_text(site_record_pdf(case))

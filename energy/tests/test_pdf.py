"""The two notices as issued PDFs carry what 三（四）6 requires (read back with pypdf)."""

import io
import re

import pytest
from pypdf import PdfReader

from energy import services
from energy.choices import CheckItem, FindingResult, Outcome
from energy.services import FindingInput
from linggao_mi.deadlines.periods import Unit, compute_due

from .conftest import TODAY, days, decide_violation, issue_document, onsite_recorded

pytestmark = pytest.mark.django_db


def pdf_text(document) -> str:
    document.pdf.open("rb")
    try:
        reader = PdfReader(io.BytesIO(document.pdf.read()))
    finally:
        document.pdf.close()
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def cn(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def test_rectification_notice_pdf(users, unit):
    case = decide_violation(users, onsite_recorded(users, unit), months=4, ended_on=days(-3))
    document = issue_document(users, case)
    text = pdf_text(document)
    end = compute_due(document.issued_on, 4, Unit.MONTHS).due
    for expected in (
        "临高县工业和信息化局", document.number, "限期整改",
        unit.name, unit.credit_code,  # unit and its 统一社会信用代码
        cn(days(-3)), "现场监察",  # inspection date and mode
        CheckItem.ELIMINATION.label, "仍在使用国家明令淘汰的高耗能电动机2台",  # facts per checklist item
        CheckItem.METERING.label, "符合要求",
        "《中华人民共和国节约能源法》第十七条",  # legal basis violated
        "停止使用淘汰电动机", "4个月", cn(end),  # requirements, period and its end date
        "整改结果书面报送",  # duty to report (6(5))
        "届满前15日内以书面形式", "延期申请", "5个工作日", "延期不得超过6个月",  # right to extension (6(6))
        cn(document.issued_on),  # issuing date
    ):
        assert expected in text, expected


def test_advice_pdf(users, unit):
    findings = {
        CheckItem.ELIMINATION: FindingInput(FindingResult.COMPLIANT, "无淘汰设备"),
        CheckItem.METERING: FindingInput(FindingResult.UNREASONABLE, "空压机长期空载运行"),
    }
    case = onsite_recorded(users, unit, findings=findings)
    case = services.outcome_decide(
        actor=users["inspector1"], case=case, outcome=Outcome.UNREASONABLE, ended_on=TODAY(),
        suggestions="加装变频控制装置。\n建立空压机运行台账。",
    )
    document = issue_document(users, case)
    text = pdf_text(document)
    for expected in ("节能监察建议书", unit.name, unit.credit_code, "空压机长期空载运行", "加装变频控制装置",
                     "建立空压机运行台账", "临高县工业和信息化局", cn(document.issued_on), document.number):
        assert expected in text, expected

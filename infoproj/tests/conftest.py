"""Fixtures of the infoproj tests: the people of 信息技术股, projects at each stage, uploads."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from infoproj import services
from infoproj.choices import BuildKind, Funding, TenderDocKind
from infoproj.models import ITProject
from infoproj.services import ItemInput, ReviewInput
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.factories import UserFactory

TODAY = timezone.localdate


def pdf(name: str = "招标文件.pdf") -> SimpleUploadedFile:
    content = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def it(db):
    """信息技术股: its chief, two staff, a leader, and someone of 工业股 (outside the section)."""
    section = Section.objects.get(code="it")
    made = {
        "chief": UserFactory(username="t_itchief", role=Role.CHIEF, section=section),
        "staff": UserFactory(username="t_itstaff", role=Role.STAFF, section=section),
        "staff2": UserFactory(username="t_itstaff2", role=Role.STAFF, section=section),
        "leader": UserFactory(username="t_leader", role=Role.LEADER),
        "admin": UserFactory(username="t_admin", role=Role.ADMIN),
        "outsider": UserFactory(username="t_industry", role=Role.STAFF),
    }
    return made


def review(passed: bool = True, **overrides) -> ReviewInput:
    values = dict(
        reviewed_on=TODAY(), experts="王专家、李专家、陈专家", standards_implemented=passed,
        standards_opinion="建设方案按照《政务信息系统建设标准》编制" if passed else "未按电子政务标准设计数据接口",
        passed=passed, opinions="" if passed else "数据接口须符合GB/T 21064要求，修改后重新评审",
    )
    values.update(overrides)
    return ReviewInput(**values)


def register(actor, **overrides) -> ITProject:
    values = dict(
        name="县政务数据共享平台", owner_unit="临高县大数据中心", owner_contact="符主任 0898-28280099",
        funding=Funding.COUNTY, build_kind=BuildKind.NEW, budget=Decimal("380.00"),
        approved_scale="覆盖县直30个部门的数据共享交换", approved_content="数据共享交换系统、目录系统、安全保障体系",
    )
    values.update(overrides)
    return services.project_register(actor=actor, **values)


ITEMS = [ItemInput("数据交换服务器", "华为 2288H V6", "4台", Decimal("86000"), "三年原厂质保，4小时响应")]

FIELDS = dict(
    purchaser_name="临高县大数据中心", purchaser_address="临高县临城镇政府路1号",
    purchaser_contact="符主任 0898-28280099",
    agent_name="海南示范招标代理有限公司", agent_address="海口市龙华区示范路8号", agent_contact="吴经理 0898-66660001",
    project_title="县政务数据共享平台建设项目", project_number="LGCG-2026-018", winner_name="海南示范信息技术有限公司",
    winner_address="海口市美兰区示范大道2号", winner_amount=Decimal("3650000.00"),
    experts="王专家、李专家、陈专家、林专家、赵专家",
)


def to_tendering(actor, case=None) -> ITProject:
    """A project through the feasibility gate and with its tender file filed."""
    case = case or register(actor)
    case = services.feasibility_review(actor=actor, case=case, review=review())
    case = services.tender_file_submit(actor=actor, case=case, submitted_on=TODAY(), upload=pdf())
    return services.tender_file_review(
        actor=actor, case=case, law_compliant=True, scale_compliant=True, review=review()
    )


def to_award(actor, determined_on=None, fields=FIELDS, items=ITEMS) -> ITProject:
    case = to_tendering(actor)
    return services.winner_determine(
        actor=actor, case=case, determined_on=determined_on or TODAY(), fields=dict(fields), items=items,
        documents=[(TenderDocKind.INVITATION, pdf())],
        late_reason="补录已确定的中标结果" if determined_on and determined_on < TODAY() else "",
    )


def days(n: int) -> datetime.date:
    return TODAY() + datetime.timedelta(days=n)



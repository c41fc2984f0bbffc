"""Demo records of 三（三）（六）～（九) for `manage.py load_demo` (a second run adds nothing), made by 信息技术股's
demo accounts: an IT project at every stage of its workflow (one outside the plan), published award announcements on
/tenders/, key projects with weeks of tracking (one completed), a monthly meeting and the last quarter's briefing
drafted, and plan filings at each stage with a check and the year's report issued. Dates lie in the past where the
step records one; a step whose date precedes the case's registration carries its 补录 reason, as the services require.
"""

import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from linggao_mi.documents.services import document_approve, document_issue, document_serve, document_submit

from . import services
from .choices import Assessment, BriefingKind, BuildKind, CheckMethod, FilerKind, Funding, KeyProjectKind, LawBasis
from .models import Briefing, ITProject, KeyProject, PlanFiling
from .services import DecisionInput, ItemInput, ReviewInput

LATE = "系统启用前已办理，据纸质卷宗补录"


def _pdf(name: str) -> SimpleUploadedFile:
    content = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    return SimpleUploadedFile(name, content, content_type="application/pdf")


FEASIBILITY_OPINION = "按国家政务信息资源目录标准修改数据接口设计，补充等级保护方案后重新评审"
TENDER_OPINION = "投标人资格条件设置了本地注册的限制，违反《招标投标法》第十八条，须删除后重新报送备案"


def _review(day, passed=True, opinions=""):
    return ReviewInput(
        reviewed_on=day, experts="王志强（高级工程师）、李梅（信息安全专家）、陈海（造价工程师）",
        standards_implemented=passed,
        standards_opinion="建设方案按照《政务信息系统整合共享标准》和GB/T 22239—2019第二级要求编制"
        if passed else "数据接口未按《政务信息资源目录体系》标准设计，未列出等级保护要求",
        passed=passed, opinions=opinions or ("" if passed else FEASIBILITY_OPINION),
    )


ANNOUNCEMENT = dict(
    purchaser_address="临高县临城镇政府路1号", purchaser_contact="符主任 0898-28280099",
    agent_name="海南临高示范招标代理有限公司", agent_address="临高县临城镇江北路18号",
    agent_contact="吴经理 0898-28281234",
    winner_name="海南示范信息技术有限公司", winner_address="海口市美兰区国兴大道2号",
    experts="王志强、李梅、陈海、林晓、赵启明",
)
ITEMS = [
    ItemInput("数据交换服务器", "国产鲲鹏 2U 双路", "4台", Decimal("86000.00"), "三年原厂质保，4小时到场"),
    ItemInput("数据共享交换平台软件", "V3.0", "1套", Decimal("1280000.00"), "部署、对接30个部门，培训及一年运维"),
]


def _project(staff, name, owner, budget, plan):
    return services.project_register(
        actor=staff, name=name, owner_unit=owner, owner_contact="符主任 0898-28280099", funding=Funding.COUNTY,
        build_kind=BuildKind.NEW, budget=Decimal(budget), approved_scale="覆盖县直部门和10个镇的政务数据共享",
        approved_content="数据共享交换平台、目录系统、安全保障体系及配套硬件", plan=plan,
    )


def _to_filed(staff, case, day):
    case = services.feasibility_review(actor=staff, case=case, review=_review(day), late_reason=LATE)
    case = services.tender_file_submit(actor=staff, case=case, submitted_on=day, upload=_pdf("招标文件.pdf"),
                                       late_reason=LATE)
    return services.tender_file_review(actor=staff, case=case, law_compliant=True, scale_compliant=True,
                                       review=_review(day), late_reason=LATE)


def _published(staff, case, day, number):
    case = services.winner_determine(
        actor=staff, case=case, determined_on=day, late_reason=LATE,
        fields={**ANNOUNCEMENT, "project_number": number, "winner_amount": Decimal("1624000.00")},
        items=ITEMS, documents=[("invitation", _pdf("招标文件.pdf"))],
    )
    return services.announcement_publish(actor=staff, case=ITProject.objects.get(pk=case.pk), notice_sent_on=day,
                                         published_on=day)


def _projects(staff, chief, plan, today):
    ago = lambda n: today - datetime.timedelta(days=n)  # noqa: E731
    # 1. 待可研评审: the first review failed on the standards; a new review is due.
    case = _project(staff, "县智慧教育云平台", "临高县教育局", "260.00", plan)
    services.feasibility_review(actor=staff, case=case, review=_review(ago(20), passed=False), late_reason=LATE)
    # 2. 标书审核备案: the tender file returned with opinions, awaiting its refiling.
    case = _project(staff, "县应急指挥通信系统", "临高县应急管理局", "420.00", plan)
    case = services.feasibility_review(actor=staff, case=case, review=_review(ago(40)), late_reason=LATE)
    case = services.tender_file_submit(actor=staff, case=case, submitted_on=ago(30), upload=_pdf("招标文件.pdf"),
                                       late_reason=LATE)
    services.tender_file_review(
        actor=staff, case=case, law_compliant=False, scale_compliant=True, late_reason=LATE,
        review=_review(ago(28), passed=False, opinions=TENDER_OPINION),
    )
    # 3. 待公告中标结果: the winner determined yesterday; the announcement lacks fields; the 2-working-day period runs.
    case = _to_filed(staff, _project(staff, "县政务外网升级改造", "临高县大数据中心", "180.00", plan), ago(15))
    services.winner_determine(actor=staff, case=case, determined_on=ago(1), late_reason=LATE,
                              fields={"winner_name": "海南示范网络工程有限公司"})
    # 4. 建设实施中: published on /tenders/; a routine check found a delay with a deadline to rectify.
    case = _published(staff, _to_filed(staff, _project(staff, "县政务数据共享平台", "临高县大数据中心", "380.00", plan),
                                       ago(60)), ago(50), "LGCG-2026-018")
    services.routine_check(
        actor=staff, case=ITProject.objects.get(pk=case.pk), checked_on=ago(10), group_members="吴信息、黄股长",
        methods=[CheckMethod.BRIEFING, CheckMethod.SITE], progress_ok=False, funds_ok=True, quality_ok=True,
        findings="数据交换系统部署滞后计划约一个月", rectification="增加实施人员，倒排工期，每周报送进度",
        rectification_days=30,
        late_reason=LATE,
    )
    services.change_request(actor=staff, case=ITProject.objects.get(pk=case.pk), requested_on=ago(5),
                            description="增加两个镇的接入节点", budget_after=Decimal("412.00"))
    # 5. 已申请竣工验收: the acceptance passed; the 《验收意见书》 awaits the chief's approval.
    case = _published(staff, _to_filed(staff, _project(staff, "县视频会议系统", "临高县人民政府办公室", "95.00", plan),
                                       ago(200)), ago(190), "LGCG-2026-006")
    case = services.contract_check(
        actor=staff, case=ITProject.objects.get(pk=case.pk), checked_on=ago(12), against_contract=True,
        contract_fulfilled=True, findings="承建单位已完成合同约定的全部内容",
    )
    case = services.acceptance_apply(actor=staff, case=case, applied_on=ago(14), application="系统已试运行三个月",
                                     late_reason=LATE)
    case = services.acceptance_review(actor=staff, case=case, review=_review(ago(7), opinions="补充运维手册"),
                                      late_reason=LATE)
    document_submit(actor=staff, document=case.acceptance_document)
    # 6. 已通过竣工验收 with a performance evaluation short of its goals (its score shown when the owner applies).
    case = _project(staff, "县政务服务网上大厅", "临高县政务服务中心", "150.00", plan)
    case = _published(staff, _to_filed(staff, case, ago(400)), ago(390), "LGCG-2025-031")
    case = services.complaint_record(
        actor=staff, case=ITProject.objects.get(pk=case.pk), source="complaint", received_on=ago(380),
        complainant="某投标供应商", content="评分标准未事先公布", investigation="评分标准已载明于招标文件第三章",
        handling="投诉不成立，予以驳回", basis=LawBasis.PROCUREMENT_LAW, basis_article="第五十六条",
        concluded_on=ago(370),
    )
    case = services.acceptance_apply(actor=staff, case=case, applied_on=ago(60), application="建设内容全部完成",
                                     late_reason=LATE)
    case = services.acceptance_review(actor=staff, case=case, review=_review(ago(50), opinions="无"), late_reason=LATE)
    document = case.acceptance_document
    document_submit(actor=staff, document=document)
    document_approve(actor=chief, document=document)
    document = document_issue(actor=chief, document=document)
    document_serve(actor=staff, document=document, method="direct", served_on=today, recipient="政务服务中心 符主任")
    services.performance_evaluate(
        actor=staff, case=ITProject.objects.get(pk=case.pk), evaluated_on=ago(3), experts="绩效评价专家组（5人）",
        management_score=Decimal("26"), output_score=Decimal("25"), effect_score=Decimal("27.5"),
        comments="系统运行稳定，但事项网上可办率未达批复目标", goals_met=False,
        rectification="网上可办率提高到批复的90%", rectification_months=3,
    )
    # 7. 已结案: accepted, evaluated, closed by the chief.
    case = _project(staff, "县机关办公自动化系统运维", "临高县机关事务管理局", "45.00", plan)
    case = _published(staff, _to_filed(staff, case, ago(500)), ago(490), "LGCG-2025-009")
    case = services.acceptance_apply(actor=staff, case=case, applied_on=ago(120), application="运维期满",
                                     late_reason=LATE)
    case = services.acceptance_review(actor=staff, case=case, review=_review(ago(110), opinions="无"),
                                      late_reason=LATE)
    document = case.acceptance_document
    document_submit(actor=staff, document=document)
    document_approve(actor=chief, document=document)
    document_serve(actor=staff, document=document_issue(actor=chief, document=document), method="mail",
                   served_on=today, recipient="机关事务管理局")
    case = services.performance_evaluate(
        actor=staff, case=ITProject.objects.get(pk=case.pk), evaluated_on=today, experts="绩效评价专家组（3人）",
        management_score=Decimal("28"), output_score=Decimal("27"), effect_score=Decimal("36"),
        comments="运维响应及时，达到预期效果", goals_met=True,
    )
    services.project_close(actor=chief, case=case, closed_on=today, reason="验收通过，绩效评价达到预期")
    # 8. 规划外项目: registered without a filed plan, flagged for correction with the department.
    _project(staff, "县城管视频监控扩容", "临高县综合行政执法局", "88.00", None)


def _key_projects(staff, chief, today):
    week = services.week_of(today)
    made = []
    for name, kind, owner, investment in (
        ("临高金牌港海上风电装备制造基地", KeyProjectKind.INDUSTRIAL, "海南示范风电装备有限公司", "560000"),
        ("临高县5G网络覆盖工程", KeyProjectKind.IT, "中国移动临高分公司", "18000"),
    ):
        case = services.key_register(actor=staff, name=name, kind=kind, owner_unit=owner,
                                     owner_contact="项目办 0898-28280100", investment=Decimal(investment),
                                     location="临高县", description=f"{name}建设")
        for weeks_back, done in ((20, True), (6, False)):
            planned = today - datetime.timedelta(days=7 * weeks_back)
            case = services.milestone_add(actor=staff, case=case, name="主体工程开工" if done else "设备安装完成",
                                          planned_on=planned)
            if done:
                milestone = case.milestones.get(done_on__isnull=True)
                case = services.milestone_done(actor=staff, case=case, milestone=milestone, done_on=planned)
        for n in range(1, 14):
            if kind == KeyProjectKind.IT and n % 4 == 0:
                continue  # weeks without a record: counted in the yearly assessment
            services.weekly_record(
                actor=staff, case=KeyProject.objects.get(pk=case.pk),
                contacted_on=week - datetime.timedelta(days=7 * n - 2), progress=f"第{n}周前：现场施工有序推进",
                problems="用地报批手续未完成" if n % 3 == 0 else "",
                subjective_causes="企业报批材料准备不及时" if n % 3 == 0 else "",
                objective_causes="用地指标需省里调剂" if n % 3 == 0 else "",
            )
        made.append(KeyProject.objects.get(pk=case.pk))
    done = services.key_register(
        actor=staff, name="临高县工业园区光纤入园工程", kind=KeyProjectKind.IT, owner_unit="中国电信临高分公司",
        owner_contact="项目办 0898-28280200", investment=Decimal("2600"), location="临高县金牌港开发区",
        description="园区光纤到企业",
    )
    services.key_complete(actor=chief, case=done, completed_on=today - datetime.timedelta(days=30))
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=15)
    services.meeting_record(
        actor=staff, held_on=last_month, attendees="局领导、信息技术股、工业股、项目业主",
        summary="梳理本月项目进展及存在问题",
        decisions=[DecisionInput(made[0], "协调自然资源部门加快用地报批", "县自然资源和规划局",
                                 today + datetime.timedelta(days=20))],
    )
    services.assess(actor=chief, case=made[1], year=today.year, reporting="周跟踪基本按时报送",
                    follow_up="跟踪服务到位", result=Assessment.PASS)
    quarter = (today.month - 1) // 3  # the last quarter that has ended
    year = today.year if quarter else today.year - 1
    services.briefing_create(
        actor=staff, kind=BriefingKind.QUARTERLY, year=year, quarter=quarter or 4,
        texts={"analysis": "主观上企业报批材料准备不够及时，客观上用地指标需省级调剂。",
               "recommendations": "建立用地报批专班\n每周通报报批进度"},
    )


def _plans(staff, chief, today):
    ago = lambda n: today - datetime.timedelta(days=n)  # noqa: E731
    county = services.plan_register(
        actor=staff, filer_kind=FilerKind.COUNTY, filer_name="临高县工业和信息化局",
        title="临高县“十四五”信息化发展规划",
        period_from=2021, period_to=2026, submitted_on=ago(300), upload=_pdf("县信息化发展规划.pdf"),
    )
    county = services.plan_county_approve(
        actor=chief, case=county, approved_on=ago(280), approval_number="临府函〔2026〕12号"
    )
    services.plan_province_file(actor=staff, case=county, filed_on=ago(270), receipt="省工信厅备案回执第2026-045号")
    next_plan = services.plan_register(
        actor=staff, filer_kind=FilerKind.COUNTY, filer_name="临高县工业和信息化局",
        title="临高县数字政府建设规划（2027—2031年）",
        period_from=2027, period_to=2031, submitted_on=ago(40), upload=_pdf("县数字政府建设规划.pdf"),
    )
    services.plan_county_approve(  # approved, to be filed with the province (三（六）4): the next step to try
        actor=chief, case=next_plan, approved_on=ago(10), approval_number="临府函〔2026〕88号"
    )
    town = services.plan_register(
        actor=staff, filer_kind=FilerKind.TOWN, filer_name="临城镇人民政府", title="临城镇信息化发展专项规划",
        period_from=2024, period_to=2026, submitted_on=ago(200), upload=_pdf("临城镇规划.pdf"),
    )
    town = services.plan_acknowledge(
        actor=staff, case=town, acknowledged_on=ago(190), opinion="符合县信息化发展规划，予以备案"
    )
    services.plan_check(
        actor=staff, case=town, checked_on=ago(30), group_members="吴信息、黄股长、县大数据中心专家",
        methods=["self", "report", "compare", "demo"], findings="镇政务服务站点建设按规划推进", implementation="fair",
        outside_plan_projects="镇自建视频会议室未列入规划", correction="会同县大数据中心纳入县视频会议系统统一建设",
    )
    services.plan_register(
        actor=staff, filer_kind=FilerKind.DEPARTMENT, filer_name="临高县教育局", title="临高县教育信息化专项规划",
        period_from=2025, period_to=2027, submitted_on=ago(5), upload=_pdf("教育信息化规划.pdf"),
    )
    report = services.briefing_create(
        actor=staff, kind=BriefingKind.PLAN_REPORT, year=today.year,
        texts={"summary": "各镇、各部门总体按规划推进信息化建设，个别单位规划外建设已纠正。"},
    )
    document_submit(actor=staff, document=report.document)
    document_approve(actor=chief, document=report.document)
    document_issue(actor=chief, document=report.document)
    services.briefing_issue(actor=staff, case=Briefing.objects.get(pk=report.pk))
    return PlanFiling.objects.get(pk=county.pk)


def load(users: dict[str, User]) -> None:
    staff, chief = users["itstaff"], users["itchief"]  # 信息技术股 (linggao_mi/org/demo.py)
    if ITProject.objects.exists() or KeyProject.objects.exists() or Briefing.objects.exists():
        return
    today = timezone.localdate()
    plan = _plans(staff, chief, today)
    _projects(staff, chief, plan, today)
    _key_projects(staff, chief, today)

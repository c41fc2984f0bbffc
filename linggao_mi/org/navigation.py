"""The workspace menu: each entry shows to a user holding its permission (or to everyone logged in)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    permission: str | None = None


# Apps add their entries here, in the order they appear in the menu.
WORKSPACE_NAV: list[NavEntry] = [
    NavEntry("工作台", "workspace"),
    NavEntry("部门职责", "duties:list"),
    NavEntry("职责边界", "boundaries:list"),
    NavEntry("公共服务事项", "services:list"),
    NavEntry("用能单位", "energy:unit_list", "energy.view_energyunit"),
    NavEntry("节能监察", "energy:case_list", "energy.view_energyunit"),
    NavEntry("固定资产投资项目", "energy:fixed_asset_projects", "energy.view_fixedassetproject"),
    NavEntry("执法监督", "inspections:index"),
    NavEntry("申诉检举", "inspections:complaint_list", "inspections.view_complaint"),
    NavEntry("法制审核", "inspections:legal_queue", "inspections.review_legalreview"),
    NavEntry("处罚裁量基准", "discretion"),
    NavEntry("信息化工程", "infoproj:project_list", "infoproj.view_monthlymeeting"),
    NavEntry("重点项目", "infoproj:key_list", "infoproj.view_monthlymeeting"),
    NavEntry("信息化规划", "infoproj:plan_list", "infoproj.view_monthlymeeting"),
    NavEntry("简报与报告", "infoproj:briefing_list", "infoproj.view_monthlymeeting"),
    NavEntry("期限", "deadlines:list"),
    NavEntry("期限计算", "deadlines:calculator"),
    NavEntry("通知", "notifications:inbox"),
    NavEntry("我的导出", "lists:exports"),
    NavEntry("文书", "documents:list"),
    NavEntry("文书审批", "documents:approvals", "documents.approve_officialdocument"),
    NavEntry("组织与执法证", "admin:index", "org.change_section"),
]

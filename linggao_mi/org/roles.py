"""What each role may do, as data. Groups are kept in step with this table after every migrate.

Global permissions only: who may handle a particular case is an object permission granted when the case is
assigned (casework.services.case_grant_access). A global `view_<case>` means "sees every case" (leaders, admins).
"""

from .choices import Role


def perms(app: str, models: list[str], actions: tuple[str, ...]) -> list[str]:
    return [f"{app}.{action}_{model}" for model in models for action in actions]


ADD_CHANGE_VIEW = ("add", "change", "view")

REGISTER_EDIT = (
    perms("duties", ["duty", "dutyitem"], ADD_CHANGE_VIEW)
    + perms("boundaries", ["boundarymatter", "assignment", "legalbasis", "boundarycase"], ADD_CHANGE_VIEW)
    + perms("services", ["serviceitem", "publicityevent"], ADD_CHANGE_VIEW)
)
ORG_VIEW = perms("org", ["section", "staffprofile", "department", "certificate"], ("view",))
ORG_MANAGE = perms("org", ["section", "staffprofile", "department", "certificate"], ADD_CHANGE_VIEW) + perms(
    "auth", ["user"], ADD_CHANGE_VIEW
)
# 节能监察: the unit register for those who work the regime; inspectors and chiefs open cases.
ENERGY_UNITS = perms("energy", ["energyunit"], ADD_CHANGE_VIEW)
ENERGY_PLAN = ["energy.add_inspectioncase"]
ENERGY_SEE_ALL = perms(
    "energy",
    ["energyunit", "inspectioncase", "finding", "siterecord", "testingcommission", "penaltyrecommendation",
     "extensionrequest"],
    ("view",),
)
# 工作日历与期限: admins enter a year's holiday schedule and set the configurable periods of the rules.
CALENDAR_MANAGE = (
    perms("deadlines", ["calendaryear"], ("add", "view"))
    + perms("deadlines", ["calendarday", "deadline"], ("view",))
    + perms("deadlines", ["deadlinerule"], ("change", "view"))
)
# 文书: chiefs and leaders approve documents; admins keep the document kinds (templates and 文号 prefixes)
# and see the 文号/案号 series.
DOCUMENT_APPROVE = ["documents.approve_officialdocument"]
DOCUMENT_KINDS_MANAGE = (
    perms("documents", ["documentkind"], ADD_CHANGE_VIEW)
    + perms("documents", ["officialdocument"], ("view",))
    + ["casework.view_series"]
    + ["attachments.view_attachment"]
)

ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.ADMIN: ORG_MANAGE + REGISTER_EDIT + ENERGY_SEE_ALL + ENERGY_UNITS + ["energy.delete_energyunit"]
    + CALENDAR_MANAGE + DOCUMENT_KINDS_MANAGE,
    Role.LEADER: ORG_VIEW + REGISTER_EDIT + ENERGY_SEE_ALL + DOCUMENT_APPROVE,
    Role.CHIEF: ORG_VIEW + REGISTER_EDIT + ENERGY_UNITS + ENERGY_PLAN + DOCUMENT_APPROVE,
    Role.LEGAL: ORG_VIEW,
    Role.INSPECTOR: ORG_VIEW + ENERGY_UNITS + ENERGY_PLAN,
    Role.STAFF: ORG_VIEW + REGISTER_EDIT + ENERGY_UNITS,
}

"""What each role may do, as data. Groups are kept in step with this table after every migrate."""

from .choices import Role

# Permissions are "app_label.codename". An app adds its codenames here when it adds models.
REGISTER_EDIT = [
    f"{app}.{action}_{model}"
    for app, models in {
        "duties": ["duty", "dutyitem"],
        "boundaries": ["boundarymatter", "assignment", "legalbasis", "boundarycase"],
        "services": ["serviceitem", "publicityevent"],
    }.items()
    for model in models
    for action in ("add", "change", "view")
]
ORG_VIEW = ["org.view_section", "org.view_staffprofile", "org.view_department", "org.view_certificate"]
ORG_MANAGE = [
    f"org.{action}_{model}"
    for model in ("section", "staffprofile", "department", "certificate")
    for action in ("add", "change", "view")
] + ["auth.add_user", "auth.change_user", "auth.view_user"]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.ADMIN: ORG_MANAGE + REGISTER_EDIT,
    Role.LEADER: ORG_VIEW + REGISTER_EDIT,
    Role.CHIEF: ORG_VIEW + REGISTER_EDIT,
    Role.LEGAL: ORG_VIEW,
    Role.INSPECTOR: ORG_VIEW,
    Role.STAFF: ORG_VIEW + REGISTER_EDIT,
}

# 节能监察 (energy): the unit register for those who work the regime; cases are planned by inspectors and
# chiefs, handled through object permissions (casework.case_grant_access); only leaders see every case.
_ENERGY_UNITS = [f"energy.{action}_energyunit" for action in ("add", "change", "view")]
for _role, _perms in {
    Role.ADMIN: _ENERGY_UNITS + ["energy.delete_energyunit"],
    Role.LEADER: ["energy.view_energyunit", "energy.view_inspectioncase"],
    Role.CHIEF: _ENERGY_UNITS + ["energy.add_inspectioncase"],
    Role.INSPECTOR: _ENERGY_UNITS + ["energy.add_inspectioncase"],
    Role.STAFF: _ENERGY_UNITS,
}.items():
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] + _perms

# 工作日历与期限: admins enter a year's holiday schedule and set the configurable periods of the rules.
ROLE_PERMISSIONS[Role.ADMIN] = ROLE_PERMISSIONS[Role.ADMIN] + ["deadlines.add_calendaryear", "deadlines.view_calendaryear", "deadlines.view_calendarday", "deadlines.change_deadlinerule", "deadlines.view_deadlinerule", "deadlines.view_deadline"]  # noqa: E501

# 文书与附件: chiefs and leaders approve documents (their approvals inbox); admins keep the document kinds.
ROLE_PERMISSIONS[Role.CHIEF] = ROLE_PERMISSIONS[Role.CHIEF] + ["documents.approve_officialdocument"]
ROLE_PERMISSIONS[Role.LEADER] = ROLE_PERMISSIONS[Role.LEADER] + ["documents.approve_officialdocument"]
ROLE_PERMISSIONS[Role.ADMIN] = ROLE_PERMISSIONS[Role.ADMIN] + [f"documents.{p}" for p in ("add_documentkind", "change_documentkind", "view_documentkind", "view_numberseries", "view_officialdocument")] + ["attachments.view_attachment"]  # noqa: E501

"""What each role may do, as data. Groups are kept in step with these tables after every migrate.

Global permissions only: who may handle a particular case is an object permission granted when the case is
assigned (casework.services.case_grant_access). A global `view_<case>` means "sees every case" (leaders, admins),
a global `decide_<case>` "takes the decisions in the bureau's name on every case" (leaders).

The shared machinery's grants are here; each regime declares its own in `<app>/permissions.py` as
`ROLE_GRANTS: dict[Role, list[str]]`, and `role_permissions()` adds them.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

from .choices import Role


def perms(app: str, models: list[str], actions: tuple[str, ...]) -> list[str]:
    return [f"{app}.{action}_{model}" for model in models for action in actions]


ADD_CHANGE_VIEW = ("add", "change", "view")

REGISTER_EDIT = (
    perms("duties", ["duty", "dutyitem"], ADD_CHANGE_VIEW)
    + perms("boundaries", ["boundarymatter", "assignment", "legalbasis", "boundarycase"], ADD_CHANGE_VIEW)
    + perms("services", ["serviceitem", "publicityevent"], ADD_CHANGE_VIEW)
)
# The everyday words of the public lookup (电线杆 → 电力设施): admins keep them in the admin.
SYNONYMS_MANAGE = perms("boundaries", ["synonym"], ("add", "change", "delete", "view"))
ORG_VIEW = perms("org", ["section", "staffprofile", "department", "certificate"], ("view",))
ORG_MANAGE = perms("org", ["section", "staffprofile", "department", "certificate"], ADD_CHANGE_VIEW) + perms(
    "auth", ["user"], ADD_CHANGE_VIEW
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

CORE_GRANTS: dict[str, list[str]] = {
    Role.ADMIN: ORG_MANAGE + REGISTER_EDIT + SYNONYMS_MANAGE + CALENDAR_MANAGE + DOCUMENT_KINDS_MANAGE,
    Role.LEADER: ORG_VIEW + REGISTER_EDIT + DOCUMENT_APPROVE,
    Role.CHIEF: ORG_VIEW + REGISTER_EDIT + DOCUMENT_APPROVE,
    Role.LEGAL: ORG_VIEW,
    Role.INSPECTOR: ORG_VIEW,
    Role.STAFF: ORG_VIEW + REGISTER_EDIT,
}


def role_permissions() -> dict[str, list[str]]:
    """Each role's permissions: the shared machinery's and every installed regime's `permissions.ROLE_GRANTS`."""
    table = {role: list(names) for role, names in CORE_GRANTS.items()}
    for config in apps.get_app_configs():
        module = f"{config.name}.permissions"
        if find_spec(module) is None:
            continue
        for role, names in getattr(import_module(module), "ROLE_GRANTS", {}).items():
            table[role].extend(name for name in names if name not in table[role])
    return table

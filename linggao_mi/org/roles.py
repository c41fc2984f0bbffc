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

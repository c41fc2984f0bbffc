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
    NavEntry("组织与执法证", "admin:index", "org.change_section"),
]

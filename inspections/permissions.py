"""Who may do what in 三（一）/三（二）, by role; `org.roles.role_permissions` adds these.

Handling a case is an object permission granted when it is assigned (its handlers; its section's chief, who decides).
Legal reviewers review the major decisions sent to them and keep the discretion catalogue; leaders see and decide
every case; admins see everything and keep the catalogue. The catalogue itself is public (no permission to read).
"""

from linggao_mi.org.choices import Role
from linggao_mi.org.roles import perms

CASES = ["oversightcheck", "supervisioncase", "faultcase"]
SEE_ALL = perms("inspections", [*CASES, "filescore", "discretionuse", "legalreview"], ("view",))
DECIDE_ALL = perms("inspections", CASES, ("decide",))
OPEN = perms("inspections", ["oversightcheck", "supervisioncase"], ("add",))
CATALOGUE = perms("inspections", ["discretionstandard", "discretioncircumstance"], ("add", "change", "view"))
LEGAL = ["inspections.review_legalreview", "inspections.view_legalreview"]
COMPLAINTS = ["inspections.triage_complaint", "inspections.view_complaint"]

ROLE_GRANTS = {
    Role.ADMIN: SEE_ALL + CATALOGUE + ["inspections.view_complaint"],
    Role.LEADER: SEE_ALL + DECIDE_ALL + COMPLAINTS,
    Role.CHIEF: OPEN + ["inspections.add_faultcase"] + COMPLAINTS,
    Role.LEGAL: LEGAL + CATALOGUE,
    Role.INSPECTOR: OPEN + COMPLAINTS,
}

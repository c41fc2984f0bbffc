"""Who may do what in 三（五）, by role (energy/permissions.py adds these to the app's ROLE_GRANTS).

The project register is kept by those who work the regime; inspectors and chiefs open checks; handling a check
(its inspectors; its section's chief, who also decides the measures and closes) is an object permission granted
when the check is assigned. Leaders see every check and decide on any; admins read only.
"""

from linggao_mi.org.choices import Role
from linggao_mi.org.roles import ADD_CHANGE_VIEW, perms

PROJECTS = perms("energy", ["fixedassetproject"], ADD_CHANGE_VIEW)
OPEN_CHECKS = ["energy.add_projectcheck"]
SEE_ALL = perms(
    "energy",
    ["fixedassetproject", "projectchange", "projecttrigger", "projectcheck", "checksteprecord", "projectmeasure"],
    ("view",),
)
DECIDE_ALL = ["energy.decide_projectcheck"]

ROLE_GRANTS = {
    Role.ADMIN: SEE_ALL,
    Role.LEADER: SEE_ALL + DECIDE_ALL,
    Role.CHIEF: PROJECTS + OPEN_CHECKS,
    Role.INSPECTOR: PROJECTS + OPEN_CHECKS,
    Role.STAFF: PROJECTS,
}

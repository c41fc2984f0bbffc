"""Who may do what in energy inspection (三（四）), by role; `org.roles.role_permissions` adds these.

Handling a particular case (its inspectors; its section's chief, who also decides) is an object permission
granted when the case is assigned. Globally: those who work the regime keep the unit register and may open
cases; leaders see every case and decide on any; admins see everything and change nothing of a case.
"""

from linggao_mi.org.choices import Role
from linggao_mi.org.roles import ADD_CHANGE_VIEW, perms

UNITS = perms("energy", ["energyunit"], ADD_CHANGE_VIEW)
OPEN_CASES = ["energy.add_inspectioncase"]
SEE_ALL = perms(
    "energy",
    ["energyunit", "inspectioncase", "finding", "siterecord", "testingcommission", "penaltyrecommendation",
     "extensionrequest", "writtenreply"],
    ("view",),
)
DECIDE_ALL = ["energy.decide_inspectioncase"]

ROLE_GRANTS = {
    Role.ADMIN: SEE_ALL + UNITS + ["energy.delete_energyunit"],
    Role.LEADER: SEE_ALL + DECIDE_ALL,
    Role.CHIEF: UNITS + OPEN_CASES,
    Role.INSPECTOR: UNITS + OPEN_CASES,
    Role.STAFF: UNITS,
}

# 三（五） fixed-asset projects (energy/fixed_asset/permissions.py).
from .fixed_asset.permissions import ROLE_GRANTS as FIXED_ASSET_GRANTS  # noqa: E402

ROLE_GRANTS = {role: names + FIXED_ASSET_GRANTS.get(role, []) for role, names in ROLE_GRANTS.items()}

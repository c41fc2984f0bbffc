"""Who may do what in 三（三）（六）～（九), by role; `org.roles.role_permissions` adds these.

信息技术股 carries this work (the duty register); its staff, inspectors and chief open cases (the services also
require the actor to belong to that section), and handle the cases they opened; the section's chief handles and
decides on every case of the section (casework.services.case_grant_access). Leaders see and decide on every case;
admins read only.
"""

from linggao_mi.org.choices import Role
from linggao_mi.org.roles import perms

CASES = ["itproject", "keyproject", "planfiling", "briefing"]
RECORDS = [
    "expertreview", "tenderfiling", "routinecheck", "projectchange", "tenderannouncement", "announcementitem",
    "tenderdocument", "contractcheck", "complaint", "performanceevaluation", "milestone", "weeklyrecord",
    "monthlymeeting", "meetingdecision", "yearlyassessment", "plancheck",
]
OPEN_CASES = perms("infoproj", CASES, ("add",))
MEETINGS = perms("infoproj", ["monthlymeeting"], ("add", "view"))
SEE_ALL = perms("infoproj", CASES + RECORDS, ("view",))
DECIDE_ALL = perms("infoproj", CASES, ("decide",))

ROLE_GRANTS = {
    Role.ADMIN: SEE_ALL,
    Role.LEADER: SEE_ALL + DECIDE_ALL,
    Role.CHIEF: OPEN_CASES + MEETINGS,
    Role.INSPECTOR: OPEN_CASES + MEETINGS,
    Role.STAFF: OPEN_CASES + MEETINGS,
}

"""三（三）（六）（七）（八）（九）: IT projects on county funds with their standards gates and tendering, key projects
with their tracking, IT plans with their filings and checks, and the briefings and reports made from them.

Every case is a casework.Case of 信息技术股; rules live in rules.py and the workflows in workflow.py.
"""

from .common import StateBadge  # named by the migrations
from .keyprojects import (
    Briefing,
    BriefingGroupObjectPermission,
    BriefingUserObjectPermission,
    KeyProject,
    KeyProjectGroupObjectPermission,
    KeyProjectUserObjectPermission,
    MeetingDecision,
    Milestone,
    MonthlyMeeting,
    WeeklyRecord,
    YearlyAssessment,
)
from .plans import PlanCheck, PlanFiling, PlanFilingGroupObjectPermission, PlanFilingUserObjectPermission
from .projects import (
    ExpertReview,
    ITProject,
    ITProjectGroupObjectPermission,
    ITProjectUserObjectPermission,
    PerformanceEvaluation,
    ProjectChange,
    RoutineCheck,
    TenderFiling,
)
from .tendering import AnnouncementItem, Complaint, ContractCheck, TenderAnnouncement, TenderDocument

__all__ = [
    "AnnouncementItem", "Briefing", "BriefingGroupObjectPermission", "BriefingUserObjectPermission", "Complaint",
    "ContractCheck", "ExpertReview", "ITProject", "ITProjectGroupObjectPermission", "ITProjectUserObjectPermission",
    "KeyProject", "KeyProjectGroupObjectPermission", "KeyProjectUserObjectPermission", "MeetingDecision", "Milestone",
    "MonthlyMeeting", "PerformanceEvaluation", "PlanCheck", "PlanFiling", "PlanFilingGroupObjectPermission",
    "PlanFilingUserObjectPermission", "ProjectChange", "RoutineCheck", "StateBadge", "TenderAnnouncement",
    "TenderDocument", "TenderFiling", "WeeklyRecord", "YearlyAssessment",
]

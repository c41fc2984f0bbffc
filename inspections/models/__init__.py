"""三（一）对属地管理的行政执法职权的监督检查 and 三（二）规范行政处罚裁量权.

- DiscretionStandard / DiscretionCircumstance: the published 裁量基准 (public, read-only); DiscretionUse: one use
  of it on any regime's case (a generic case key, like documents and deadlines), with its written reasons.
- OversightCheck: a check of the bureau's own enforcement, with the files it called up and scored (FileScore).
- SupervisionCase: one 《执法监督通知（决定）书》 with its correction, 复查 and report.
- FaultCase: enforcement fault accountability against one staff member.
- LegalReview: 法制审核 of a major decision's document before the chief approves it.
- Complaint: a public complaint (三（一）4(4)) with its files and the messages sent back.

Rules live in rules.py and the services; the models hold the record.
"""

from .complaints import Complaint, ComplaintFile, OutgoingMessage
from .discretion import DiscretionCircumstance, DiscretionStandard, DiscretionUse
from .legal import LegalReview, SentToLegalReview
from .oversight import (
    FaultCase,
    FaultCaseGroupObjectPermission,
    FaultCaseUserObjectPermission,
    FileScore,
    OversightCheck,
    OversightCheckGroupObjectPermission,
    OversightCheckUserObjectPermission,
    SupervisionCase,
    SupervisionCaseGroupObjectPermission,
    SupervisionCaseUserObjectPermission,
)

__all__ = [
    "Complaint", "ComplaintFile", "DiscretionCircumstance", "DiscretionStandard", "DiscretionUse", "FaultCase",
    "FaultCaseGroupObjectPermission", "FaultCaseUserObjectPermission", "FileScore", "LegalReview", "OutgoingMessage",
    "OversightCheck", "OversightCheckGroupObjectPermission", "OversightCheckUserObjectPermission", "SentToLegalReview",
    "SupervisionCase", "SupervisionCaseGroupObjectPermission", "SupervisionCaseUserObjectPermission",
]

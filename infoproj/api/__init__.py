"""REST API of 三（三）（六）～（九), over the same services as the pages (DRF, OpenAPI via drf-spectacular).

`POST /api/v1/infoproj/projects/{id}/<step-name>` takes a step of the IT project's workflow table with its body
(field lengths and choices from the models); a refusal by a rule answers 400 {"detail", "rule", "clause"}, a step
the user may not take 403, a case outside the user's scope 404. Key projects, plan filings and briefings likewise:
POST on the list takes the creating step (a plan's text as a multipart upload), `POST .../{id}/<step-name>` each
other step of KEY_WORKFLOW, PLAN_WORKFLOW and BRIEFING_WORKFLOW. Published announcements are public at
/api/v1/tenders/.
"""

from linggao_mi.casework.api import api_router

from .programmes import BriefingViewSet, KeyProjectViewSet, PlanFilingViewSet
from .projects import ProjectViewSet, TenderViewSet

router = api_router()
router.register("infoproj/projects", ProjectViewSet, basename="infoproj-project")
router.register("infoproj/key-projects", KeyProjectViewSet, basename="infoproj-key-project")
router.register("infoproj/plans", PlanFilingViewSet, basename="infoproj-plan")
router.register("infoproj/briefings", BriefingViewSet, basename="infoproj-briefing")
router.register("tenders", TenderViewSet, basename="tender")
urlpatterns = router.urls

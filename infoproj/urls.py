from django.urls import path

from . import views
from .models import Briefing, ITProject, KeyProject, PlanFiling

app_name = "infoproj"

# Each case table's step pages at <prefix>/<pk>/<step-name>/, one per row of views.STEP_PAGES.
PREFIXES = {ITProject: "projects", KeyProject: "key-projects", PlanFiling: "plans", Briefing: "briefings"}

urlpatterns = [
    path("projects/", views.project_list, name="project_list"),
    path("tender-results/", views.tender_results, name="tender_results"),
    path("projects/new/", views.project_register, name="project_register"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("key-projects/", views.key_list, name="key_list"),
    path("key-projects/new/", views.key_register, name="key_register"),
    path("key-projects/<int:pk>/", views.key_detail, name="key_detail"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_register, name="plan_register"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("briefings/", views.briefing_list, name="briefing_list"),
    path("briefings/new/", views.briefing_create, name="briefing_create"),
    path("briefings/<int:pk>/", views.briefing_detail, name="briefing_detail"),
] + [
    path(f"{PREFIXES[model]}/<int:pk>/{name.replace('_', '-')}/", views.step_page(model, name),
         name=views.CASE_TABLES[model][0][name].url_name)
    for model, pages in views.STEP_PAGES.items()
    for name in pages
]

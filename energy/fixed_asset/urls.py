"""The pages of 三（五）, in the energy namespace (energy/urls.py adds these)."""

from django.urls import path

from . import views

urlpatterns = [
    path("fixed-asset/", views.project_list, name="fixed_asset_projects"),
    path("fixed-asset/new/", views.project_create, name="fixed_asset_project_create"),
    path("fixed-asset/<int:pk>/", views.project_detail, name="fixed_asset_project"),
    path("fixed-asset/<int:pk>/change/", views.project_change, name="fixed_asset_project_change"),
    path("fixed-asset/<int:pk>/progress/", views.project_progress, name="fixed_asset_project_progress"),
    path("fixed-asset/<int:pk>/finding/", views.project_trigger, name="fixed_asset_project_trigger"),
    path("fixed-asset/checks/new/", views.check_plan, name="fixed_asset_check_plan"),
    path("fixed-asset/checks/<int:pk>/", views.check_detail, name="fixed_asset_check"),
    path("fixed-asset/checks/<int:pk>/notice/", views.check_notice, name="fixed_asset_notice"),
    path("fixed-asset/checks/<int:pk>/feedback/", views.check_feedback, name="fixed_asset_feedback"),
    path("fixed-asset/checks/<int:pk>/measure/", views.check_measure, name="fixed_asset_measure"),
    path("fixed-asset/checks/<int:pk>/close/", views.check_close, name="fixed_asset_close"),
    *(
        path(f"fixed-asset/checks/<int:pk>/step/{name}/", view, name=f"fixed_asset_step_{name}")
        for name, view in views.STEP_VIEWS.items()
    ),
]

from django.urls import path

from . import views
from .fixed_asset import urls as fixed_asset_urls

app_name = "energy"
urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("units/new/", views.unit_create, name="unit_create"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("units/<int:pk>/edit/", views.unit_update, name="unit_update"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/new/", views.case_plan, name="case_plan"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/site-record.pdf", views.case_site_record_pdf, name="case_site_record_pdf"),
    path("cases/<int:pk>/notice/", views.case_notice, name="case_notice"),
    path("cases/<int:pk>/plan/", views.case_plan_correct, name="case_plan_correct"),
    path("cases/<int:pk>/materials/", views.case_materials, name="case_materials"),
    path("cases/<int:pk>/record/", views.case_record, name="case_record"),
    path("cases/<int:pk>/reply/", views.case_reply_require, name="case_reply_require"),
    path("cases/<int:pk>/reply/received/", views.case_reply_receive, name="case_reply_receive"),
    path("cases/<int:pk>/testing/", views.case_testing, name="case_testing"),
    path("cases/<int:pk>/testing/result/", views.case_testing_result, name="case_testing_result"),
    path("cases/<int:pk>/outcome/", views.case_outcome, name="case_outcome"),
    path("cases/<int:pk>/outcome/decide/", views.case_outcome_confirm, name="case_outcome_confirm"),
    path("cases/<int:pk>/report/", views.case_report, name="case_report"),
    path("cases/<int:pk>/verify/", views.case_verify, name="case_verify"),
    path("cases/<int:pk>/escalate/", views.case_escalate, name="case_escalate"),
    path("cases/<int:pk>/extension/", views.case_extension_request, name="case_extension_request"),
    path("cases/<int:pk>/extension/decide/", views.case_extension_decide, name="case_extension_decide"),
    path("cases/<int:pk>/close/", views.case_close, name="case_close"),
]
urlpatterns += fixed_asset_urls.urlpatterns  # 三（五） fixed-asset projects and their checks

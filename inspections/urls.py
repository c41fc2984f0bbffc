from django.urls import path

from . import list_views, views

app_name = "inspections"

urlpatterns = [
    path("", list_views.index, name="index"),
    path("checks/", list_views.check_list, name="check_list"),
    path("checks/new/", views.check_open, name="check_open"),
    path("checks/<int:pk>/", views.check_detail, name="check_detail"),
    path("supervisions/", list_views.supervision_list, name="supervision_list"),
    path("supervisions/new/", views.supervision_open, name="supervision_open"),
    path("supervisions/<int:pk>/", views.supervision_detail, name="supervision_detail"),
    path("faults/", list_views.fault_list, name="fault_list"),
    path("faults/new/", views.fault_open, name="fault_open"),
    path("faults/<int:pk>/", views.fault_detail, name="fault_detail"),
    path("legal/", list_views.legal_queue, name="legal_queue"),
    path("legal/<int:pk>/", views.legal_decide, name="legal_decide"),
    path("legal/send/<int:pk>/", views.legal_request, name="legal_request"),
    path("complaints/", list_views.complaint_list, name="complaint_list"),
    path("complaints/<int:pk>/", views.complaint_detail, name="complaint_detail"),
    path("complaints/files/<int:pk>/", views.complaint_file_download, name="complaint_file"),
    path("penalty/<int:type_id>/<int:pk>/", views.penalty, name="penalty"),
    *[
        path(
            f"{name.split('_')[0]}s/<int:pk>/{name.split('_', 1)[1].replace('_', '-')}/",
            views.step,
            {"name": name},
            name=name,
        )
        for name in views.STEPS
    ],
]

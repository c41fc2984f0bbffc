from django.urls import path

from . import views

app_name = "attachments"
urlpatterns = [
    path("case/<str:app_label>/<str:model>/<int:case_pk>/upload/", views.upload, name="upload"),
    path("<int:pk>/", views.download, name="download"),
    path("<int:pk>/delete/", views.delete, name="delete"),
]

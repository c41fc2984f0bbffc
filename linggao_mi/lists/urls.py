from django.urls import path

from . import views

app_name = "lists"
urlpatterns = [
    path("", views.exports, name="exports"),
    path("<int:pk>/download/", views.export_download, name="export_download"),
]

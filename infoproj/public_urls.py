"""/tenders/: the published award announcements and their documents, for everyone (三（八）4、5(2))."""

from django.urls import path

from . import views

app_name = "tenders"
urlpatterns = [
    path("", views.tender_list, name="list"),
    path("<int:pk>/", views.tender_detail, name="detail"),
    path("<int:pk>/documents/<int:doc>/", views.tender_document, name="document"),
]

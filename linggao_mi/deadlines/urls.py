from django.urls import path

from . import views

app_name = "deadlines"
urlpatterns = [
    path("", views.deadline_list, name="list"),
    path("calculator/", views.calculator, name="calculator"),
    path("calendar/", views.calendar, name="calendar"),
]

from django.urls import path

from . import views

app_name = "services"
urlpatterns = [
    path("", views.register_list, name="list"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/history/", views.item_history, name="item_history"),
    path("events/add/", views.event_add, name="event_add"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/history/", views.event_history, name="event_history"),
]

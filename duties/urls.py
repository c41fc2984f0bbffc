from django.urls import path

from . import views

app_name = "duties"
urlpatterns = [
    path("", views.register_list, name="list"),
    path("<int:pk>/edit/", views.duty_edit, name="duty_edit"),
    path("<int:pk>/history/", views.duty_history, name="duty_history"),
    path("<int:duty_pk>/items/add/", views.item_add, name="item_add"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/history/", views.item_history, name="item_history"),
]

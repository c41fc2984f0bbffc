from django.urls import path

from linggao_mi.registers import register_urls

from . import views

app_name = "boundaries"
urlpatterns = [
    path("", views.register_list, name="list"),
    *register_urls(views.MATTER, views.ASSIGNMENT, views.BASIS, views.CASE),
]

from django.urls import path

from linggao_mi.registers import register_urls

from . import views

app_name = "services"
urlpatterns = [
    path("", views.register_list, name="list"),
    *register_urls(views.ITEM, views.EVENT),
]

from django.urls import path

from . import views

app_name = "boundaries"
urlpatterns = [path("", views.register_list, name="list")]

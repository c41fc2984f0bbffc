from django.urls import path

from . import views

app_name = "boundaries"
urlpatterns = [
    path("", views.register_list, name="list"),
    path("matters/<int:pk>/edit/", views.matter_edit, name="matter_edit"),
    path("matters/<int:pk>/history/", views.matter_history, name="matter_history"),
    path("matters/<int:matter_pk>/assignments/add/", views.assignment_add, name="assignment_add"),
    path("matters/<int:matter_pk>/bases/add/", views.basis_add, name="basis_add"),
    path("matters/<int:matter_pk>/cases/add/", views.case_add, name="case_add"),
    path("assignments/<int:pk>/edit/", views.assignment_edit, name="assignment_edit"),
    path("assignments/<int:pk>/history/", views.assignment_history, name="assignment_history"),
    path("bases/<int:pk>/edit/", views.basis_edit, name="basis_edit"),
    path("bases/<int:pk>/history/", views.basis_history, name="basis_history"),
    path("cases/<int:pk>/edit/", views.case_edit, name="case_edit"),
    path("cases/<int:pk>/history/", views.case_history, name="case_history"),
]

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/download/", views.data_export, name="data_export"),
    path("profile/delete/", views.account_delete, name="delete"),
    path("deleted/", views.account_deleted, name="deleted"),
]

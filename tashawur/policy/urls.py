from django.urls import path

from tashawur.policy import views

app_name = "policy"
urlpatterns = [
    path("", views.issue_list, name="issue-list"),
    path("<slug:slug>/", views.issue_detail, name="issue-detail"),
]

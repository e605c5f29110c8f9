from django.urls import path

from tashawur.positions import views

app_name = "positions"
urlpatterns = [
    path("", views.matrix, name="matrix"),
    path("<str:code>/issues/<slug:issue_slug>/", views.history, name="history"),
    path("<str:code>/issues/<slug:issue_slug>/state/", views.state, name="state"),
    path("<str:code>/topics/<int:topic_pk>/", views.history, name="topic-history"),
    path("<str:code>/topics/<int:topic_pk>/state/", views.state, name="topic-state"),
]

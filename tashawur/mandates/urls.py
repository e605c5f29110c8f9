from django.urls import path

from tashawur.mandates import views

app_name = "mandates"
urlpatterns = [
    path("", views.due, name="due"),
    path("resolutions/<str:body>/<str:number>/", views.resolution_detail, name="resolution"),
]

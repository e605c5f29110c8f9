from django.urls import path

from tashawur.responses import views_public

urlpatterns = [
    path("consultations/<slug:slug>/responses/", views_public.consultation_responses, name="consultation-responses"),
    path(
        "consultations/<slug:slug>/responses/<str:receipt_number>/", views_public.response_permalink,
        name="consultation-response",
    ),
    path(
        "responses/<str:receipt_number>/files/<int:attachment_id>/<str:filename>", views_public.download_attachment,
        name="response-attachment",
    ),
]

"""Meetings (Res. 1336 rules 6 and 7), under /meetings/."""

from django.urls import path, re_path

from tashawur.meetings import views

TOKEN = r"(?P<token>[0-9a-f]{32})"

urlpatterns = [
    path("", views.meeting_list, name="meeting-list"),
    path("<int:meeting_id>/", views.meeting_detail, name="meeting-detail"),
    path("<int:meeting_id>/meeting.ics", views.meeting_ics, name="meeting-ics"),
    path("<int:meeting_id>/register/", views.register, name="meeting-register"),
    path("<int:meeting_id>/statements/", views.meeting_statements, name="meeting-statements"),
    re_path(
        rf"^(?P<meeting_id>[0-9]+)/registrations/(?P<registration_id>[0-9]+)/{TOKEN}/$", views.registration_own,
        name="registration-own",
    ),
    re_path(
        rf"^(?P<meeting_id>[0-9]+)/registrations/(?P<registration_id>[0-9]+)/{TOKEN}/cancel/$",
        views.registration_cancel, name="registration-cancel",
    ),
    path("<int:meeting_id>/sessions/<int:session_id>/", views.session_detail, name="session-detail"),
    path("<int:meeting_id>/sessions/<int:session_id>/transcript/", views.session_transcript, name="session-transcript"),
    path(
        "<int:meeting_id>/sessions/<int:session_id>/captions/<str:language>.vtt", views.session_captions,
        name="session-captions",
    ),
]

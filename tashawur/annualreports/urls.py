from django.urls import path, re_path

from tashawur.annualreports import views

app_name = "annualreports"
urlpatterns = [
    path("", views.report_list, name="list"),
    re_path(
        r"^(?P<code>[-\w]+)/(?P<first_year>\d{4})-(?P<last_year>\d{4})/(?P<language>ar|zh|en|fr|ru|es)\.(?P<file_format>html|pdf|docx)$",
        views.report_file, name="file",
    ),
]

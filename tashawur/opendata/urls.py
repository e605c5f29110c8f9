from django.urls import path, register_converter

from tashawur.opendata import views


class ExportFormat:
    regex = "csv|json|ndjson|zip"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExportFormat, "export_format")

app_name = "opendata"

urlpatterns = [
    path("consultations/<slug:slug>/export.<export_format:fmt>", views.export, name="export"),
    path("consultations/<slug:slug>/responses.atom", views.consultation_feed, name="consultation-feed"),
    path("groups/<slug:code>/feed.atom", views.group_feed, name="group-feed"),
    path("groups/<slug:code>/calendar.ics", views.calendar, name="group-calendar"),
    path("dictionary/", views.data_dictionary, name="dictionary"),
    path("dictionary.json", views.data_dictionary_json, name="dictionary-json"),
]

"""The web form and the respondent's own pages, reached by the secret link mailed to them."""

from django.urls import path, re_path

from tashawur.responses import views_submit

# Receipt numbers are R-XXXX-XXXX; tokens are 32 URL-safe characters. Matching them exactly
# leaves every other /responses/<receipt>/... address to the public pages.
RECEIPT = r"(?P<receipt>R-[0-9A-Z]{4}-[0-9A-Z]{4})"
TOKEN = r"(?P<token>[A-Za-z0-9_-]{32})"

urlpatterns = [
    path("consultations/<slug:slug>/respond/", views_submit.respond, name="response-submit"),
    re_path(rf"^responses/{RECEIPT}/confirm/{TOKEN}/$", views_submit.confirm, name="response-confirm"),
    re_path(rf"^responses/{RECEIPT}/{TOKEN}/$", views_submit.own_response, name="response-own"),
    re_path(rf"^responses/{RECEIPT}/{TOKEN}/withdraw/$", views_submit.withdraw, name="response-withdraw"),
    re_path(
        rf"^responses/{RECEIPT}/{TOKEN}/files/(?P<attachment_id>[0-9]+)/$", views_submit.own_file,
        name="response-own-file",
    ),
]

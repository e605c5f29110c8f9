"""A consultation with one response of each kind the open data must treat differently.

Shared by the API, open-data and search tests. Responses go through the real
services (``submit_response``, ``publish_response``), as every channel does.
"""

import datetime as dt

import pytest

from tashawur.responses.attachments import check_attachment
from tashawur.responses.services import AnswerInput, Submission, publish_response, submit_response
from tests.factories import ConsultationFactory, ConsultationMeetingFactory, MeetingFactory, UserFactory, role

RECEIVED = dt.datetime(2016, 12, 1, 12, tzinfo=dt.UTC)
TITLE = {"en": "Development aspects of the Internet", "ar": "الجوانب الإنمائية للإنترنت"}
# Strings that must never appear in any public output.
SECRETS = ("Hidden Person", "hidden@example.net", "Quiet Collective", "Group Member Only",
           "grouponly@example.net", "group-only answer", "amina@example.org", "private-cv.txt", "Unpublished thought")


def submit(consultation, *, answers=(), body="", attachments=(), **fields):
    questions = list(consultation.topic.questions.order_by("position"))
    values = dict(
        consultation=consultation, channel="web", received_at=RECEIVED, body=body,
        answers={question.pk: AnswerInput(text) for question, text in zip(questions, answers) if text},
        attachments=[check_attachment(name, content) for name, content in attachments],
        author_name="Amina Haddad", author_email="amina@example.org", organisation="Digital Rights Lab",
        country="TN", stakeholder_group="civil_society",
    )
    values.update(fields)
    return submit_response(submission=Submission(**values)).response


def build_consultation(slug="development-aspects", **topic):
    chosen = MeetingFactory(number=8, starts_on=dt.date(2016, 10, 13))
    group = chosen.group
    return ConsultationFactory(
        group=group, slug=slug, chosen_at=chosen,
        feeds_meeting=MeetingFactory(group=group, number=9, starts_on=dt.date(2017, 2, 6)),
        physical_meeting=ConsultationMeetingFactory(group=group, starts_on=dt.date(2017, 2, 3), city="Geneva"),
        opens_on=dt.date(2016, 10, 28), response_deadline=dt.date(2017, 1, 4),
        topic__title=topic.get("title", TITLE),
        topic__questions=topic.get("questions", [{"en": f"Question {n}?", "ar": f"السؤال {n}؟"} for n in (1, 2, 3)]),
    )


@pytest.fixture
def consultation(db):
    return build_consultation()


@pytest.fixture
def secretariat(consultation):
    user = UserFactory(username="secretariat-user")
    role(user, consultation.group, "secretariat")
    return user


@pytest.fixture
def world(consultation, secretariat):
    """Published: a named response with a public and a withheld file, an anonymous one, a group-only one.

    Not published: a received one. The secrets of each are in ``SECRETS``.
    """
    named = submit(
        consultation, answers=("Affordable access is the first condition of development.", "", "Local content."),
        attachments=[("position.txt", "Community networks connect villages.".encode()),
                     ("private-cv.txt", b"Curriculum vitae")],
    )
    named.attachments.filter(filename="private-cv.txt").update(withheld=True)
    anonymous = submit(consultation, answers=("Spectrum policy matters most.",), publication="anonymous",
                       author_name="Hidden Person", author_email="hidden@example.net",
                       organisation="Quiet Collective")
    group_only = submit(consultation, answers=("A group-only answer about spectrum.",), publication="group_only",
                        author_name="Group Member Only", author_email="grouponly@example.net", organisation="")
    received = submit(consultation, answers=("Unpublished thought about spectrum.",), author_name="Not Yet",
                      author_email="notyet@example.org")
    for response in (named, anonymous, group_only):
        publish_response(actor=secretariat, response=response)
    return {"named": named, "anonymous": anonymous, "group_only": group_only, "received": received}


@pytest.fixture(autouse=True)
def _open_data_settings(settings):
    """Rate limits far above what a test sends (the rate-limit tests set their own), and fast password hashes."""
    from django.core.cache import cache

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.API_RATE_LIMITS = {"anonymous": "10000/min", "token": "10000/min", "submit": "10000/min"}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def secretariat_token(secretariat):
    from tashawur.api.services import issue_api_token

    _token, secret = issue_api_token(user=secretariat, name="moderation robot")
    return secret

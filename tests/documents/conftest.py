import datetime as dt

import pytest

from tests.documents.samples import six_language_responses
from tests.factories import ConsultationFactory, ConsultationMeetingFactory, MeetingFactory, UserFactory, role


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def consultation(db):
    """'Development aspects of the Internet' (seed 003): open 28 Oct 2016 – 4 Jan 2017, meeting 3 Feb 2017."""
    chosen = MeetingFactory(number=8, starts_on=dt.date(2016, 10, 13), city="Geneva")
    group = chosen.group
    group.name = {
        "en": "Council Working Group on International Internet-related Public Policy Issues",
        "ar": "فريق العمل التابع للمجلس والمعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت",
        "fr": "Groupe de travail du Conseil sur les questions de politiques publiques internationales relatives à l'Internet",
        "es": "Grupo de Trabajo del Consejo sobre cuestiones de política pública internacional relacionadas con Internet",
        "ru": "Рабочая группа Совета по вопросам международной государственной политики, касающимся интернета",
        "zh": "国际互联网相关公共政策问题理事会工作组",
    }
    group.save()
    return ConsultationFactory(
        group=group, slug="development-aspects", chosen_at=chosen,
        feeds_meeting=MeetingFactory(group=group, number=9, starts_on=dt.date(2017, 2, 6), city="Geneva"),
        physical_meeting=ConsultationMeetingFactory(group=group, starts_on=dt.date(2017, 2, 3)),
        opens_on=dt.date(2016, 10, 28), response_deadline=dt.date(2017, 1, 4),
        topic__title={
            "en": "Development aspects of the Internet", "ar": "الجوانب الإنمائية للإنترنت",
            "fr": "Aspects de l'Internet liés au développement", "es": "Aspectos del desarrollo de Internet",
            "ru": "Аспекты развития интернета", "zh": "互联网的发展问题",
        },
        topic__questions=[
            {"en": "What are the main barriers to Internet access?", "ar": "ما هي العوائق الرئيسية أمام النفاذ إلى الإنترنت؟",
             "fr": "Quels sont les principaux obstacles à l'accès à l'Internet ?"},
            {"en": "Which policies have worked in your country?", "ar": "ما هي السياسات التي نجحت في بلدكم؟"},
        ],
    )


@pytest.fixture
def responses(consultation):
    return six_language_responses(consultation)


@pytest.fixture
def secretariat(consultation):
    user = UserFactory(username="secretariat-documents")
    role(user, consultation.group, "secretariat")
    return user

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from tashawur.accounts.models import Account
from tashawur.responses.models import Answer, Response
from tests.announcements.conftest import clock, consultation  # noqa: F401  (shared fixtures)
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
_receipts = itertools.count(1)


def stakeholder(email="amina@example.org", *, confirmed=True, language="en", **fields):
    """A stakeholder account as sign-up makes it: the username is the address."""
    user = UserFactory(username=email, email=email, **fields)
    Account.objects.create(user=user, language=language, email_confirmed_at=timezone.now() if confirmed else None)
    return user


def response(consultation, email, *, status="received", publication="named", name="Amina Haddad", answer=""):
    made = Response.objects.create(
        consultation=consultation, receipt_number=f"R-TEST-{next(_receipts):04d}", channel="web", status=status,
        publication=publication, author_name=name, author_email=email, organisation="Digital Rights Lab",
        country="TN", stakeholder_group="civil_society", body="", received_at=dt.datetime(2016, 12, 1, 9, tzinfo=dt.UTC),
        rejection_reason="spam" if status == "rejected" else "",
    )
    if answer:
        Answer.objects.create(response=made, question=consultation.topic.questions.get(position=1), text=answer)
    return made


@pytest.fixture
def amina(db):
    return stakeholder()

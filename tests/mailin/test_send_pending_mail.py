import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from tashawur.mailin.models import OutboundMail

pytestmark = pytest.mark.django_db


def test_unsent_mail_is_sent_once_by_the_retry_command():
    recorded = OutboundMail.objects.create(kind="ack", to="amina@example.org", subject="Receipt R-AAAA-BBBB",
                                           body="Thank you.", language="en")
    OutboundMail.objects.filter(pk=recorded.pk).update(created_at=dt.datetime(2017, 1, 1, tzinfo=dt.UTC),
                                                       error="Connection refused")
    out = StringIO()

    call_command("send_pending_mail", stdout=out)
    call_command("send_pending_mail", stdout=out)

    assert [message.subject for message in mail.outbox] == ["Receipt R-AAAA-BBBB"]
    assert mail.outbox[0].extra_headers["Auto-Submitted"] == "auto-replied"
    recorded.refresh_from_db()
    assert recorded.sent_at is not None and recorded.error == ""
    assert "1 sent, 0 still failing." in out.getvalue()

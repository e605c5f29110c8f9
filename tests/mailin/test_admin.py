"""The secretariat sees every incoming message, downloads it as received, and processes pending ones."""

import pytest
from django.urls import reverse

from tashawur.mailin.models import InboundMessage
from tashawur.mailin.store import store_message
from tests.mailin.conftest import IN_PERIOD, eml

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_with_message(admin_client, consultations):
    inbound, _created = store_message(eml("big5_body"), via="pipe", received_at=IN_PERIOD)
    return admin_client, inbound


def test_the_raw_message_is_downloaded_exactly_as_received(admin_client_with_message):
    client, inbound = admin_client_with_message

    page = client.get(reverse("admin:mailin_inboundmessage_change", args=[inbound.pk]))
    raw = client.get(reverse("admin:mailin_inboundmessage_raw", args=[inbound.pk]))

    assert page.status_code == 200 and b"Download the message as received" in page.content
    assert raw["Content-Type"] == "message/rfc822" and raw.content == eml("big5_body")


def test_a_pending_message_is_processed_from_the_list(admin_client_with_message, django_capture_on_commit_callbacks):
    client, inbound = admin_client_with_message

    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(reverse("admin:mailin_inboundmessage_changelist"),
                           {"action": "process_again", "_selected_action": [inbound.pk]}, follow=True)

    assert b"1 message processed." in page.content
    assert InboundMessage.objects.get().outcome == "accepted"

"""Publishing the compiled report through the real django-tasks database worker (Res. 1336 rules 5 and 8)."""

import datetime as dt
import hashlib
import stat
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from tashawur.core.errors import NotAllowed
from tashawur.documents.errors import PublishedDocumentIsImmutable
from tashawur.documents.models import PublicationState, ReportVersion
from tashawur.documents.services import request_publication
from tests.documents.factories import many_responses
from tests.documents.readback import pdf_text
from tests.factories import UserFactory

PUBLISHED_ON = dt.datetime(2017, 1, 17, 9, tzinfo=dt.UTC)  # 17 days before the physical meeting (3 Feb 2017)


def run_worker():
    """The db_worker loop, in this process, until the queue is empty."""
    Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
           max_tasks=None, worker_id="test-worker", excluded_queue_names=[]).run()


def publish(secretariat, consultation, **options):
    options = {"languages": ["en"], "formats": ["pdf"], **options}
    return request_publication(actor=secretariat, consultation=consultation, **options)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_200_responses_are_published_by_the_worker_as_an_immutable_checksummed_version(consultation, secretariat):
    many_responses(consultation, 200)

    with time_machine.travel(PUBLISHED_ON, tick=False):
        version = publish(secretariat, consultation, formats=["pdf", "html"])
        task = DBTaskResult.objects.get()
        assert (version.state, task.status, task.args_kwargs["kwargs"]) == ("queued", "READY", {"version_id": version.pk})
        run_worker()

    version.refresh_from_db()
    assert (version.state, version.progress, version.response_count, version.version) == ("published", 100, 200, 1)
    assert version.published_at == PUBLISHED_ON
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    files = {f.format: f for f in version.files.all()}
    assert sorted(files) == ["html", "pdf"]
    for stored in files.values():
        content = stored.file.read()
        assert hashlib.sha256(content).hexdigest() == stored.sha256 and len(content) == stored.size
        assert stat.S_IMODE(Path(stored.file.path).stat().st_mode) == 0o444  # read-only on disk
    assert "200 responses are included in this edition." in pdf_text(files["pdf"].file.open("rb").read())
    consultation.refresh_from_db()
    assert consultation.report_published_on == dt.date(2017, 1, 17)  # rule 5 is now judged on this date
    with pytest.raises(PublishedDocumentIsImmutable):
        version.symbol = "changed"
        version.save()
    with pytest.raises(PublishedDocumentIsImmutable):
        version.delete()


@pytest.mark.django_db
def test_republishing_makes_a_new_version_and_keeps_the_old_one(consultation, responses, secretariat, client,
                                                                django_capture_on_commit_callbacks):
    with time_machine.travel(PUBLISHED_ON, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            first = publish(secretariat, consultation, languages=["en", "ar"], formats=["html"])
        run_worker_in_transaction()
    with time_machine.travel(PUBLISHED_ON + dt.timedelta(days=2), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            second = publish(secretariat, consultation, languages=["en", "ar"], formats=["html"])
        run_worker_in_transaction()

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.version, first.state, second.version, second.state) == (1, "published", 2, "published")
    assert second.symbol == f"{first.symbol}/Rev.1"
    old = client.get(reverse("documents:report-file", args=["development-aspects", "public", 1, "en", "html"]))
    assert old.status_code == 200 and old["ETag"] == f'"{first.files.get(language="en", format="html").sha256}"'
    assert "immutable" in old["Cache-Control"]
    page = client.get(reverse("consultation-detail", args=["development-aspects"])).content.decode()
    assert "Version 2, published on Jan. 19, 2017." in page
    assert "First published on Jan. 17, 2017, 17 days before the physical meeting; rule 5 required it by Jan. 19, 2017." in page
    assert reverse("documents:report-file", args=["development-aspects", "public", 2, "ar", "html"]) in page
    assert "Earlier versions" in page
    current = client.get(reverse("documents:current-report", args=["development-aspects"]), HTTP_ACCEPT_LANGUAGE="ar")
    assert current.status_code == 200
    assert "التقرير المجمّع للردود على المشاورة المفتوحة" in b"".join(current.streaming_content).decode()


def run_worker_in_transaction():
    """Inside a test transaction the worker runs its claimed task directly (same code as the loop)."""
    worker = Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="test-worker", excluded_queue_names=[])
    for result in DBTaskResult.objects.ready():
        result.claim("test-worker")
        worker.run_task(result)


@pytest.mark.django_db
def test_only_the_secretariat_may_publish_and_group_editions_stay_private(consultation, responses, secretariat, client,
                                                                         django_capture_on_commit_callbacks):
    with pytest.raises(NotAllowed):
        publish(UserFactory(username="stranger"), consultation)
    assert not ReportVersion.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        publish(secretariat, consultation, edition="group", formats=["html"])
    run_worker_in_transaction()

    url = reverse("documents:report-file", args=["development-aspects", "group", 1, "en", "html"])
    assert client.get(url).status_code == 404
    client.force_login(secretariat)
    response = client.get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert b"Confidential Ministry" in b"".join(response.streaming_content)


@pytest.mark.django_db
def test_a_failed_generation_is_reported_with_its_reason_and_leaves_nothing_published(
    consultation, responses, secretariat, settings, django_capture_on_commit_callbacks,
):
    settings.DOCUMENT_FONTS = {"cjk": "Noto Nonexistent CJK"}
    with django_capture_on_commit_callbacks(execute=True):
        version = publish(secretariat, consultation, formats=["html", "pdf"])
    run_worker_in_transaction()

    version.refresh_from_db()
    assert version.state == PublicationState.FAILED
    assert version.error.startswith("The font Noto Nonexistent CJK is not installed")
    assert not version.files.exists()
    assert DBTaskResult.objects.get().status == "FAILED"


@pytest.mark.django_db
def test_the_secretariat_publishes_from_the_admin_and_watches_the_progress(consultation, responses, client,
                                                                           django_capture_on_commit_callbacks):
    admin = UserFactory(username="admin-user", is_staff=True, is_superuser=True)
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:documents_reportversion_publish"), {
            "consultation": consultation.pk, "edition": "public", "languages": ["en"], "formats": ["html"],
            "order": "respondent", "group_identical": "on",
        })
    version = ReportVersion.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{version.pk}/progress/")
    waiting = client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in waiting and "Waiting for the worker to start." in waiting

    run_worker_in_transaction()
    done = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in done
    assert "Published on" in done and version.files.get().sha256 in done

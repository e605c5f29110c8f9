"""Background tasks of the documents app, run by the django-tasks database worker (`db_worker`)."""

from django_tasks import task

from tashawur.documents import services


@task()
def generate_report_version(version_id: int) -> dict:
    """Generate and publish a queued compiled-report version (Res. 1336 rules 5 and 8)."""
    version = services.generate_report(version_id=version_id)
    return {"version_id": version.pk, "state": version.state, "version": version.version}

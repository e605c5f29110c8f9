"""Builders shared by the tests of the group's memory (issues, repository, positions, mandates)."""

import datetime as dt

from django.utils import timezone

from tashawur.policy.models import PolicyIssue
from tashawur.repository.models import EntryStatus, RepositoryEntry


def issue(slug="cybersecurity", *, groups=(), name=None, position=0) -> PolicyIssue:
    created = PolicyIssue.objects.create(
        slug=slug, name=name or {"en": slug.replace("-", " ").capitalize(), "ar": f"قضية {slug}"}, position=position,
    )
    created.groups.set(groups)
    return created


def entry(group, *, issues=(), status=EntryStatus.PUBLISHED, year=2016, published_at=None, **fields) -> RepositoryEntry:
    now = timezone.now()
    defaults = {"title": "An experience", "summary": "What was done and what was learnt.", "language": "en",
                "source": "stakeholder", "received_at": now}
    defaults.update(fields)
    if status == EntryStatus.PUBLISHED:
        defaults.setdefault("published_at", published_at or now)
    created = RepositoryEntry.objects.create(group=group, status=status, year=year, **defaults)
    created.issues.set(issues)
    return created


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)

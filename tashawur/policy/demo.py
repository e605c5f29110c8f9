"""Load the demo of the group's memory: issues, repository, positions, mandates, annual report narrative.

Called by ``loaddemo`` after the calendar. Every row is matched on a natural key
(issue slug, entry key, state + subject + date, resolution number + paragraph),
so loading twice changes nothing; a bad entry stops the load, naming it.
"""

from datetime import date, datetime
from pathlib import Path

import yaml
from django.db import transaction

from tashawur.annualreports.models import AnnualReport
from tashawur.consultations.models import Consultation
from tashawur.cycles.models import Topic
from tashawur.groups.models import MemberState, WorkingGroup
from tashawur.mandates.models import Mandate, MandateAnswer, ProgressNote, Resolution, ResolutionRevision
from tashawur.policy.models import ConsultationIssue, PolicyIssue
from tashawur.positions.models import PositionStatement
from tashawur.repository.models import EntryEvent, EntryLink, EntryStatus, RepositoryEntry
from tashawur.responses.models import ModerationAction

PACKAGE = Path(__file__).resolve().parent.parent
FILES = {
    "issues": PACKAGE / "policy" / "data" / "issues.yaml",
    "entries": PACKAGE / "repository" / "data" / "entries.yaml",
    "positions": PACKAGE / "positions" / "data" / "positions.yaml",
    "mandates": PACKAGE / "mandates" / "data" / "res1334.yaml",
    "reports": PACKAGE / "annualreports" / "data" / "narratives.yaml",
}


class MemoryDemoError(Exception):
    """A demo entry that cannot be loaded; the message names it."""


def _read(name: str) -> dict:
    return yaml.safe_load(FILES[name].read_text(encoding="utf-8")) or {}


def load_memory_demo() -> dict[str, int]:
    """Load every demo file; returns how many rows of each kind were created."""
    created = {"issues": 0, "entries": 0, "statements": 0, "mandates": 0, "annual reports": 0}
    with transaction.atomic():
        groups = {group.code: group for group in WorkingGroup.objects.all()}
        created["issues"] = _issues(_read("issues"), groups)
        issues = {issue.slug: issue for issue in PolicyIssue.objects.all()}
        created["entries"] = _entries(_read("entries"), groups, issues)
        created["statements"] = _statements(_read("positions"), issues)
        created["mandates"] = _mandates(_read("mandates"), groups)
        created["annual reports"] = _reports(_read("reports"), groups)
    return created


def _group(groups, code, where):
    try:
        return groups[code]
    except KeyError:
        raise MemoryDemoError(f"{where}: no working group {code!r} (load the calendar first)") from None


def _issues(data, groups) -> int:
    new = 0
    default_groups = [_group(groups, code, "issues") for code in data.get("groups_all", [])]
    for position, entry in enumerate(data.get("issues", []), start=1):
        issue, was_created = PolicyIssue.objects.get_or_create(slug=entry["slug"], defaults={"name": entry["name"]})
        new += was_created
        issue.name, issue.position = entry["name"], position * 10
        issue.full_clean()
        issue.save()
        issue.groups.add(*default_groups, *(_group(groups, code, entry["slug"]) for code in entry.get("groups", [])))
    issues = {issue.slug: issue for issue in PolicyIssue.objects.all()}
    for slug, tagged in (data.get("consultations") or {}).items():
        consultation = Consultation.objects.filter(slug=slug).first()
        if consultation is None:
            continue  # the calendar loaded is not the demo one
        for issue_slug in tagged:
            ConsultationIssue.objects.get_or_create(consultation=consultation, issue=issues[issue_slug])
    return new


def _moment(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def _entries(data, groups, issues) -> int:
    new = 0
    for entry in data.get("entries", []):
        key = f"demo:{entry['key']}"
        if RepositoryEntry.objects.filter(idempotency_key=key).exists():
            continue
        status = entry.get("status", EntryStatus.PUBLISHED)
        row = RepositoryEntry(
            group=_group(groups, entry["group"], entry["key"]), title=entry["title"], summary=entry["summary"],
            language=entry.get("language", ""), country=entry.get("country", ""), region=entry.get("region", ""),
            organisation=entry.get("organisation", ""), stakeholder_group=entry.get("stakeholder_group", ""),
            year=entry["year"], source=entry.get("source", "stakeholder"), status=status,
            rejection_reason=entry.get("rejection_reason", ""), contributor_name=entry.get("contributor_name", ""),
            contributor_email=entry.get("contributor_email", ""), received_at=_moment(entry["received_at"]),
            published_at=_moment(entry.get("published_at")), idempotency_key=key,
        )
        row.full_clean(exclude=["issues"])
        row.save()
        row.issues.set([issues[slug] for slug in entry["issues"]])
        EntryLink.objects.bulk_create(EntryLink(entry=row, url=url, label=label) for url, label in entry.get("links", []))
        EntryEvent.objects.create(entry=row, action=ModerationAction.RECEIVED, details={"source": row.source, "demo": True})
        if status == EntryStatus.PUBLISHED:
            EntryEvent.objects.create(entry=row, action=ModerationAction.PUBLISHED, details={"demo": True})
        elif status == EntryStatus.REJECTED:
            EntryEvent.objects.create(entry=row, action=ModerationAction.REJECTED, reason=row.rejection_reason,
                                      details={"demo": True})
        new += 1
    return new


def _statements(data, issues) -> int:
    """Statements oldest first; each one on a subject that already has a current position supersedes it."""
    new = 0
    for entry in sorted(data.get("statements", []), key=lambda item: item["stated_on"]):
        state = MemberState.objects.get(code=entry["state"])
        if "issue" in entry:
            subject = {"issue": issues[entry["issue"]]}
        else:
            group_code, reference = entry["topic"]
            subject = {"topic": Topic.objects.get(group__code=group_code, reference=reference)}
        stated_on = entry["stated_on"] if isinstance(entry["stated_on"], date) else date.fromisoformat(entry["stated_on"])
        if PositionStatement.objects.filter(member_state=state, stated_on=stated_on, **subject).exists():
            continue
        current = PositionStatement.objects.filter(member_state=state, is_current=True, **subject).first()
        statement = PositionStatement.objects.create(
            member_state=state, text=entry["text"], language=entry.get("language", ""), stated_on=stated_on,
            is_current=False, **subject,
        )
        if current:
            current.is_current, current.superseded_by = False, statement
            current.save(update_fields=["is_current", "superseded_by"])
        statement.is_current = True
        statement.save(update_fields=["is_current"])
        new += 1
    return new


def _mandates(data, groups) -> int:
    new = 0
    for entry in data.get("resolutions", []):
        resolution, _created = Resolution.objects.get_or_create(
            body=entry["body"], number=str(entry["number"]), defaults={"title": entry["title"]},
        )
        resolution.title = entry["title"]
        session = entry.get("council_session") or {}
        resolution.council_session_month = session.get("month", resolution.council_session_month)
        resolution.council_session_day = session.get("day", resolution.council_session_day)
        resolution.full_clean()
        resolution.save()
        for revision in entry.get("revisions", []):
            ResolutionRevision.objects.update_or_create(
                resolution=resolution, year=revision["year"], defaults={"kind": revision.get("kind", "modified")},
            )
        for item in entry.get("mandates", []):
            new += _mandate(resolution, item, groups)
    return new


def _mandate(resolution, item, groups) -> int:
    where = f"{resolution.number} {item['verb']} {item['addressee']} {item['paragraph']}"
    mandate, created = Mandate.objects.get_or_create(
        resolution=resolution, verb=item["verb"], addressee=item["addressee"], paragraph=item["paragraph"],
        defaults={"text": item["text"], "recurrence": "continuing"},  # the schedule is set below
    )
    mandate.text, mandate.recurrence = item["text"], item.get("recurrence", "continuing")
    mandate.group = _group(groups, item["group"], where) if item.get("group") else None
    mandate.first_year, mandate.last_year = item.get("first_year"), item.get("last_year")
    if "due_session" in item:
        mandate.due_on = resolution.session.in_year(item["due_session"])
    elif item.get("due_on"):
        mandate.due_on = date.fromisoformat(str(item["due_on"]))
    mandate.full_clean()
    mandate.save()
    for answer in item.get("answers", []):
        MandateAnswer.objects.get_or_create(
            mandate=mandate, title=answer["title"], for_year=answer.get("for_year"),
            defaults={"submitted_on": date.fromisoformat(str(answer["submitted_on"])),
                      "reference": answer.get("reference", ""), "url": answer.get("url", "")},
        )
    for note in item.get("progress_notes", []):
        ProgressNote.objects.get_or_create(
            mandate=mandate, noted_on=date.fromisoformat(str(note["noted_on"])), text=note["text"],
            defaults={"language": note.get("language", "")},
        )
    return int(created)


def _reports(data, groups) -> int:
    new = 0
    for entry in data.get("reports", []):
        report, created = AnnualReport.objects.get_or_create(
            group=_group(groups, entry["group"], "reports"), first_year=entry["first_year"], last_year=entry["last_year"],
        )
        for field in ("summary", "introduction", "conclusions", "action_required"):
            setattr(report, field, entry.get(field) or {})
        report.full_clean()
        report.save()
        new += created
    return new

"""Contributions to the repository and their moderation (Res. 1336 rule 9), logged like responses' moderation.

Stakeholders contribute through the public form (received, then moderated);
the secretariat adds entries directly (published at once). Publishing, rejecting
with a reason and returning to the queue follow the responses' rules, and every
step leaves an ``EntryEvent`` with the same actions and reasons as ``AuditEvent``.
"""

from dataclasses import dataclass, field

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tashawur.core.errors import NotAllowed
from tashawur.groups import permissions
from tashawur.groups.models import WorkingGroup
from tashawur.policy.regions import is_region
from tashawur.repository.errors import InvalidEntry, InvalidTransition
from tashawur.repository.models import EntryEvent, EntryFile, EntryLink, EntrySource, EntryStatus, RepositoryEntry
from tashawur.responses.attachments import CheckedFile, store_content
from tashawur.responses.language import detect_language
from tashawur.responses.models import ModerationAction, RejectionReason, StakeholderGroup

_URL = URLValidator(schemes=["http", "https"])


@dataclass
class Contribution:
    """An entry as a stakeholder or the secretariat gives it, already decoded from the form or file."""

    group: WorkingGroup
    title: str
    summary: str
    year: int
    issues: list = field(default_factory=list)
    country: str = ""
    region: str = ""
    organisation: str = ""
    stakeholder_group: str = ""
    language: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (address, label)
    files: list[CheckedFile] = field(default_factory=list)
    contributor_name: str = ""
    contributor_email: str = ""
    response: object = None
    idempotency_key: str | None = None


def _validate(contribution: Contribution) -> None:
    errors = []
    if not contribution.title.strip() or not contribution.summary.strip():
        errors.append(_("Give a title and a summary."))
    if not 1990 <= int(contribution.year or 0) <= timezone.now().year + 1:
        errors.append(_("The year %(year)s is not a year of the experience.") % {"year": contribution.year})
    if not contribution.issues:
        errors.append(_("Choose at least one issue."))
    if contribution.country and contribution.region:
        errors.append(_("Give a country or a region, not both."))
    if contribution.country and pycountry.countries.get(alpha_2=contribution.country.upper()) is None:
        errors.append(_("%(code)s is not a country code.") % {"code": contribution.country})
    if contribution.region and not is_region(contribution.region):
        errors.append(_("%(code)s is not a UN M49 region.") % {"code": contribution.region})
    if contribution.stakeholder_group and contribution.stakeholder_group not in StakeholderGroup.values:
        errors.append(_("Unknown stakeholder group: %(group)s.") % {"group": contribution.stakeholder_group})
    for address, _label in contribution.links:
        try:
            _URL(address)
        except ValidationError:
            errors.append(_("%(address)s is not a web address.") % {"address": address})
    if contribution.contributor_email:
        try:
            validate_email(contribution.contributor_email)
        except ValidationError:
            errors.append(_("The e-mail address %(address)s is not valid.") % {"address": contribution.contributor_email})
    if errors:
        raise InvalidEntry(" ".join(errors))


def contribute_entry(*, contribution: Contribution, received_at=None) -> tuple[RepositoryEntry, bool]:
    """A stakeholder's contribution, kept for moderation; a retry with the same form token changes nothing.

    Returns the entry and whether it was created now.
    """
    key = contribution.idempotency_key
    if key and (existing := RepositoryEntry.objects.filter(idempotency_key=key).first()):
        return existing, False
    _validate(contribution)
    try:
        with transaction.atomic(durable=True):
            entry = _create(contribution, source=EntrySource.STAKEHOLDER, received_at=received_at or timezone.now())
            EntryEvent.objects.create(entry=entry, action=ModerationAction.RECEIVED, details={"source": entry.source})
    except IntegrityError:
        if key and (existing := RepositoryEntry.objects.filter(idempotency_key=key).first()):
            return existing, False
        raise
    return entry, True


def add_entry(*, actor, contribution: Contribution) -> RepositoryEntry:
    """The secretariat adds an entry (e.g. from a consultation response); it is published at once."""
    if not permissions.can_manage_group(actor, contribution.group):
        raise NotAllowed()
    _validate(contribution)
    now = timezone.now()
    with transaction.atomic(durable=True):
        entry = _create(contribution, source=EntrySource.SECRETARIAT, received_at=now, published_at=now)
        details = {"source": entry.source}
        if entry.response_id:
            details["response"] = entry.response.receipt_number
        EntryEvent.objects.create(entry=entry, actor=actor, action=ModerationAction.RECEIVED, details=details)
        EntryEvent.objects.create(entry=entry, actor=actor, action=ModerationAction.PUBLISHED)
    return entry


def _create(contribution: Contribution, *, source: str, received_at, published_at=None) -> RepositoryEntry:
    language = contribution.language or detect_language(f"{contribution.title}\n{contribution.summary}")
    entry = RepositoryEntry.objects.create(
        group=contribution.group, title=contribution.title.strip()[:300], summary=contribution.summary.strip(),
        language=language, country=contribution.country.upper(), region=contribution.region,
        organisation=contribution.organisation.strip()[:300], stakeholder_group=contribution.stakeholder_group,
        year=int(contribution.year), response=contribution.response, source=source,
        status=EntryStatus.PUBLISHED if published_at else EntryStatus.RECEIVED, published_at=published_at,
        contributor_name=contribution.contributor_name.strip()[:200],
        contributor_email=contribution.contributor_email.strip().lower()[:254],
        received_at=received_at, idempotency_key=contribution.idempotency_key,
    )
    entry.issues.set(contribution.issues)
    EntryLink.objects.bulk_create(
        EntryLink(entry=entry, url=address, label=label[:200]) for address, label in contribution.links
    )
    for checked in contribution.files:
        store_file(entry, checked)
    return entry


def store_file(entry: RepositoryEntry, checked: CheckedFile) -> EntryFile:
    """Files are stored by content hash, as response attachments are."""
    path = store_content("repository", checked)
    stored = EntryFile(
        entry=entry, filename=checked.filename, content_type=checked.content_type, size=checked.size,
        sha256=checked.sha256, extracted_text=checked.extracted_text,
    )
    stored.file.name = path
    stored.save()
    return stored


# --- moderation by the secretariat ----------------------------------------------------------

def _moderate(actor, entry: RepositoryEntry, allowed_from: set[str]) -> RepositoryEntry:
    if not permissions.can_manage_group(actor, entry.group):
        raise NotAllowed()
    locked = RepositoryEntry.objects.select_for_update().get(pk=entry.pk)
    if locked.status not in allowed_from:
        raise InvalidTransition(status=locked.get_status_display())
    return locked


def publish_entry(*, actor, entry: RepositoryEntry) -> RepositoryEntry:
    """Publish a received (or previously rejected) entry in the public repository."""
    with transaction.atomic(durable=True):
        locked = _moderate(actor, entry, {EntryStatus.RECEIVED, EntryStatus.REJECTED})
        locked.status, locked.published_at, locked.rejection_reason = EntryStatus.PUBLISHED, timezone.now(), ""
        locked.save(update_fields=["status", "published_at", "rejection_reason"])
        EntryEvent.objects.create(entry=locked, actor=actor, action=ModerationAction.PUBLISHED)
    return locked


def reject_entry(*, actor, entry: RepositoryEntry, reason: str, note: str = "") -> RepositoryEntry:
    """Reject with a reason; the entry is kept for the secretariat, never deleted."""
    if reason not in RejectionReason.values:
        raise InvalidEntry(_("Unknown rejection reason: %(reason)s.") % {"reason": reason})
    with transaction.atomic(durable=True):
        locked = _moderate(actor, entry, {EntryStatus.RECEIVED, EntryStatus.PUBLISHED})
        locked.status, locked.rejection_reason = EntryStatus.REJECTED, reason
        locked.save(update_fields=["status", "rejection_reason"])
        EntryEvent.objects.create(entry=locked, actor=actor, action=ModerationAction.REJECTED, reason=reason,
                                  details={"note": note} if note else {})
    return locked


def restore_entry(*, actor, entry: RepositoryEntry, note: str = "") -> RepositoryEntry:
    """Return a published or rejected entry to the moderation queue."""
    with transaction.atomic(durable=True):
        locked = _moderate(actor, entry, {EntryStatus.PUBLISHED, EntryStatus.REJECTED})
        locked.status, locked.rejection_reason, locked.published_at = EntryStatus.RECEIVED, "", None
        locked.save(update_fields=["status", "rejection_reason", "published_at"])
        EntryEvent.objects.create(entry=locked, actor=actor, action=ModerationAction.RESTORED,
                                  details={"note": note} if note else {})
    return locked


EDITABLE_FIELDS = ("title", "summary", "language", "country", "region", "organisation", "stakeholder_group", "year")


def edit_entry(*, actor, entry: RepositoryEntry, changes: dict, issues: list | None = None) -> RepositoryEntry:
    """Correct an entry's details; what changed is logged with its value before and after.

    Not durable: the admin's change form calls it inside its own transaction.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidEntry(_("These details cannot be edited: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    with transaction.atomic():
        locked = _moderate(actor, entry, set(EntryStatus.values))
        details = {}
        for name, value in changes.items():
            if getattr(locked, name) != value:
                details[name] = {"before": getattr(locked, name), "after": value}
                setattr(locked, name, value)
        locked.full_clean()
        locked.save()
        if issues is not None:
            before = sorted(locked.issues.values_list("slug", flat=True))
            after = sorted(issue.slug for issue in issues)
            if before != after:
                locked.issues.set(issues)
                details["issues"] = {"before": before, "after": after}
        if details:
            EntryEvent.objects.create(entry=locked, actor=actor, action=ModerationAction.EDITED, details=details)
    return locked

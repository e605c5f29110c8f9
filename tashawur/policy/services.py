"""Tagging consultations and responses with issues of public policy: the secretariat's work."""

from django.db import transaction

from tashawur.consultations.models import Consultation
from tashawur.core.errors import NotAllowed
from tashawur.groups import permissions
from tashawur.policy.models import ConsultationIssue, PolicyIssue, ResponseIssue
from tashawur.responses.models import Response


def tag_consultation(*, actor, consultation: Consultation, issues: list[PolicyIssue]) -> None:
    """Set the issues a consultation deals with (the secretariat of its group)."""
    if not permissions.can_manage_group(actor, consultation.group):
        raise NotAllowed()
    with transaction.atomic(durable=True):
        wanted = {issue.pk for issue in issues}
        ConsultationIssue.objects.filter(consultation=consultation).exclude(issue_id__in=wanted).delete()
        present = set(ConsultationIssue.objects.filter(consultation=consultation).values_list("issue_id", flat=True))
        ConsultationIssue.objects.bulk_create(
            ConsultationIssue(consultation=consultation, issue_id=pk) for pk in sorted(wanted - present)
        )


def tag_response(*, actor, response: Response, issues: list[PolicyIssue]) -> None:
    """Set the issues a response speaks to (the secretariat of the consultation's group)."""
    if not permissions.can_manage_group(actor, response.consultation.group):
        raise NotAllowed()
    with transaction.atomic(durable=True):
        wanted = {issue.pk for issue in issues}
        ResponseIssue.objects.filter(response=response).exclude(issue_id__in=wanted).delete()
        present = set(ResponseIssue.objects.filter(response=response).values_list("issue_id", flat=True))
        ResponseIssue.objects.bulk_create(
            ResponseIssue(response=response, issue_id=pk, tagged_by=actor) for pk in sorted(wanted - present)
        )

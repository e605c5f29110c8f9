"""Reads for a stakeholder's own pages: their responses, subscriptions and personal data."""

from django.db.models import Prefetch
from django.utils import timezone

from tashawur.accounts.models import Account, Subscription, SubscriptionKind
from tashawur.announcements.models import Bounce, Contact, Delivery, Unsubscribe
from tashawur.groups.models import WorkingGroup
from tashawur.responses.models import Answer, Response


def account_of(user) -> Account | None:
    return Account.objects.filter(user=user).select_related("user").first()


def my_responses(account: Account | None):
    """The responses sent from the account's confirmed address, newest first; none before it is confirmed."""
    email = account.confirmed_email if account else ""
    if not email:
        return Response.objects.none()
    return Response.objects.filter(author_email=email).select_related(
        "consultation__topic", "consultation__group",
    ).order_by("-received_at", "-pk")


def subscription_table(user):
    """Every group with the notices one may follow, and which of them the user follows."""
    followed = set(Subscription.objects.filter(user=user).values_list("group_id", "kind"))
    return [
        (group, [(kind, label, (group.pk, kind) in followed) for kind, label in SubscriptionKind.choices])
        for group in WorkingGroup.objects.order_by("code")
    ]


def personal_data(user) -> dict:
    """Everything Tashawur holds about the account and its confirmed address, as JSON-ready data."""
    account = account_of(user)
    email = account.confirmed_email if account else ""
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "name": user.get_full_name(),
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "language": account.language if account else None,
            "email_confirmed_at": account.email_confirmed_at.isoformat() if account and account.email_confirmed_at
            else None,
        },
        "subscriptions": [
            {"group": subscription.group.code, "notice": subscription.kind, "since": subscription.created_at.isoformat()}
            for subscription in Subscription.objects.filter(user=user).select_related("group")
        ],
        "responses": [],
        "contact_lists": [],
        "messages_sent": [],
        "unsubscribed_at": None,
        "bounces": [],
    }
    if not email:
        return data
    responses = my_responses(account).prefetch_related(
        Prefetch("answers", queryset=Answer.objects.select_related("question").order_by("question__position")),
        "attachments",
    )
    data["responses"] = [_response(response) for response in responses]
    data["contact_lists"] = [
        {"list": contact.contact_list.name, "group": contact.contact_list.group.code, "name": contact.name,
         "organisation": contact.organisation, "language": contact.language, "country": contact.country,
         "stakeholder_group": contact.stakeholder_group, "added_at": contact.created_at.isoformat()}
        for contact in Contact.objects.filter(email=email).select_related("contact_list__group")
    ]
    data["messages_sent"] = [
        {"kind": delivery.announcement.kind, "consultation": delivery.announcement.consultation.slug,
         "status": delivery.status, "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None}
        for delivery in Delivery.objects.filter(address=email).select_related("announcement__consultation")
    ]
    unsubscribed = Unsubscribe.objects.filter(address=email).first()
    data["unsubscribed_at"] = unsubscribed.at.isoformat() if unsubscribed else None
    data["bounces"] = [{"at": bounce.at.isoformat(), "reason": bounce.reason, "permanent": bounce.permanent}
                       for bounce in Bounce.objects.filter(address=email)]
    return data


def _response(response: Response) -> dict:
    return {
        "receipt_number": response.receipt_number,
        "consultation": response.consultation.slug,
        "consultation_title": response.consultation.topic.title,
        "channel": response.channel,
        "status": response.status,
        "publication": response.publication,
        "received_at": response.received_at.isoformat(),
        "author_name": response.author_name,
        "author_email": response.author_email,
        "organisation": response.organisation,
        "country": response.country,
        "stakeholder_group": response.stakeholder_group,
        "language": response.language,
        "body": response.body,
        "answers": [{"question": answer.question.position, "question_text": answer.question.text, "text": answer.text}
                    for answer in response.answers.all()],
        "attachments": [{"filename": attachment.filename, "content_type": attachment.content_type,
                         "size": attachment.size} for attachment in response.attachments.all()],
    }

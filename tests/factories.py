"""Test data builders (factory-boy)."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from tashawur.consultations.models import Consultation
from tashawur.cycles.models import Cycle, Question, Topic
from tashawur.groups.models import GroupMembership, MemberState, Role, RoleKind, WorkingGroup
from tashawur.meetings.models import Meeting, MeetingKind


def member_state(code: str) -> MemberState:
    return MemberState.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"CWG-{n}")
    name = factory.LazyAttribute(lambda group: {"en": f"Working group {group.code}", "ar": f"فريق العمل {group.code}"})
    time_zone = "Europe/Zurich"

    @factory.post_generation
    def members(group, create, extracted, **kwargs):
        if not create:
            return
        codes = extracted if extracted is not None else ["SA", "RU", "CN", "FR", "BR", "KE"]
        GroupMembership.objects.bulk_create(
            GroupMembership(group=group, member_state=member_state(code)) for code in codes
        )


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(WorkingGroupFactory)
    kind = MeetingKind.GROUP
    number = factory.Sequence(lambda n: n + 1)
    starts_on = dt.date(2016, 10, 13)
    ends_on = factory.LazyAttribute(lambda meeting: meeting.starts_on + dt.timedelta(days=1))


class ConsultationMeetingFactory(MeetingFactory):
    kind = MeetingKind.OPEN_CONSULTATION
    number = None
    ends_on = factory.LazyAttribute(lambda meeting: meeting.starts_on)
    remote_participation = True
    webcast = True
    captioning = True


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle

    group = factory.SubFactory(WorkingGroupFactory)
    opened_by = factory.SubFactory(MeetingFactory, group=factory.SelfAttribute("..group"))
    closes_with = factory.SubFactory(
        MeetingFactory, group=factory.SelfAttribute("..group"), starts_on=dt.date(2017, 2, 6),
    )


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        skip_postgeneration_save = True

    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: {"en": f"Topic {n}", "ar": f"الموضوع {n}"})

    @factory.post_generation
    def questions(topic, create, extracted, **kwargs):
        for position, text in enumerate(extracted or [], start=1):
            Question.objects.create(topic=topic, position=position, text=text)


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    group = factory.SubFactory(WorkingGroupFactory)
    topic = factory.SubFactory(TopicFactory, group=factory.SelfAttribute("..group"))
    slug = factory.Sequence(lambda n: f"consultation-{n}")


def role(user, group, kind: str, state: str | None = None) -> Role:
    return Role.objects.create(
        user=user, group=group, kind=kind, member_state=member_state(state) if state else None
    )


__all__ = ["RoleKind", "role", "member_state"]

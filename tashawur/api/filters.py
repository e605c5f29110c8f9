"""Query parameters of the list endpoints (django-filter); an unknown value is a 400, not an empty list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from tashawur.consultations.models import Consultation
from tashawur.cycles.models import Cycle, Decision, DecisionOutcome
from tashawur.meetings.models import Meeting, MeetingKind
from tashawur.responses.models import Channel, Response, StakeholderGroup


class GroupFilter(django_filters.FilterSet):
    group = django_filters.CharFilter(
        field_name="group__code", help_text=_("Code of a working group, e.g. CWG-Internet."),
    )


class MeetingFilter(GroupFilter):
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices)

    class Meta:
        model = Meeting
        fields = ["group", "kind"]


class CycleFilter(GroupFilter):
    class Meta:
        model = Cycle
        fields = ["group"]


class DecisionFilter(django_filters.FilterSet):
    group = django_filters.CharFilter(field_name="meeting__group__code", help_text=_("Code of a working group."))
    outcome = django_filters.ChoiceFilter(choices=DecisionOutcome.choices)

    class Meta:
        model = Decision
        fields = ["group", "outcome"]


class ConsultationFilter(GroupFilter):
    class Meta:
        model = Consultation
        fields = ["group"]


class ResponseFilter(django_filters.FilterSet):
    consultation = django_filters.CharFilter(field_name="consultation__slug", help_text=_("Slug of a consultation."))
    group = django_filters.CharFilter(field_name="consultation__group__code", help_text=_("Code of a working group."))
    stakeholder_group = django_filters.ChoiceFilter(choices=StakeholderGroup.choices)
    country = django_filters.CharFilter(method="filter_country", help_text=_("ISO 3166-1 alpha-2 code."))
    language = django_filters.CharFilter(help_text=_("ISO 639-1 code of the detected language."))
    channel = django_filters.ChoiceFilter(choices=Channel.choices)
    received_after = django_filters.DateFilter(
        field_name="received_at", lookup_expr="date__gte", help_text=_("Received on or after this day (UTC)."),
    )
    received_before = django_filters.DateFilter(
        field_name="received_at", lookup_expr="date__lte", help_text=_("Received on or before this day (UTC)."),
    )

    class Meta:
        model = Response
        fields = [
            "consultation", "group", "stakeholder_group", "country", "language", "channel",
            "received_after", "received_before",
        ]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country=value.upper())

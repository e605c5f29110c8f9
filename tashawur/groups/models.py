"""Working groups, the member states that make them up, and the people's roles in them."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tashawur.core.fields import TranslatedTextField
from tashawur.core.languages import content_language, localized
from tashawur.groups.member_states import country_name
from tashawur.rules import RuleSettings


def validate_time_zone(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("%(zone)s is not a time zone (use an IANA name such as Europe/Zurich)."),
            code="invalid_time_zone",
            params={"zone": value},
        ) from None


class MemberState(models.Model):
    """A member state of the United Nations; names come from CLDR, not from this table."""

    code = models.CharField(_("ISO 3166-1 code"), max_length=2, unique=True)
    alpha3 = models.CharField(_("ISO alpha-3 code"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO numeric code"), max_length=3, unique=True)

    class Meta:
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="member_state_code_iso"),
        ]

    def __str__(self):
        return self.name()

    def name(self, language: str | None = None) -> str:
        return country_name(self.code, content_language(language))


class WorkingGroup(models.Model):
    """A group such as CWG-Internet, with its own numbers for the rules of Res. 1336."""

    code = models.SlugField(_("short code"), max_length=40, unique=True, help_text=_("e.g. CWG-Internet"))
    name = TranslatedTextField(_("name"), max_length=300)
    description = TranslatedTextField(_("description"), multiline=True, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Zurich", validators=[validate_time_zone],
        help_text=_("Deadlines are counted in calendar days in this zone."),
    )
    members = models.ManyToManyField(MemberState, through="GroupMembership", related_name="groups", blank=True)

    # Rule settings (seed 002, Res. 1336 as revised); each group may set its own numbers.
    launch_within_days = models.PositiveSmallIntegerField(
        _("launch within (days after the choosing meeting)"), default=15,
        help_text=_("Rule 3: the online consultation opens no later than this many days after the close of the meeting that chose its topic."),
    )
    response_deadline_days_before = models.PositiveSmallIntegerField(
        _("response deadline (days before the physical meeting)"), default=30,
        help_text=_("Rule 4: responses are due this many days before the physical open consultation meeting."),
    )
    report_days_before = models.PositiveSmallIntegerField(
        _("compiled report (days before the physical meeting)"), default=15,
        help_text=_("Rule 5: the compiled report is published at least this many days before the physical meeting."),
    )
    physical_meeting_window_days = models.PositiveSmallIntegerField(
        _("physical meeting window (days before the group meeting)"), default=3,
        validators=[MinValueValidator(1)],
        help_text=_("Rule 6: the physical open consultation meeting is held within this many days before the group meeting."),
    )
    proposals_per_state = models.PositiveSmallIntegerField(
        _("topic proposals per member state per cycle"), default=1, validators=[MinValueValidator(1)],
        help_text=_("Rule 2: each member state may propose this many topics after a group meeting."),
    )
    limited_to_member_states = models.BooleanField(
        _("membership limited to member states"), default=True,
        help_text=_("Rule 1: only delegates of member states of the group take part in its decisions; all stakeholders are consulted."),
    )

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(physical_meeting_window_days__gte=1), name="group_window_positive"),
            models.CheckConstraint(condition=Q(proposals_per_state__gte=1), name="group_proposals_positive"),
        ]

    def __str__(self):
        return self.code

    def display_name(self, language: str | None = None) -> str:
        return localized(self.name, language)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def rule_settings(self) -> RuleSettings:
        return RuleSettings(
            launch_within_days=self.launch_within_days,
            response_deadline_days_before=self.response_deadline_days_before,
            report_days_before=self.report_days_before,
            physical_meeting_window_days=self.physical_meeting_window_days,
            proposals_per_state=self.proposals_per_state,
        )


class GroupMembership(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    member_state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="memberships")
    since = models.DateField(_("member since"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "member_state"], name="membership_once_per_group"),
        ]

    def __str__(self):
        return f"{self.group} – {self.member_state}"


class RoleKind(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    DELEGATE = "delegate", _("Delegate of a member state")


class Role(models.Model):
    """What a person is in a group. Stakeholders need no role: anyone may respond."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_roles")
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, null=True, blank=True, related_name="delegates",
        verbose_name=_("member state"), help_text=_("Required for a delegate, and only for a delegate."),
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=RoleKind.DELEGATE) & Q(member_state__isnull=False))
                | (~Q(kind=RoleKind.DELEGATE) & Q(member_state__isnull=True)),
                name="role_delegate_has_member_state",
            ),
            models.UniqueConstraint(
                fields=["user", "group", "kind"], condition=Q(member_state__isnull=True), name="role_once",
            ),
            models.UniqueConstraint(
                fields=["user", "group", "member_state"], condition=Q(member_state__isnull=False),
                name="delegate_once_per_state",
            ),
            models.UniqueConstraint(
                fields=["group"], condition=Q(kind=RoleKind.CHAIR), name="one_chair_per_group",
            ),
        ]

    def __str__(self):
        if self.member_state_id:
            return f"{self.user} – {self.get_kind_display()} ({self.member_state.code}) – {self.group}"
        return f"{self.user} – {self.get_kind_display()} – {self.group}"

    def clean(self):
        if self.kind == RoleKind.DELEGATE and not self.member_state_id:
            raise ValidationError({"member_state": _("A delegate represents a member state.")})
        if self.kind != RoleKind.DELEGATE and self.member_state_id:
            raise ValidationError({"member_state": _("Only a delegate represents a member state.")})
        if (
            self.kind == RoleKind.DELEGATE
            and self.group_id
            and self.group.limited_to_member_states
            and not self.group.memberships.filter(member_state_id=self.member_state_id).exists()
        ):
            raise ValidationError(
                {"member_state": _("This member state is not a member of the group.")}
            )

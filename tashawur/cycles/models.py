"""A cycle runs from one group meeting to the next: topic proposals, then the decision."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tashawur.core.fields import TranslatedTextField
from tashawur.core.languages import localized
from tashawur.groups.models import MemberState, WorkingGroup
from tashawur.meetings.models import Meeting, MeetingKind


class Cycle(models.Model):
    """The period between group meetings M(n) and M(n+1) (Res. 1336 rule 2)."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="cycles")
    opened_by = models.OneToOneField(
        Meeting, on_delete=models.PROTECT, related_name="cycle_opened",
        verbose_name=_("opened by meeting"), limit_choices_to={"kind": MeetingKind.GROUP},
    )
    closes_with = models.OneToOneField(
        Meeting, on_delete=models.PROTECT, related_name="cycle_closed", null=True, blank=True,
        verbose_name=_("closes with meeting"), limit_choices_to={"kind": MeetingKind.GROUP},
        help_text=_("The next group meeting, once it is scheduled."),
    )

    class Meta:
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        ordering = ["group", "opened_by__starts_on"]

    def __str__(self):
        return _("%(group)s cycle after meeting no. %(number)s") % {
            "group": self.group.code, "number": self.opened_by.number,
        }

    def clean(self):
        errors = {}
        for field in ("opened_by", "closes_with"):
            meeting = getattr(self, field, None)
            if meeting is None:
                continue
            if meeting.kind != MeetingKind.GROUP:
                errors[field] = _("A cycle runs between meetings of the group itself.")
            elif self.group_id and meeting.group_id != self.group_id:
                errors[field] = _("This meeting belongs to another group.")
        if self.opened_by_id and self.closes_with_id and self.closes_with.starts_on <= self.opened_by.ends_on:
            errors["closes_with"] = _("The next meeting must start after the meeting that opens the cycle.")
        if errors:
            raise ValidationError(errors)


class Topic(models.Model):
    """A subject for an open consultation, with its questions; proposed, referred or adopted."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.PROTECT, related_name="topics")
    reference = models.SlugField(
        _("reference"), max_length=80, blank=True,
        help_text=_("A short stable name, used when a calendar is loaded from a file."),
    )
    title = TranslatedTextField(_("title"), max_length=300)
    description = TranslatedTextField(_("description"), multiline=True, blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["group", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "reference"], condition=~Q(reference=""), name="topic_reference_unique",
            ),
        ]

    def __str__(self):
        return self.display_title()

    def display_title(self, language: str | None = None) -> str:
        return localized(self.title, language)


class Question(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"))
    text = TranslatedTextField(_("question"), multiline=True, max_length=4000)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["topic", "position"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "position"], name="question_position_unique"),
            models.CheckConstraint(condition=Q(position__gte=1), name="question_position_positive"),
        ]

    def __str__(self):
        return f"{self.position}. {localized(self.text)[:80]}"


class TopicProposal(models.Model):
    """A member state's proposal of a topic for the next consultation (rule 2: one per cycle)."""

    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="proposals")
    member_state = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="topic_proposals")
    sequence = models.PositiveSmallIntegerField(
        _("proposal number of this state in the cycle"), default=1,
        help_text=_("1 for the state's first proposal; the group's setting caps it."),
    )
    topic = models.OneToOneField(Topic, on_delete=models.PROTECT, related_name="proposal")
    rationale = TranslatedTextField(_("rationale"), multiline=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("topic proposal")
        verbose_name_plural = _("topic proposals")
        ordering = ["cycle", "proposed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "member_state", "sequence"], name="one_proposal_per_state_per_cycle",
            ),
            models.CheckConstraint(condition=Q(sequence__gte=1), name="proposal_sequence_positive"),
        ]

    def __str__(self):
        return f"{self.member_state.code}: {self.topic}"


class DecisionOutcome(models.TextChoices):
    ADOPTED = "adopted", _("Topics adopted for consultation")
    NO_CONSENSUS = "no_consensus", _("No consensus: referred to Council")


class Decision(models.Model):
    """What a group meeting decided about the next consultation (rule 2).

    With no consensus, the question goes to Council with the candidate topics
    and their draft questions, as the 9th meeting of CWG-Internet did in 2017.
    """

    meeting = models.OneToOneField(
        Meeting, on_delete=models.PROTECT, related_name="decision",
        limit_choices_to={"kind": MeetingKind.GROUP},
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=DecisionOutcome.choices)
    topics = models.ManyToManyField(Topic, through="DecisionTopic", related_name="decisions")
    summary = TranslatedTextField(_("summary"), multiline=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting__starts_on"]

    def __str__(self):
        return f"{self.meeting}: {self.get_outcome_display()}"

    @property
    def referred_to_council(self) -> bool:
        return self.outcome == DecisionOutcome.NO_CONSENSUS


class DecisionTopic(models.Model):
    """A topic adopted by a decision, or a candidate topic referred to Council."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="decision_topics")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="decision_topics")
    position = models.PositiveSmallIntegerField(_("position"), default=1)

    class Meta:
        verbose_name = _("topic of a decision")
        verbose_name_plural = _("topics of a decision")
        ordering = ["decision", "position"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "topic"], name="decision_topic_once"),
        ]

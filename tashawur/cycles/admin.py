from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tashawur.cycles.errors import ProposalLimitReached
from tashawur.cycles.models import Cycle, Decision, DecisionTopic, Question, Topic, TopicProposal


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "group", "opened_by", "closes_with"]
    list_filter = ["group"]


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["__str__", "group"]
    list_filter = ["group"]
    search_fields = ["title"]
    inlines = [QuestionInline]


class TopicProposalForm(forms.ModelForm):
    class Meta:
        model = TopicProposal
        fields = ["cycle", "member_state", "topic", "rationale"]

    def clean(self):
        cleaned = super().clean()
        cycle, state = cleaned.get("cycle"), cleaned.get("member_state")
        if cycle and state:
            existing = TopicProposal.objects.filter(cycle=cycle, member_state=state).exclude(pk=self.instance.pk)
            if existing.count() >= cycle.group.proposals_per_state:
                raise forms.ValidationError(ProposalLimitReached(state=state.name(), limit=cycle.group.proposals_per_state).message)
            if not self.instance.pk:
                self.instance.sequence = existing.count() + 1
        return cleaned


@admin.register(TopicProposal)
class TopicProposalAdmin(admin.ModelAdmin):
    form = TopicProposalForm
    list_display = ["member_state", "topic", "cycle", "proposed_at"]
    list_filter = ["cycle__group", "cycle"]
    autocomplete_fields = ["member_state", "topic"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.proposed_by = request.user
        super().save_model(request, obj, form, change)


class DecisionTopicInline(admin.TabularInline):
    model = DecisionTopic
    autocomplete_fields = ["topic"]
    extra = 0


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["meeting", "outcome", "referred_to_council"]
    list_filter = ["outcome", "meeting__group"]
    inlines = [DecisionTopicInline]
    fields = ["meeting", "outcome", "summary"]

    @admin.display(boolean=True, description=_("referred to Council"))
    def referred_to_council(self, obj):
        return obj.referred_to_council

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)

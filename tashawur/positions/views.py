"""Public pages of positions (the matrix and each history) and the delegates' form to state one."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from tashawur.cycles.models import Topic
from tashawur.groups.models import MemberState
from tashawur.policy.models import PolicyIssue
from tashawur.positions import permissions, selectors
from tashawur.positions.errors import PositionError
from tashawur.positions.forms import MatrixFilterForm, PositionForm
from tashawur.positions.services import state_position


def matrix(request):
    form = MatrixFilterForm(request.GET)
    region, group = form.values()
    return render(request, "positions/matrix.html", {
        "form": form, "matrix": selectors.position_matrix(region=region, group=group),
        "filtered": bool(region or group),
    })


def _subject(code, issue_slug=None, topic_pk=None):
    member_state = get_object_or_404(MemberState, code=code.upper())
    if issue_slug is not None:
        return member_state, {"issue": get_object_or_404(PolicyIssue.objects.prefetch_related("groups"), slug=issue_slug)}
    return member_state, {"topic": get_object_or_404(Topic.objects.select_related("group"), pk=topic_pk)}


def history(request, code, issue_slug=None, topic_pk=None):
    member_state, subject = _subject(code, issue_slug, topic_pk)
    statements = list(selectors.history(member_state, **subject))
    speaks_for = permissions.states_user_speaks_for(request.user, **subject)
    return render(request, "positions/history.html", {
        "member_state": member_state, "statements": statements, **subject,
        "may_state": "*" in speaks_for or member_state.code in speaks_for,
    })


@login_required
@require_http_methods(["GET", "POST"])
def state(request, code, issue_slug=None, topic_pk=None):
    """A delegate (or the secretariat) states the position; the service decides who may."""
    member_state, subject = _subject(code, issue_slug, topic_pk)
    if not permissions.can_state_position(request.user, member_state, **subject):
        raise PermissionDenied
    form = PositionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            state_position(
                actor=request.user, member_state=member_state, text=form.cleaned_data["text"],
                stated_on=form.cleaned_data["stated_on"], language=form.cleaned_data["language"], **subject,
            )
        except PositionError as refusal:
            form.add_error(None, refusal.message)
        else:
            if "issue" in subject:
                return redirect("positions:history", member_state.code, subject["issue"].slug)
            return redirect("positions:topic-history", member_state.code, subject["topic"].pk)
    status = 400 if form.errors else 200
    return render(request, "positions/state.html", {"member_state": member_state, "form": form, **subject}, status=status)

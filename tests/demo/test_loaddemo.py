import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tashawur.consultations.models import Consultation, RuleFinding
from tashawur.consultations.selectors import consultation_calendar
from tashawur.cycles.models import Cycle, Decision, Question, Topic
from tashawur.groups.models import WorkingGroup
from tashawur.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def counts():
    return {model.__name__: model.objects.count()
            for model in (WorkingGroup, Meeting, Topic, Question, Cycle, Decision, Consultation, RuleFinding)}


def test_loaddemo_loads_the_seed_calendar_and_a_second_run_changes_nothing():
    out = StringIO()
    call_command("loaddemo", stdout=out)
    first = counts()
    call_command("loaddemo", stdout=out)

    assert counts() == first
    assert first == {"WorkingGroup": 2, "Meeting": 4, "Topic": 4, "Question": 10, "Cycle": 2, "Decision": 2,
                     "Consultation": 2, "RuleFinding": first["RuleFinding"]}
    assert "created 0 groups, 0 meetings, 0 topics, 0 cycles, 0 decisions, 0 consultations" in out.getvalue()


def test_demo_holds_the_meetings_of_the_chairs_report(demo):
    internet = WorkingGroup.objects.get(code="CWG-Internet")
    eighth, ninth = internet.meetings.filter(kind="group").order_by("number")

    assert (eighth.number, eighth.starts_on, eighth.ends_on) == (8, dt.date(2016, 10, 13), dt.date(2016, 10, 14))
    assert (ninth.number, ninth.starts_on, ninth.ends_on) == (9, dt.date(2017, 2, 6), dt.date(2017, 2, 7))
    physical = internet.meetings.filter(kind="open_consultation").order_by("starts_on")
    assert [m.starts_on for m in physical] == [dt.date(2016, 10, 11), dt.date(2017, 2, 3)]
    assert all(m.remote_participation and m.webcast and m.captioning for m in physical)
    assert internet.memberships.count() == 193
    assert WorkingGroup.objects.get(code="CWG-WSIS-SDG").name["ar"].startswith("فريق العمل")


def test_ninth_meeting_referred_two_candidate_topics_to_council_with_five_questions_each(demo):
    decision = Decision.objects.get(meeting__number=9)

    assert decision.referred_to_council
    topics = list(decision.topics.order_by("decision_topics__position"))
    assert [t.title["en"] for t in topics] == ["Bridging the gender digital divide", "Public policy considerations for OTTs"]
    assert [t.title["ar"] for t in topics] == [
        "سد الفجوة الرقمية بين الجنسين", "اعتبارات السياسات العامة المتعلقة بالخدمات المتاحة بحرية على الإنترنت (OTT)",
    ]
    for topic in topics:
        questions = list(topic.questions.order_by("position"))
        assert len(questions) == 5
        assert all(q.text["ar"] and q.text["en"] for q in questions)
    assert topics[1].questions.get(position=1).text["ar"] == "ما هي الفرص والتداعيات المرتبطة بالخدمات OTT؟"


def test_seed_cycle_through_the_rules_finds_the_late_deadline_and_the_friday_meeting(demo):
    """Seed 003's second round: chosen at the 8th meeting, physical meeting 3 Feb 2017, 9th meeting 6-7 Feb."""
    calendar = consultation_calendar(Consultation.objects.get(slug="development-aspects-internet"))

    assert (calendar.timeline.latest_launch, calendar.timeline.response_deadline, calendar.timeline.report_due) == (
        dt.date(2016, 10, 29), dt.date(2017, 1, 4), dt.date(2017, 1, 19))
    assert [(f.rule, f.code, f.severity, f.days_off) for f in calendar.findings] == [
        (4, "deadline_late", "violation", 11),
        (6, "physical_meeting_not_start_of_week", "advice", 0),
    ]
    first_round = consultation_calendar(Consultation.objects.get(slug="enabling-environment-internet-access"))
    assert first_round.violations == []
    assert [f.code for f in first_round.findings] == ["unchecked_launch"]
    assert RuleFinding.objects.filter(code="deadline_late", resolved_at__isnull=True).count() == 1


def write(tmp_path, text):
    path = tmp_path / "calendar.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_secretariat_loads_its_own_calendar_file(tmp_path):
    path = write(tmp_path, """
groups:
  - code: TEST-WG
    time_zone: America/New_York
    members: [US, CA, MX]
    name: {en: A test group, es: Un grupo de prueba}
    rules: {launch_within_days: 20, response_deadline_days_before: 45}
meetings:
  - {group: TEST-WG, kind: group, number: 1, starts_on: 2025-03-03, ends_on: 2025-03-04}
""")
    call_command("loaddemo", "--file", path, stdout=StringIO())

    group = WorkingGroup.objects.get(code="TEST-WG")
    assert (group.launch_within_days, group.response_deadline_days_before, group.report_days_before) == (20, 45, 15)
    assert sorted(group.members.values_list("code", flat=True)) == ["CA", "MX", "US"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("groups: [{code: X, name: {en: X}, time_zone: Mars/Olympus}]", "groups[0] (X): time_zone"),
        ("groups: [{code: X, name: {en: X}, members: [US, XX]}]", "not UN member states: XX"),
        ("groups: [{code: X, name: {en: X}, rules: {launch_days: 3}}]", "unknown rule setting 'launch_days'"),
        ("meetings: [{group: NOPE, kind: group, number: 1, starts_on: 2025-01-01}]", "meetings[0] (1): unknown or missing 'NOPE'"),
        ("groups: [{code: X, name: {en: X}}]\nmeetings: [{group: X, kind: group, number: 1, starts_on: 2025-01-05, ends_on: 2025-01-01}]",
         "meetings[0] (1)"),
        ("not: [valid", "cannot be read as a YAML calendar"),
    ],
)
def test_a_bad_calendar_file_is_refused_with_the_entry_named_and_nothing_loaded(tmp_path, text, message):
    with pytest.raises(CommandError) as error:
        call_command("loaddemo", "--file", write(tmp_path, text), stdout=StringIO())

    assert message in str(error.value)
    assert not WorkingGroup.objects.filter(code="X").exists()


def test_ensure_secretariat_prints_the_same_login_twice_and_creates_one_user(demo, tmp_path):
    from django.contrib.auth import get_user_model

    password_file = tmp_path / "login"
    first, second = StringIO(), StringIO()
    call_command("ensure_secretariat", "--password-file", str(password_file), stdout=first)
    call_command("ensure_secretariat", "--password-file", str(password_file), stdout=second)

    assert first.getvalue() == second.getvalue()
    password = password_file.read_text().strip()
    assert f"password '{password}'" in first.getvalue()
    user = get_user_model().objects.get(username="secretariat")
    assert user.check_password(password) and user.is_staff
    assert get_user_model().objects.count() == 1
    assert user.group_roles.filter(kind="secretariat").count() == 2

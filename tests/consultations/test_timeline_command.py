import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def run_timeline(*args):
    from io import StringIO

    out = StringIO()
    try:
        call_command("timeline", *args, stdout=out)
    except SystemExit as exit:
        return exit.code, out.getvalue()
    return 0, out.getvalue()


def test_broken_rule_is_printed_with_days_off_and_exits_1(demo):
    code, output = run_timeline("development-aspects-internet")

    assert code == 1
    assert "Response deadline (rule 4)         2017-01-15  by 2017-01-04" in output
    assert "Rule 4: the response deadline is Jan. 15, 2017, 11 days after the latest allowed deadline (Jan. 4, 2017)." in output
    assert "1 rule broken." in output


def test_compliant_schedule_exits_0_and_says_what_cannot_be_checked(demo):
    code, output = run_timeline("enabling-environment-internet-access")

    assert code == 0
    assert "Rule 3 cannot be checked: the meeting that chose the topic is not set." in output
    assert "0 rules broken." in output


def test_json_output_carries_each_finding_as_data(demo):
    code, output = run_timeline("development-aspects-internet", "--format", "json", "--now", "2017-01-17T12:00Z")

    data = json.loads(output)
    assert code == 1
    assert data["status"] == "closed"
    assert data["timeline"] == {
        "latest_launch": "2016-10-29", "response_deadline": "2017-01-04", "report_due": "2017-01-19",
        "physical_meeting_earliest": "2017-02-03", "physical_meeting_latest": "2017-02-05",
    }
    broken = [f for f in data["findings"] if f["severity"] == "violation"]
    assert broken == [{
        "rule": 4, "code": "deadline_late", "severity": "violation", "expected": "2017-01-04",
        "actual": "2017-01-15", "days_off": 11,
        "text": "Rule 4: the response deadline is Jan. 15, 2017, 11 days after the latest allowed deadline (Jan. 4, 2017).",
    }]
    assert data["compliant"] is False


def test_status_is_evaluated_at_the_given_instant(demo):
    _code, output = run_timeline("development-aspects-internet", "--format", "json", "--now", "2016-12-01T00:00Z")

    assert json.loads(output)["status"] == "open"


def test_unknown_slug_is_a_usage_error(db):
    with pytest.raises(CommandError) as error:
        call_command("timeline", "no-such-consultation")
    assert error.value.returncode == 2
    assert "No consultation has the slug 'no-such-consultation'" in str(error.value)


def test_process_exit_status_is_1_for_a_broken_rule_0_when_compliant_2_for_a_bad_slug(tmp_path):
    """The real command in its own process, on a fresh database, as an operator runs it."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}

    def manage(*args):
        return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)

    assert manage("migrate", "--no-input", "-v0").returncode == 0
    assert manage("loaddemo").returncode == 0
    broken = manage("timeline", "development-aspects-internet")
    compliant = manage("timeline", "enabling-environment-internet-access")
    unknown = manage("timeline", "no-such-consultation")

    assert (broken.returncode, compliant.returncode, unknown.returncode) == (1, 0, 2)
    assert "11 days after the latest allowed deadline" in broken.stdout
    assert "0 rules broken." in compliant.stdout
    assert "No consultation has the slug 'no-such-consultation'" in unknown.stderr


def test_bad_instant_is_a_usage_error(demo):
    with pytest.raises(CommandError) as error:
        call_command("timeline", "development-aspects-internet", "--now", "yesterday")
    assert error.value.returncode == 2


def test_arabic_output(demo):
    _code, output = run_timeline("development-aspects-internet", "--lang", "ar")

    assert "الجوانب الإنمائية للإنترنت" in output

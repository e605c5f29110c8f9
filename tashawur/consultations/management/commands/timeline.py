import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _, ngettext
from django.utils.dateparse import parse_datetime

from tashawur.consultations.models import Consultation
from tashawur.consultations.rule_texts import SEVERITY_LABELS, STATUS_LABELS, describe
from tashawur.consultations.selectors import consultation_by_slug, consultation_calendar
from tashawur.core.languages import localized


class Command(BaseCommand):
    help = (
        "Print a consultation's expected timeline and the rules its schedule breaks. "
        "Exit status: 0 when every rule is kept, 1 when one is broken, 2 for a bad argument."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The consultation's public slug.")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--lang", default="en", help="Language of the text output (ar, zh-hans, en, fr, ru, es).")
        parser.add_argument("--now", help="Evaluate at this ISO 8601 instant instead of now (e.g. 2017-01-20T12:00Z).")

    def handle(self, *args, **options):
        try:
            consultation = consultation_by_slug(options["slug"])
        except Consultation.DoesNotExist:
            raise CommandError(f"No consultation has the slug {options['slug']!r}.", returncode=2) from None
        now = None
        if options["now"]:
            now = parse_datetime(options["now"].replace("Z", "+00:00"))
            if now is None or now.tzinfo is None:
                raise CommandError("--now needs an ISO 8601 instant with a time zone, e.g. 2017-01-20T12:00Z.", returncode=2)
        with translation.override(options["lang"]):
            calendar = consultation_calendar(consultation, now=now)
            if options["format"] == "json":
                self.stdout.write(json.dumps(_as_json(consultation, calendar), ensure_ascii=False, indent=2))
            else:
                self._print_text(consultation, calendar)
        if calendar.violations:
            raise SystemExit(1)

    def _print_text(self, consultation, calendar):
        timeline, schedule = calendar.timeline, calendar.schedule
        out = self.stdout.write
        out(f"{localized(consultation.topic.title)} [{consultation.slug}] – {consultation.group.code}")
        out(_("Status: %(status)s (today in %(zone)s: %(today)s)") % {
            "status": STATUS_LABELS[calendar.status], "zone": consultation.group.time_zone, "today": calendar.today,
        })
        physical = schedule.physical_meeting
        rows = [
            (_("Opens (rule 3)"), schedule.opens_on, _("by %(day)s"), timeline.latest_launch),
            (_("Response deadline (rule 4)"), schedule.response_deadline, _("by %(day)s"), timeline.response_deadline),
            (_("Compiled report (rule 5)"), schedule.report_published_on, _("by %(day)s"), timeline.report_due),
            (_("Physical meeting starts (rule 6)"), physical.start if physical else None,
             _("on or after %(day)s"), timeline.physical_meeting_earliest),
            (_("Physical meeting ends (rule 6)"), physical.end if physical else None,
             _("by %(day)s"), timeline.physical_meeting_latest),
        ]
        for label, actual, requirement, expected in rows:
            required = requirement % {"day": _day(expected)} if expected else "—"
            out(f"  {label:<34} {_day(actual):<11} {required}")
        if not calendar.findings:
            out(_("Every rule is kept."))
        for finding in calendar.findings:
            out(f"- [{SEVERITY_LABELS[finding.severity]}] {describe(finding)}")
        count = len(calendar.violations)
        out(ngettext("%(count)d rule broken.", "%(count)d rules broken.", count) % {"count": count})


def _day(value) -> str:
    return value.isoformat() if value else "—"


def _as_json(consultation, calendar) -> dict:
    timeline = calendar.timeline
    return {
        "slug": consultation.slug,
        "group": consultation.group.code,
        "status": str(calendar.status),
        "today": calendar.today.isoformat(),
        "timeline": {
            "latest_launch": _iso(timeline.latest_launch),
            "response_deadline": _iso(timeline.response_deadline),
            "report_due": _iso(timeline.report_due),
            "physical_meeting_earliest": _iso(timeline.physical_meeting_earliest),
            "physical_meeting_latest": _iso(timeline.physical_meeting_latest),
        },
        "findings": [
            {
                "rule": finding.rule, "code": finding.code, "severity": str(finding.severity),
                "expected": _iso(finding.expected), "actual": _iso(finding.actual),
                "days_off": finding.days_off, "text": describe(finding),
            }
            for finding in calendar.findings
        ],
        "compliant": not calendar.violations,
    }


def _iso(value):
    return value.isoformat() if value else None

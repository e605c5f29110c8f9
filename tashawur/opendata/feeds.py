"""Atom feeds (Django's syndication framework): a group's news, and a consultation's new responses.

The responses feed carries public responses only; an anonymous one has no
author and no name in its title; no e-mail address is ever in a feed.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from tashawur.consultations.models import Consultation
from tashawur.groups.models import WorkingGroup
from tashawur.opendata import selectors
from tashawur.responses.models import Publication

SUMMARY_WORDS = 80


@dataclass(frozen=True)
class GroupNews:
    guid: str
    title: str
    description: str
    link: str
    when: datetime


def _start_of_day(day: date, group: WorkingGroup) -> datetime:
    return datetime.combine(day, time(0), tzinfo=group.zone)


def group_news(group: WorkingGroup) -> list[GroupNews]:
    """New consultations, compiled reports (each published version) and decisions of the group, newest first."""
    news = []
    versions = list(selectors.group_report_versions(group))
    reported = {version.consultation_id for version in versions}
    for version in versions:
        news.append(GroupNews(
            guid=f"report-{version.pk}",
            title=_("Compiled report published (version %(version)s): %(title)s") % {
                "version": version.version, "title": version.consultation.display_title()},
            description=version.symbol, link=reverse("documents:current-report", args=[version.consultation.slug]),
            when=version.published_at,
        ))
    for consultation in selectors.group_consultations(group):
        link = reverse("consultation-detail", args=[consultation.slug])
        title = consultation.display_title()
        announced = consultation.announced_on or consultation.opens_on
        if announced:
            news.append(GroupNews(
                guid=f"consultation-{consultation.pk}", title=_("New consultation: %(title)s") % {"title": title},
                description=consultation.display_title(), link=link, when=_start_of_day(announced, group),
            ))
        if consultation.report_published_on and consultation.pk not in reported:
            news.append(GroupNews(
                guid=f"consultation-{consultation.pk}-report",
                title=_("Compiled report published: %(title)s") % {"title": title},
                description=title, link=link, when=_start_of_day(consultation.report_published_on, group),
            ))
    for decision in selectors.group_decisions(group):
        topics = "; ".join(link.topic.display_title() for link in decision.decision_topics.all())
        news.append(GroupNews(
            guid=f"decision-{decision.pk}",
            title=_("%(meeting)s: %(outcome)s") % {"meeting": decision.meeting.display_title(),
                                                   "outcome": decision.get_outcome_display()},
            description=topics, link=reverse("api:decision-detail", args=[decision.pk]), when=decision.recorded_at,
        ))
    news.sort(key=lambda item: item.when, reverse=True)
    return news[:selectors.FEED_ITEMS]


def _tag(name: str) -> str:
    """A permanent Atom id (RFC 4151 tag URI), minted under the deployment's domain."""
    return f"tag:{settings.MAIL_DOMAIN},2016:{name}"


class GroupFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, code):
        try:
            return selectors.group_by_code(code)
        except WorkingGroup.DoesNotExist:
            raise Http404 from None

    def title(self, group):
        return _("%(group)s: consultations, reports and decisions") % {"group": group.code}

    def subtitle(self, group):
        return group.display_name()

    def link(self, group):
        return reverse("home")

    def feed_guid(self, group):
        return _tag(f"group/{group.code}")

    def items(self, group):
        return group_news(group)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return _tag(item.guid)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.when

    def item_updateddate(self, item):
        return item.when


class ConsultationResponsesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        try:
            return selectors.consultation_by_slug(slug)
        except Consultation.DoesNotExist:
            raise Http404 from None

    def title(self, consultation):
        return _("Responses published: %(title)s") % {"title": consultation.display_title()}

    def link(self, consultation):
        return reverse("consultation-responses", args=[consultation.slug])

    def feed_guid(self, consultation):
        return _tag(f"consultation/{consultation.slug}/responses")

    def items(self, consultation):
        return selectors.newly_published_responses(consultation)

    def item_title(self, response):
        if response.publication == Publication.ANONYMOUS:
            return _("Anonymous response %(receipt)s") % {"receipt": response.receipt_number}
        who = response.author_name or response.organisation
        if who:
            return _("Response %(receipt)s from %(who)s") % {"receipt": response.receipt_number, "who": who}
        return _("Response %(receipt)s") % {"receipt": response.receipt_number}

    def item_description(self, response):
        texts = [answer.public_text for answer in response.answers.all()] + [response.public_body]
        return Truncator("\n\n".join(text for text in texts if text)).words(SUMMARY_WORDS)

    def item_link(self, response):
        return reverse("consultation-response", args=[response.consultation.slug, response.receipt_number])

    def item_guid(self, response):
        return _tag(f"response/{response.receipt_number}")

    item_guid_is_permalink = False

    def item_author_name(self, response):
        if response.publication == Publication.ANONYMOUS:
            return None
        return response.author_name or response.organisation or None

    def item_pubdate(self, response):
        return response.published_at

    def item_updateddate(self, response):
        return response.published_at

    def item_categories(self, response):
        return [value for value in (response.stakeholder_group, response.channel) if value]

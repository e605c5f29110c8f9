"""The public page of a consultation's responses (Res. 1336 rule 8), permanent links, and file downloads."""

import logging

from django import forms
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from tashawur.consultations.models import Consultation
from tashawur.core.languages import content_language
from tashawur.groups.member_states import country_name
from tashawur.responses import selectors
from tashawur.responses.models import Channel, Publication, Response, StakeholderGroup
from tashawur.responses.templatetags.response_display import language_label

log = logging.getLogger(__name__)

RESPONSES_PER_PAGE = 50


class ResponseFilterForm(forms.Form):
    """The filters of the public page: a GET form that works without JavaScript."""

    stakeholder_group = forms.ChoiceField(label=_("Stakeholder group"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, countries=(), languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        everyone = [("", pgettext_lazy("filter", "All"))]
        reader = content_language()
        self.fields["stakeholder_group"].choices = everyone + list(StakeholderGroup.choices)
        self.fields["country"].choices = everyone + sorted(
            ((code, country_name(code, reader)) for code in countries), key=lambda choice: choice[1]
        )
        self.fields["channel"].choices = everyone + list(Channel.choices)
        self.fields["language"].choices = everyone + sorted(
            ((code, language_label(code)) for code in languages), key=lambda choice: choice[1]
        )

    def filters(self) -> selectors.ResponseFilters:
        """The valid filters; a value that is not among the choices is ignored (and shown as an error)."""
        self.is_valid()
        values = {name: self.cleaned_data.get(name, "") for name in self.fields}
        return selectors.ResponseFilters(**values)


def _consultation(slug: str) -> Consultation:
    try:
        return selectors.consultation_for_responses(slug)
    except Consultation.DoesNotExist:
        raise Http404 from None


def consultation_responses(request, slug):
    """Every published response the reader may see, with filters and the statistics table."""
    consultation = _consultation(slug)
    publications = selectors.visible_publications(request.user, consultation.group)
    overview = selectors.responses_overview(consultation, publications=publications)
    form = ResponseFilterForm(request.GET, countries=overview.countries, languages=overview.languages)
    filters = form.filters()
    responses = selectors.published_responses(consultation, publications=publications, filters=filters)
    page = Paginator(responses, RESPONSES_PER_PAGE).get_page(request.GET.get("page"))
    return _for_readers(publications, render(request, "responses/public/list.html", {
        "consultation": consultation, "overview": overview, "form": form, "page": page,
        "filtered": any(vars(filters).values()),
    }))


def response_permalink(request, slug, receipt_number):
    consultation = _consultation(slug)
    publications = selectors.visible_publications(request.user, consultation.group)
    try:
        response = selectors.published_response(consultation, receipt_number, publications=publications)
    except Response.DoesNotExist:
        raise Http404 from None
    return _for_readers(publications, render(
        request, "responses/public/detail.html", {"consultation": consultation, "response": response},
    ))


def _for_readers(publications, response):
    """A page showing group-only inputs must not be kept by a shared cache."""
    if Publication.GROUP_ONLY in publications:
        patch_cache_control(response, private=True)
    return response


def download_attachment(request, receipt_number, attachment_id, filename):
    """Serve a file so that no browser runs it: a download, typed by content, sandboxed, never sniffed."""
    attachment = selectors.downloadable_attachment(
        receipt_number=receipt_number, attachment_id=attachment_id, viewer=request.user,
    )
    if attachment is None:
        raise Http404
    response = attachment_response(attachment)
    if attachment.response.publication == Publication.GROUP_ONLY:
        patch_cache_control(response, private=True)
    return response


def attachment_response(attachment) -> FileResponse:
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        log.error("attachment file missing attachment=%s path=%s", attachment.pk, attachment.file.name)
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.filename, content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response

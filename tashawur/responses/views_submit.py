"""Pages of the web form and of the respondent's own response (confirm, view, withdraw).

The links that carry a response's secret token change nothing on GET: mail
scanners open links before people do, so every change is a POST behind a button.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from tashawur.consultations import selectors
from tashawur.consultations.models import Consultation
from tashawur.responses.errors import (
    EmptyResponse, InvalidResponse, InvalidTransition, SubmissionClosed, SubmissionNotOpen,
)
from tashawur.core.languages import content_language
from tashawur.responses.forms import ResponseForm, country_choices
from tashawur.responses.ratelimit import client_address
from tashawur.responses.richtext import sanitise_html
from tashawur.responses.services import check_open, new_receipt_number, response_for_token, withdraw_response
from tashawur.responses.services_web import (
    TooManyResponses, can_withdraw, confirm_web_response, deadline_context, submit_web_response,
)

log = logging.getLogger(__name__)


def _private(response):
    """Pages reached by a secret link: not cached, not indexed."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def respond(request, slug):
    """The form (GET) and its submission (POST) for one consultation."""
    try:
        consultation = selectors.consultation_by_slug(slug)
    except Consultation.DoesNotExist:
        raise Http404 from None
    now = timezone.now()
    try:
        check_open(consultation, now)
    except (SubmissionClosed, SubmissionNotOpen) as refusal:
        return _closed(request, consultation, refusal)
    questions = consultation.topic.questions.all()
    if request.method == "GET":
        return _form_page(request, consultation, ResponseForm(questions=questions))

    form = ResponseForm(request.POST, request.FILES, questions=questions)
    if form.honeypot_filled:
        log.warning("web response honeypot filled consultation=%s client=%s", consultation.slug,
                    client_address(request.META, proxies=settings.TRUSTED_PROXY_COUNT))
        return _sent_page(request, consultation, receipt_number=new_receipt_number(),
                          email=request.POST.get("author_email", ""), created=True)
    if not form.is_valid():
        return _form_page(request, consultation, form)
    try:
        result = submit_web_response(
            submission=form.submission(consultation=consultation, received_at=now),
            client=client_address(request.META, proxies=settings.TRUSTED_PROXY_COUNT),
            absolute_url=request.build_absolute_uri,
        )
    except TooManyResponses as limited:
        page = _form_page(request, consultation, form, status=429, problem=limited.message)
        page["Retry-After"] = str(limited.retry_after)
        return page
    except (SubmissionClosed, SubmissionNotOpen) as refusal:
        return _closed(request, consultation, refusal)
    except (EmptyResponse, InvalidResponse) as refusal:
        form.add_error(None, refusal.message)
        return _form_page(request, consultation, form)
    response = result.response
    return _sent_page(request, response.consultation, receipt_number=response.receipt_number,
                      email=response.author_email, created=result.created)


def _form_page(request, consultation, form, *, status=200, problem=""):
    return render(request, "responses/submit/form.html", {
        "consultation": consultation, "form": form, "problem": problem, **deadline_context(consultation),
    }, status=status)


def _closed(request, consultation, refusal):
    """GET: the form is not shown, the deadline is. POST: the late response is refused, saying when it arrived."""
    context = {"consultation": consultation, "not_open": isinstance(refusal, SubmissionNotOpen),
               **deadline_context(consultation)}
    if request.method == "POST":
        context["refusal"] = refusal.message
    return render(request, "responses/submit/closed.html", context, status=403 if request.method == "POST" else 200)


def _sent_page(request, consultation, *, receipt_number, email, created):
    return render(request, "responses/submit/sent.html", {
        "consultation": consultation, "receipt_number": receipt_number, "email": email, "created": created,
    })


def _own_response(receipt, token):
    response = response_for_token(receipt, token)
    if response is None:
        raise Http404
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, receipt, token):
    """GET shows a button; only the POST it sends confirms (link scanners only GET)."""
    response = _own_response(receipt, token)
    if request.method == "POST":
        if confirm_web_response(response=response, token=token, absolute_url=request.build_absolute_uri):
            messages.success(request, _(
                "Thank you: your e-mail address is confirmed and your response is received. "
                "We have sent you its receipt number."
            ))
        return redirect("response-own", receipt, token)
    return _private(render(request, "responses/submit/confirm.html", {"response": response, "token": token}))


@never_cache
@require_GET
def own_response(request, receipt, token):
    """The respondent's own response: answers, files and status, with the way to withdraw it."""
    response = _own_response(receipt, token)
    answers = response.answers.select_related("question").order_by("question__position")
    return _private(render(request, "responses/submit/response.html", {
        "response": response, "token": token, "can_withdraw": can_withdraw(response),
        # Stored HTML was sanitised on the way in; cleaning it again on the way out costs little.
        "answers": [(answer, mark_safe(sanitise_html(answer.html)) if answer.html else "") for answer in answers],
        "attachments": response.attachments.all(),
        "country_name": dict(country_choices(content_language())).get(response.country, response.country),
        **deadline_context(response.consultation),
    }))


@never_cache
@require_http_methods(["GET", "POST"])
def withdraw(request, receipt, token):
    """GET asks "are you sure?"; POST withdraws, until the deadline (Res. 1336 rule 4)."""
    response = _own_response(receipt, token)
    context = {"response": response, "token": token, **deadline_context(response.consultation)}
    if request.method == "GET":
        context["can_withdraw"] = can_withdraw(response)
        return _private(render(request, "responses/submit/withdraw.html", context))
    try:
        withdraw_response(response=response)
    except SubmissionClosed:  # the page then says the deadline has passed
        context["can_withdraw"] = False
        return _private(render(request, "responses/submit/withdraw.html", context, status=403))
    except InvalidTransition as refusal:
        context["refusal"] = refusal.message
        return _private(render(request, "responses/submit/withdraw.html", context, status=409))
    log.info("web response withdrawn receipt=%s", response.receipt_number)
    messages.success(request, _("Your response is withdrawn."))
    return redirect("response-own", receipt, token)


@never_cache
@require_GET
def own_file(request, receipt, token, attachment_id):
    """One of the respondent's files, always as a download (never shown inline)."""
    response = _own_response(receipt, token)
    attachment = get_object_or_404(response.attachments, pk=attachment_id)
    download = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.filename,
                            content_type=attachment.content_type)
    download["Content-Security-Policy"] = "sandbox"
    return _private(download)

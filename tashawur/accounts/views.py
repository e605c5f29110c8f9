"""A stakeholder's own pages. Links mailed to people change nothing on GET: mail scanners open them first."""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from tashawur.accounts import selectors, services
from tashawur.accounts.errors import AccountError
from tashawur.accounts.forms import DeleteAccountForm, SignUpForm, SubscriptionsForm
from tashawur.core.languages import content_language

account_required = login_required(login_url=reverse_lazy("accounts:login"))


@never_cache
@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = SignUpForm(request.POST or None, initial={"language": content_language()})
    if request.method == "POST" and form.is_valid():
        services.sign_up(email=form.cleaned_data["email"], password=form.cleaned_data["password1"],
                         name=form.cleaned_data["name"], language=form.cleaned_data["language"],
                         absolute_url=request.build_absolute_uri)
        return render(request, "accounts/signup_sent.html", {"email": form.cleaned_data["email"]})
    return render(request, "accounts/signup.html", {"form": form})


def _user_from(uidb64):
    try:
        return get_user_model().objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError, get_user_model().DoesNotExist):
        return None


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, uidb64, token):
    """GET shows a button; its POST confirms the address and signs the person in."""
    user = _user_from(uidb64)
    if request.method == "GET":
        return render(request, "accounts/confirm.html", {"email": user.email if user else ""})
    try:
        services.confirm_email(user=user, token=token)
    except AccountError as problem:
        return render(request, "accounts/confirm.html", {"problem": problem.message}, status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Your e-mail address is confirmed."))
    return redirect("accounts:home")


@account_required
@require_POST
def resend_confirmation(request):
    services.send_confirmation(user=request.user, absolute_url=request.build_absolute_uri)
    messages.success(request, _("We sent the confirmation link again to %(email)s.") % {"email": request.user.email})
    return redirect("accounts:home")


@never_cache
@account_required
def home(request):
    """My account: whether the address is confirmed, and my responses with their status."""
    account = services.ensure_account(user=request.user)
    return render(request, "accounts/home.html", {
        "account": account, "responses": selectors.my_responses(account),
    })


@never_cache
@account_required
@require_http_methods(["GET", "POST"])
def subscriptions(request):
    account = services.ensure_account(user=request.user)
    table = selectors.subscription_table(request.user)
    form = SubscriptionsForm(request.POST or None, table=table, initial={"language": account.language})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_language(user=request.user, language=form.cleaned_data["language"])
            services.set_subscriptions(user=request.user, wanted=form.wanted())
        except AccountError as problem:
            form.add_error(None, problem.message)
        else:
            messages.success(request, _("Your subscriptions are saved."))
            return redirect("accounts:subscriptions")
    return render(request, "accounts/subscriptions.html", {"account": account, "form": form})


@account_required
@require_POST
def unsubscribe_all(request):
    count = services.end_all_subscriptions(user=request.user)
    messages.success(request, _("You are no longer subscribed to any notice.") if count else
                     _("You were not subscribed to any notice."))
    return redirect("accounts:subscriptions")


@never_cache
@account_required
def download_data(request):
    """My personal data as a JSON file."""
    data = json.dumps(selectors.personal_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tashawur-personal-data.json"'
    return response


@never_cache
@account_required
@require_http_methods(["GET", "POST"])
def delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.delete_personal_data(user=request.user, anonymise=form.cleaned_data["anonymise"])
        except AccountError as problem:
            form.add_error(None, problem.message)
        else:
            logout(request)
            return render(request, "accounts/deleted.html", {"anonymised": count})
    account = services.ensure_account(user=request.user)
    return render(request, "accounts/delete.html", {"form": form, "account": account})

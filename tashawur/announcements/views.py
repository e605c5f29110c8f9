"""The secretariat's pages for contact lists and announcements, and the public unsubscribe page."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from tashawur.announcements import compose, permissions, selectors, services
from tashawur.announcements.errors import AnnouncementError, UnknownToken
from tashawur.announcements.forms import AnnouncementForm, ContactListForm, DecisionForm, ImportForm
from tashawur.announcements.models import (
    Announcement, AnnouncementKind, ContactImport, ContactList, Delivery, UnsubscribeSource,
)
from tashawur.core.errors import NotAllowed
from tashawur.core.languages import AUTONYMS, CONTENT_LANGUAGES, text_direction
from tashawur.core.spreadsheet import spreadsheet_safe


def _managed_groups(request):
    groups = permissions.groups_managed_by(request.user)
    if not groups.exists():
        raise PermissionDenied
    return groups


def _own_list(request, pk) -> ContactList:
    contact_list = get_object_or_404(ContactList.objects.select_related("group"), pk=pk)
    if not permissions.can_manage_contacts(request.user, contact_list.group):
        raise PermissionDenied
    return contact_list


def _own_announcement(request, pk) -> Announcement:
    announcement = get_object_or_404(
        Announcement.objects.select_related("consultation__group", "consultation__topic", "contact_list__group"),
        pk=pk, kind=AnnouncementKind.INVITATION,
    )
    if not permissions.can_announce(request.user, announcement.consultation, announcement.contact_list):
        raise PermissionDenied
    return announcement


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    """Contact lists and announcements of the groups the user serves, and a form for a new list."""
    groups = _managed_groups(request)
    form = ContactListForm(request.POST or None, groups=groups)
    if request.method == "POST" and form.is_valid():
        try:
            contact_list = services.create_contact_list(actor=request.user, **form.cleaned_data)
        except (AnnouncementError, NotAllowed) as problem:
            form.add_error(None, problem.message)
        else:
            return redirect("announcements:list", contact_list.pk)
    return render(request, "announcements/index.html", {
        "lists": selectors.contact_lists_for(request.user), "announcements": selectors.announcements_for(request.user),
        "form": form,
    })


@never_cache
@login_required
def contact_list(request, pk):
    contact_list = _own_list(request, pk)
    return render(request, "announcements/list.html", {
        "contact_list": contact_list, "contact_count": contact_list.contacts.count(),
        "imports": selectors.imports_of(contact_list)[:20], "form": ImportForm(),
    })


@login_required
@require_POST
def import_contacts(request, pk):
    contact_list = _own_list(request, pk)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "announcements/list.html", {
            "contact_list": contact_list, "contact_count": contact_list.contacts.count(),
            "imports": selectors.imports_of(contact_list)[:20], "form": form,
        }, status=400)
    upload = form.cleaned_data["file"]
    if upload.size > services.MAX_IMPORT_BYTES:
        form.add_error("file", _("The file is larger than the limit of %(limit)s bytes.") % {
            "limit": services.MAX_IMPORT_BYTES})
        return render(request, "announcements/list.html", {
            "contact_list": contact_list, "contact_count": contact_list.contacts.count(),
            "imports": selectors.imports_of(contact_list)[:20], "form": form,
        }, status=400)
    stored = services.import_contacts(actor=request.user, contact_list=contact_list, filename=upload.name,
                                      data=upload.read(), encoding=form.cleaned_data["encoding"])
    return redirect("announcements:import", stored.pk)


def _own_import(request, pk) -> ContactImport:
    stored = get_object_or_404(ContactImport.objects.defer("raw").select_related("contact_list__group"), pk=pk)
    if not permissions.can_manage_contacts(request.user, stored.contact_list.group):
        raise PermissionDenied
    return stored


@never_cache
@login_required
def import_report(request, pk):
    stored = _own_import(request, pk)
    return render(request, "announcements/import.html", {
        "contact_import": stored, "rejected": selectors.import_report(stored),
    })


@never_cache
@login_required
def rejected_rows_csv(request, pk):
    """The rejected rows as a CSV file to fix in a spreadsheet: row number, reason, then the row as given."""
    stored = _own_import(request, pk)
    rows = list(selectors.import_report(stored))
    columns = list(dict.fromkeys(name for row in rows for name in row.values))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("row"), _("reason"), _("detail"), *columns])
    for row in rows:
        writer.writerow([row.row_number, row.get_reason_display(), spreadsheet_safe(row.detail),
                         *(spreadsheet_safe(str(row.values.get(name, ""))) for name in columns)])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rejected-rows-{stored.pk}.csv"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def new_announcement(request):
    groups = _managed_groups(request)
    form = AnnouncementForm(request.POST or None, groups=groups, initial={
        "consultation": request.GET.get("consultation"), "contact_list": request.GET.get("list"),
    })
    if request.method == "POST" and form.is_valid():
        try:
            announcement = services.create_announcement(actor=request.user, **form.cleaned_data)
        except (AnnouncementError, NotAllowed) as problem:
            form.add_error(None, problem.message)
        else:
            return redirect("announcements:detail", announcement.pk)
    return render(request, "announcements/new.html", {"form": form})


@never_cache
@login_required
def detail(request, pk):
    """Progress, the message as each language receives it, and the deliveries that need a decision."""
    announcement = _own_announcement(request, pk)
    now = timezone.now()
    language = request.GET.get("preview", "en")
    language = language if language in CONTENT_LANGUAGES else "en"
    sample = Delivery(announcement=announcement, address="contact@example.org", language=language, token="0" * 32)
    needing = selectors.needing_decision(announcement, now=now)
    return render(request, "announcements/detail.html", {
        "announcement": announcement, "progress": selectors.progress(announcement, now=now),
        "preview": compose.compose(announcement, sample), "preview_dir": text_direction(
            compose.message_language(announcement, language)),
        "preview_languages": [(code, AUTONYMS[code]) for code in CONTENT_LANGUAGES],
        "decision_form": DecisionForm(deliveries=needing) if needing.exists() else None,
        "problems": selectors.failed_deliveries(announcement)[:200],
    })


def _act(request, pk, action, done_message):
    announcement = _own_announcement(request, pk)
    try:
        action(actor=request.user, announcement=announcement)
    except (AnnouncementError, NotAllowed) as problem:
        messages.error(request, problem.message)
    else:
        messages.success(request, done_message)
    return redirect("announcements:detail", pk)


@login_required
@require_POST
def start(request, pk):
    return _act(request, pk, services.start_announcement, _("Sending has started."))


@login_required
@require_POST
def pause(request, pk):
    return _act(request, pk, services.pause_announcement, _("Sending is paused."))


@login_required
@require_POST
def resume(request, pk):
    return _act(request, pk, services.resume_announcement, _("Sending has resumed."))


@login_required
@require_POST
def decide(request, pk):
    announcement = _own_announcement(request, pk)
    form = DecisionForm(request.POST, deliveries=selectors.needing_decision(announcement, now=timezone.now()))
    if form.is_valid():
        count = services.resolve_uncertain(
            actor=request.user, announcement=announcement, send_again=form.cleaned_data["send_again"],
            delivery_ids=[delivery.pk for delivery in form.cleaned_data["deliveries"]],
        )
        messages.success(request, ngettext("Decision recorded for %(count)s address.",
                                           "Decision recorded for %(count)s addresses.", count) % {"count": count})
    else:
        messages.error(request, _("Choose at least one address and a decision."))
    return redirect("announcements:detail", pk)


@never_cache
@csrf_exempt  # the token in the address authenticates; RFC 8058 one-click POSTs carry no cookie or CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: a page with a button. POST (that button, or a mail program's one-click, RFC 8058): unsubscribe."""
    delivery = Delivery.objects.select_related("announcement__consultation__group").filter(token=token).first()
    if delivery is None:
        return render(request, "announcements/unsubscribe.html", {"problem": UnknownToken().message}, status=404)
    context = {"delivery": delivery, "invitation": delivery.announcement.kind == AnnouncementKind.INVITATION}
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.unsubscribe(token=token, source=UnsubscribeSource.ONE_CLICK if one_click else UnsubscribeSource.WEB)
        context["done"] = True
    response = render(request, "announcements/unsubscribe.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response

from django.http import Http404
from django.shortcuts import render

from tashawur.consultations import selectors
from tashawur.consultations.models import Consultation


def home(request):
    """Groups and their consultations, with status and timeline (a plain, accessible page)."""
    groups = selectors.groups_for_home()
    entries = [
        (group, [(consultation, selectors.consultation_calendar(consultation)) for consultation in group.consultations.all()])
        for group in groups
    ]
    return render(request, "consultations/home.html", {"entries": entries})


def consultation_detail(request, slug):
    try:
        consultation = selectors.consultation_by_slug(slug)
    except Consultation.DoesNotExist:
        raise Http404 from None
    calendar = selectors.consultation_calendar(consultation)
    return render(
        request,
        "consultations/detail.html",
        {"consultation": consultation, "calendar": calendar, "questions": consultation.topic.questions.all()},
    )

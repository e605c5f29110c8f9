from django.http import Http404
from django.shortcuts import render

from tashawur.policy import selectors
from tashawur.policy.models import PolicyIssue


def issue_list(request):
    return render(request, "policy/issue_list.html", {"issues": selectors.issues_with_counts()})


def issue_detail(request, slug):
    """Everything on one issue across years and groups (public content only)."""
    try:
        page = selectors.issue_page(slug)
    except PolicyIssue.DoesNotExist:
        raise Http404 from None
    return render(request, "policy/issue_detail.html", {"page": page})

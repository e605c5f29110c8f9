"""Public links to the compiled report (Res. 1336 rule 8) and the attachments it lists.

Published files are immutable, so they are served with their SHA-256 as ETag and
cached as immutable; the group edition is served only to the group's members.
"""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from tashawur.consultations.models import Consultation
from tashawur.core.languages import content_language
from tashawur.documents.builders import CONTENT_TYPES
from tashawur.documents.models import Edition, Format, PublicationState, ReportFile
from tashawur.documents.selectors import current_version
from tashawur.groups import permissions
from tashawur.responses.models import Attachment, Publication, Status


def _serve(report_file: ReportFile, *, public: bool) -> FileResponse:
    as_attachment = report_file.format == Format.DOCX
    response = FileResponse(
        report_file.file.open("rb"), as_attachment=as_attachment, content_type=CONTENT_TYPES[report_file.format],
        filename=f"{report_file.version.consultation.slug}-v{report_file.version.version}-{report_file.filename}",
    )
    response["ETag"] = f'"{report_file.sha256}"'
    response["Cache-Control"] = "public, max-age=31536000, immutable" if public else "private, no-store"
    response["Content-Language"] = report_file.language
    return response


def _consultation(slug: str) -> Consultation:
    return get_object_or_404(Consultation.objects.select_related("group"), slug=slug)


def _may_read(request, consultation: Consultation, edition: str) -> bool:
    return edition == Edition.PUBLIC or permissions.can_see_group_only_inputs(request.user, consultation.group)


def current_report(request, slug):
    """The current public version as a web page, in the reader's language when it was published in it."""
    consultation = _consultation(slug)
    version = current_version(consultation)
    if version is None:
        raise Http404
    pages = {f.language: f for f in version.files.all() if f.format == Format.HTML}
    if not pages:
        raise Http404
    wanted = content_language(getattr(request, "LANGUAGE_CODE", None))
    page = pages.get(wanted) or pages.get("en") or next(iter(pages.values()))
    return _serve(page, public=True)


def report_file(request, slug, edition, version, language, file_format):
    """One file of one version, current or earlier: old versions stay available."""
    consultation = _consultation(slug)
    if edition not in Edition.values or not _may_read(request, consultation, edition):
        raise Http404
    report = get_object_or_404(
        ReportFile.objects.select_related("version__consultation"),
        version__consultation=consultation, version__edition=edition, version__version=version,
        version__state=PublicationState.PUBLISHED, language=language, format=file_format,
    )
    return _serve(report, public=edition == Edition.PUBLIC)


def attachment(request, slug, sha256):
    """A file attached to a published response, by its content hash (a link that never changes).

    Public when one published, public response carries it unwithheld; otherwise only
    the group's members may download it.
    """
    consultation = _consultation(slug)
    candidates = Attachment.objects.filter(
        response__consultation=consultation, response__status=Status.PUBLISHED, sha256=sha256, withheld=False,
    ).select_related("response")
    public = [a for a in candidates if a.response.publication != Publication.GROUP_ONLY]
    if public:
        chosen = public[0]
    elif candidates and permissions.can_see_group_only_inputs(request.user, consultation.group):
        chosen = candidates[0]
    else:
        raise Http404
    response = FileResponse(chosen.file.open("rb"), content_type=chosen.content_type, filename=chosen.filename)
    response["ETag"] = f'"{chosen.sha256}"'
    response["X-Content-Type-Options"] = "nosniff"
    if chosen.content_type not in ("application/pdf", "text/plain"):
        response["Content-Disposition"] = response["Content-Disposition"].replace("inline", "attachment")
    return response

"""The progress of a compiled report's generation, as a sentence for the secretariat.

The worker stores a stage code ("file|ar|pdf|312"); it is put into words in the
reader's language when the progress page is shown.
"""

from django.utils.translation import gettext as _

from tashawur.core.languages import LANGUAGE_NAMES
from tashawur.documents.models import PublicationState, ReportVersion


def stage_label(version: ReportVersion) -> str:
    code, language, detail, extra = (version.stage.split("|") + ["", "", "", ""])[:4]
    if version.state == PublicationState.QUEUED:
        return _("Waiting for the worker to start.")
    if version.state == PublicationState.FAILED:
        return _("Failed: %(reason)s") % {"reason": version.error}
    if version.state == PublicationState.PUBLISHED:
        return _("Published.")
    if code == "reading":
        return _("Reading responses: %(done)s of %(total)s.") % {"done": detail or 0, "total": extra or 0}
    if code == "file":
        params = {"language": LANGUAGE_NAMES.get(language, language), "format": detail.upper(), "page": extra}
        if extra and extra != "0":
            return _("Generating the %(format)s in %(language)s: laying out page %(page)s.") % params
        return _("Generating the %(format)s in %(language)s.") % params
    return _("Being generated.")

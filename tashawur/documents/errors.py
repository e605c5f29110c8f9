"""Errors a user or an operator can cause while producing documents."""

from django.utils.translation import gettext_lazy as _

from tashawur.core.errors import TashawurError


class DocumentError(TashawurError):
    default_message = _("The document could not be produced.")
    code = "document_error"


class FontMissing(DocumentError):
    default_message = _(
        "The font %(family)s is not installed, so the PDF cannot show %(script)s text. "
        "Install the Debian package %(package)s (see the README, \"Documents\")."
    )
    code = "font_missing"


class FontConfigMissing(DocumentError):
    default_message = _(
        "Fontconfig (fc-list) is not installed, so the fonts the PDF needs cannot be checked. "
        "Install the Debian package fontconfig."
    )
    code = "fontconfig_missing"


class UnknownOption(DocumentError):
    default_message = _("%(value)s is not a valid %(option)s.")
    code = "unknown_option"


class PublishedDocumentIsImmutable(DocumentError):
    default_message = _("Version %(version)s of this report is published and cannot be changed; publish a new version.")
    code = "immutable"

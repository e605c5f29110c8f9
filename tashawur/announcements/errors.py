"""Errors the secretariat or a recipient can cause, each with a full translatable sentence."""

from django.utils.translation import gettext_lazy as _

from tashawur.core.errors import TashawurError


class AnnouncementError(TashawurError):
    code = "announcement_error"


class ImportFileError(AnnouncementError):
    """The file as a whole cannot be read; no row of it is imported."""

    code = "import_file_error"


class EmptyFile(ImportFileError):
    code = "empty_file"
    default_message = _("The file is empty.")


class FileTooLarge(ImportFileError):
    code = "file_too_large"
    default_message = _("The file is larger than the limit of %(limit)s bytes.")


class TooManyRows(ImportFileError):
    code = "too_many_rows"
    default_message = _("The file has more than %(limit)s rows; split it into several files.")


class NotACsvFile(ImportFileError):
    code = "not_csv"
    default_message = _("This looks like a spreadsheet workbook, not a CSV file: save it as CSV (UTF-8) and try again.")


class UnknownEncoding(ImportFileError):
    code = "unknown_encoding"
    default_message = _("The character encoding of the file could not be recognised: choose it in the form and try again.")


class WrongEncoding(ImportFileError):
    code = "wrong_encoding"
    default_message = _("The file cannot be read as %(encoding)s: choose another encoding, or let it be recognised.")


class NoEmailColumn(ImportFileError):
    code = "no_email_column"
    default_message = _("The first row must name the columns, and one of them must be “email”.")


class InvalidTransition(AnnouncementError):
    code = "invalid_transition"
    default_message = _("This step does not apply to an announcement in the state “%(state)s”.")


class ListNameTaken(AnnouncementError):
    code = "list_name_taken"
    default_message = _("The group already has a contact list named “%(name)s”.")


class EmptyContactList(AnnouncementError):
    code = "empty_contact_list"
    default_message = _("The contact list has no contacts: import some first.")


class UnknownToken(AnnouncementError):
    code = "unknown_token"
    default_message = _("This unsubscribe link is not known. It may have been mistyped.")

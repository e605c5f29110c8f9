"""IMAP polling of an existing mailbox (a secretariat's address), with the standard library's imaplib.

Res. 1336 rule 8. Messages are read by UID from a cursor kept in the database
(a new UIDVALIDITY starts over), each stored then processed, flagged \\Seen,
and the cursor moved past it. A message whose processing fails stops the poll
there; the next poll starts again from it, and Message-IDs keep it harmless.
"""

import imaplib
import logging
import re
import ssl
from dataclasses import dataclass

from django.utils import timezone

from tashawur.mailin.models import MailboxCursor, Outcome
from tashawur.mailin.process import ProcessOutcome
from tashawur.mailin.services import receive_message

log = logging.getLogger(__name__)

_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")
_UID = re.compile(rb"UID (\d+)")


@dataclass(frozen=True)
class MailboxConfig:
    host: str
    port: int
    user: str
    password: str
    folder: str = "INBOX"
    ssl: bool = True
    address: str = ""  # the address this mailbox receives for, when it is not in the messages' To/Cc

    @property
    def name(self) -> str:
        return f"{self.user}@{self.host}/{self.folder}"


class ImapError(Exception):
    pass


def _check(response, what: str):
    status, data = response
    if status != "OK":
        raise ImapError(f"IMAP {what} failed: {data!r}")
    return data


def connect(config: MailboxConfig) -> imaplib.IMAP4:
    if config.ssl:  # imaplib checks no certificate unless given a context that does
        client = imaplib.IMAP4_SSL(config.host, config.port, ssl_context=ssl.create_default_context())
    else:
        client = imaplib.IMAP4(config.host, config.port)
    _check(client.login(config.user, config.password), "LOGIN")
    return client


def poll_mailbox(config: MailboxConfig) -> list[ProcessOutcome]:
    """Read every message after the cursor once; return what each became."""
    client = connect(config)
    try:
        _check(client.select(_quoted(config.folder)), "SELECT")
        cursor = _cursor(config, _uid_validity(client, config.folder))
        outcomes = []
        for uid in _new_uids(client, cursor.last_uid):
            outcome = _receive(client, uid, config)
            outcomes.append(outcome)
            if outcome.outcome == Outcome.FAILED:
                break
            client.uid("STORE", str(uid), "+FLAGS", "(\\Seen)")
            MailboxCursor.objects.filter(pk=cursor.pk).update(last_uid=uid)
        MailboxCursor.objects.filter(pk=cursor.pk).update(polled_at=timezone.now())
        return outcomes
    finally:
        try:
            client.logout()
        except (imaplib.IMAP4.error, OSError):
            pass


def _quoted(folder: str) -> str:
    return folder if re.fullmatch(r"[A-Za-z0-9._/-]+", folder) else '"' + folder.replace('"', '\\"') + '"'


def _uid_validity(client: imaplib.IMAP4, folder: str) -> int:
    _code, data = client.response("UIDVALIDITY")
    if data and data[0]:
        return int(data[0])
    data = _check(client.status(_quoted(folder), "(UIDVALIDITY)"), "STATUS")
    match = _UIDVALIDITY.search(data[0] or b"")
    return int(match.group(1)) if match else 0


def _cursor(config: MailboxConfig, uid_validity: int) -> MailboxCursor:
    cursor, _created = MailboxCursor.objects.get_or_create(mailbox=config.name[:400])
    if cursor.uid_validity != uid_validity:  # the server renumbered the mailbox: read it all again
        log.info("imap uidvalidity changed mailbox=%s old=%s new=%s", config.name, cursor.uid_validity, uid_validity)
        cursor.uid_validity, cursor.last_uid = uid_validity, 0
        cursor.save(update_fields=["uid_validity", "last_uid"])
    return cursor


def _new_uids(client: imaplib.IMAP4, last_uid: int) -> list[int]:
    data = _check(client.uid("SEARCH", None, "UID", f"{last_uid + 1}:*"), "SEARCH")
    uids = sorted(int(uid) for uid in (data[0] or b"").split())
    return [uid for uid in uids if uid > last_uid]  # "n:*" names the last message even when it is older


def _receive(client: imaplib.IMAP4, uid: int, config: MailboxConfig) -> ProcessOutcome:
    data = _check(client.uid("FETCH", str(uid), "(BODY.PEEK[])"), "FETCH")
    raw = next((part[1] for part in data if isinstance(part, tuple) and _UID.search(part[0] or b"")), None)
    if raw is None:
        raw = next((part[1] for part in data if isinstance(part, tuple)), b"")
    recipients = [config.address] if config.address else []
    try:
        return receive_message(raw, via="imap", envelope_recipients=recipients)
    except Exception:  # not even stored: leave it on the server, try again next poll
        log.exception("imap message not stored mailbox=%s uid=%s", config.name, uid)
        return ProcessOutcome(Outcome.FAILED, "store_failed")

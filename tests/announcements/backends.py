"""Mail backends that fail the way real ones do, for the crash tests."""

import smtplib

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend


class SimulatedCrash(BaseException):
    """The worker process dies (killed, out of memory, power cut): nothing after it runs."""


class FailingBackend(EmailBackend):
    """Delivers ``allowed`` messages, then fails in the chosen way.

    ``mode``: "error" raises an SMTP error (the server did not take the message);
    "crash_after" delivers the message, then the process dies before the result is
    recorded; "crash_before" dies before the message reaches the server.
    """

    allowed = 3
    mode = "error"
    failures = 1  # how many messages fail before the backend behaves again

    def send_messages(self, messages):
        for message in messages:
            if FailingBackend.failures > 0 and len(mail.outbox) >= FailingBackend.allowed:
                FailingBackend.failures -= 1
                if FailingBackend.mode == "error":
                    raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
                if FailingBackend.mode == "crash_before":
                    raise SimulatedCrash()
                super().send_messages([message])
                raise SimulatedCrash()
            super().send_messages([message])
        return len(messages)


class RefusingBackend(EmailBackend):
    """The server refuses one recipient, as Django's SMTP backend reports it: for good (550), or
    ``times`` times for now (450, greylisting)."""

    refused = "contact001@example.org"
    code, reply, times = 550, b"5.1.1 User unknown", 1

    def send_messages(self, messages):
        for message in messages:
            if self.refused in message.to and RefusingBackend.times > 0:
                if RefusingBackend.code < 500:
                    RefusingBackend.times -= 1
                raise smtplib.SMTPRecipientsRefused({self.refused: (RefusingBackend.code, RefusingBackend.reply)})
        return super().send_messages(messages)

"""A built-in SMTP listener (aiosmtpd) for deployments without an MTA.

Res. 1336 rule 8 and "never lost": the listener answers 250 only once the raw
message is committed; a storage error answers 451 so the sending server
retries. Processing follows in a worker thread; what a crash interrupts is
processed by ``process_pending`` when the listener starts again.
"""

import asyncio
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait

from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connections

from tashawur.mailin.process import process_message
from tashawur.mailin.routing import accepts_domain
from tashawur.mailin.services import process_pending
from tashawur.mailin.store import NULL_SENDER, store_message

log = logging.getLogger(__name__)


def _in_own_connection(function, *args, **kwargs):
    """Run database work in a worker thread, then close that thread's connections (none is left dangling)."""
    try:
        return function(*args, **kwargs)
    finally:
        connections.close_all()


class ConsultationMailHandler:
    """aiosmtpd handler: RCPT only for our domains, DATA stored durably before 250.

    ``process=False`` stores and stops there, as a listener killed between
    receipt and processing would.
    """

    def __init__(self, *, process: bool = True):
        self.process = process
        self._store_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="mail-store")
        self._process_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mail-process")
        self._processing: set[Future] = set()
        self._lock = threading.Lock()

    async def _database(self, function, *args, **kwargs):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._store_pool, lambda: _in_own_connection(function, *args, **kwargs))

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        try:
            ours = await self._database(accepts_domain, address)
        except Exception:
            log.exception("smtp recipient check failed address=%s", address)
            return "451 4.3.0 Temporary failure, please try again later"
        if not ours:
            return "550 5.7.1 Relaying denied: this server receives mail for consultations only"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", errors="surrogateescape")
        try:
            inbound, created = await self._database(
                store_message, raw, via="smtp", envelope_sender=envelope.mail_from or NULL_SENDER,
                envelope_recipients=list(envelope.rcpt_tos),
            )
        except Exception:
            log.exception("smtp message not stored peer=%s", session.peer)
            return "451 4.3.0 Message not stored, please try again later"
        if self.process:
            self._schedule(inbound)
        return f"250 2.0.0 Message stored as M-{inbound.pk}"

    def _schedule(self, inbound) -> None:
        future = self._process_pool.submit(_in_own_connection, process_message, inbound)
        with self._lock:
            self._processing.add(future)
        future.add_done_callback(self._done)

    def retry_failed(self) -> None:
        """Hand what is still pending or failed (e.g. a locked SQLite database) to the processing thread again."""
        future = self._process_pool.submit(_in_own_connection, process_pending)
        with self._lock:
            self._processing.add(future)
        future.add_done_callback(self._done)

    def _done(self, future: Future) -> None:
        with self._lock:
            self._processing.discard(future)

    def wait_idle(self, timeout: float = 30) -> bool:
        """Wait until every stored message handed to processing is processed (for tests and shutdown)."""
        with self._lock:
            running = set(self._processing)
        done, not_done = wait(running, timeout=timeout)
        return not not_done

    def close(self) -> None:
        self._store_pool.shutdown(wait=True)
        self._process_pool.shutdown(wait=True)


class MailListener:
    """The listener as ``manage.py smtpd`` runs it: pending messages first, then SMTP on host:port."""

    def __init__(self, *, host: str = "127.0.0.1", port: int = 8025, process: bool = True):
        self.handler = ConsultationMailHandler(process=process)
        self.controller = Controller(
            self.handler, hostname=host, port=port, server_hostname=settings.MAIL_DOMAIN, enable_SMTPUTF8=True,
            data_size_limit=max(2 * settings.MESSAGE_MAX_BYTES, 33554432), ident="Tashawur",
        )

    def start(self) -> None:
        if self.handler.process:
            process_pending()
        self.controller.start()
        log.info("smtp listening host=%s port=%s", self.controller.hostname, self.controller.port)

    def stop(self) -> None:
        self.controller.stop()
        self.handler.wait_idle()
        self.handler.close()
        log.info("smtp stopped")

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()

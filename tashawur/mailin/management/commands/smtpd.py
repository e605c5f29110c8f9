"""``manage.py smtpd``: the built-in SMTP listener, for deployments without an MTA."""

import signal
import threading

from django.core.management.base import BaseCommand

from tashawur.mailin.smtp import MailListener


class Command(BaseCommand):
    help = (
        "Receive mail for the consultations over SMTP (aiosmtpd). Each message is stored before the listener "
        "answers 250, then processed; messages left pending by a crash are processed at start. Stop with "
        "Ctrl-C or SIGTERM."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
        parser.add_argument("--port", type=int, default=8025, help="Port to listen on (default 8025).")
        parser.add_argument("--retry-every", type=int, default=300, metavar="SECONDS",
                            help="Process again, this often, messages whose processing failed (default 300).")

    def handle(self, *args, **options):
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_args: stop.set())
        listener = MailListener(host=options["host"], port=options["port"])
        listener.start()
        self.stdout.write(f"Listening for mail on {options['host']}:{options['port']}.")
        try:
            while not stop.wait(options["retry_every"]):
                listener.handler.retry_failed()
        except KeyboardInterrupt:
            pass
        finally:
            listener.stop()
            self.stdout.write("Stopped.")

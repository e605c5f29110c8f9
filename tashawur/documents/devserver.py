"""``python -m tashawur.documents.devserver [ADDRESS:PORT]``: runserver with a task worker beside it.

For development (`make run`): the database worker that generates compiled reports
runs in the background and stops when runserver stops (Ctrl+C, SIGTERM or exit).
In production, run ``tashawur db_worker`` as its own service (see the README).
"""

import os
import signal
import subprocess
import sys

WORKER = ["db_worker", "--interval", "1", "--no-reload"]


def _stop(process: subprocess.Popen, sig: int) -> None:
    """Signal the process's whole group (runserver's autoreloader has a child), then make sure it ended."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def main(argv: list[str]) -> int:
    command = [sys.executable, "-m", "tashawur.cli"]
    # Each in a process group of its own, so that this launcher stops both, and their children,
    # whatever ends it: Ctrl+C, SIGTERM, or runserver exiting by itself.
    worker = subprocess.Popen(command + WORKER, process_group=0)
    server = subprocess.Popen(command + ["runserver", *argv], process_group=0)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored (a background job)
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 130
    finally:
        _stop(server, signal.SIGTERM)
        _stop(worker, signal.SIGTERM)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

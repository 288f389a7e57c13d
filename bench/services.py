"""What `make bench` starts: its two district databases, the WSGI servers (ours, ours
with the read cache, stock Saleor) on each, and a Celery worker per district.

Everything listens on 127.0.0.1 only and is stopped by `Services.stop()`.
"""
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit, urlunsplit

import requests

from ops.database import ROOT, ensure_database, release_database

VENV_BIN = ROOT / ".venv" / "bin"
STATE_DIR = ROOT / ".data" / "bench"
OURS_SETTINGS = "saleor_config.settings"
STOCK_SETTINGS = "saleor_config.settings_stock"
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
START_TIMEOUT = 120


@dataclass(frozen=True)
class District:
    key: str            # "demo" or "x10"
    merchants: int
    database: str


DISTRICTS = (
    District("demo", 150, "p16_bench_demo"),
    District("x10", 1500, "p16_bench_x10"),
)


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_base_url() -> Optional[str]:
    """REDIS_URL, else the machine's Redis on 127.0.0.1:6379 if it answers."""
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return "redis://127.0.0.1:6379/0"
    except OSError:
        return None


# What shapes the loaded data: the generator, the loader, models and migrations.
LOADER_PARTS = {"fixtures", "management", "migrations"}
LOADER_FILES = {"models.py", "onboarding.py"}


def _loader_fingerprint(merchants: int) -> str:
    """Changes whenever the data the loader would produce may change: reload then."""
    digest = hashlib.sha256(str(merchants).encode())
    # load_district lives in saleor_config/management: a change there reloads too.
    for folder in ("fixtures", "plugins", "saleor_config"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = set(path.relative_to(ROOT).parts)
            if parts & LOADER_PARTS or path.name in LOADER_FILES:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _psql(server_url: str, sql: str, database: str = "postgres"):
    import dj_database_url
    import psycopg2

    params = dj_database_url.parse(_with_database(server_url, database))
    connection = psycopg2.connect(
        dbname=params["NAME"], user=params["USER"], password=params["PASSWORD"] or None,
        host=params["HOST"] or None, port=params["PORT"] or None,
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall() if cursor.description else None
    finally:
        connection.close()


def _manage(env: dict, *args: str) -> None:
    subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=1800,
    )


def base_environment(database_url: str, broker_url: Optional[str]) -> dict:
    env = dict(os.environ)
    for name in ("REDIS_URL", "CELERY_BROKER_URL", "CACHE_URL", "P16_READ_CACHE"):
        env.pop(name, None)
    env.update(
        PYTHONPATH=str(ROOT), DATABASE_URL=database_url, DEBUG="False",
        SECRET_KEY="bench-only-not-secret", ALLOWED_HOSTS="127.0.0.1,localhost",
        ALLOWED_CLIENT_HOSTS="127.0.0.1", EMAIL_URL="dummy://",
        DJANGO_SETTINGS_MODULE=OURS_SETTINGS, PYTHONWARNINGS="ignore",
    )
    if broker_url:
        env["REDIS_URL"] = broker_url
    return env


def loaded_fingerprint(server_url: str, database: str) -> Optional[str]:
    """The loader fingerprint a district database was filled with (kept as the database's
    comment: it lives and dies with the database, on whichever server); None if absent."""
    rows = _psql(server_url, "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                             f"WHERE datname = '{database}'")
    return rows[0][0] if rows else None


def prepare_database(server_url: str, district: District) -> str:
    """The district's database, loaded once and reused while the loader is unchanged."""
    url = _with_database(server_url, district.database)
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    fingerprint = _loader_fingerprint(district.merchants)
    exists = _psql(server_url, f"SELECT 1 FROM pg_database WHERE datname = '{district.database}'")
    if exists and loaded_fingerprint(server_url, district.database) == fingerprint:
        _log(f"{district.key}: reusing database {district.database}")
        return url
    started = time.time()
    _log(f"{district.key}: loading {district.merchants} merchants into {district.database}")
    if exists:
        _psql(server_url, f'DROP DATABASE "{district.database}" WITH (FORCE)')
    _psql(server_url, f'CREATE DATABASE "{district.database}"')
    env = base_environment(url, None)
    try:
        _manage(env, "migrate", "--no-input", "-v", "0")
        _manage(env, "load_district", "--merchants", str(district.merchants), "-v", "0")
    except subprocess.CalledProcessError as error:
        raise RuntimeError(f"loading {district.key} failed:\n{error.stderr.decode()[-3000:]}")
    _psql(server_url, f"COMMENT ON DATABASE \"{district.database}\" IS '{fingerprint}'")
    _log(f"{district.key}: loaded in {time.time() - started:.0f} s")
    return url


@dataclass
class Server:
    name: str           # "ours", "ours_cached" or "stock"
    district: str
    url: str
    process: subprocess.Popen

    @property
    def api(self) -> str:
        return f"{self.url}/graphql/"


@dataclass
class Services:
    servers: dict = field(default_factory=dict)     # (district, name) -> Server
    database_urls: dict = field(default_factory=dict)
    environments: dict = field(default_factory=dict)  # district -> env for helpers
    processes: list = field(default_factory=list)
    embedded: bool = False
    celery: bool = False
    postgres: str = ""  # the server's version: timings move with it (and with embedded)

    def server(self, district: str, name: str) -> Server:
        return self.servers[(district, name)]

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        if self.embedded:
            release_database()


SERVER_KINDS = {
    # name: (settings module, read cache on)
    "ours": (OURS_SETTINGS, False),
    "ours_cached": (OURS_SETTINGS, True),
    "stock": (STOCK_SETTINGS, False),
}


def _spawn(services: Services, command: list, env: dict, log_name: str) -> subprocess.Popen:
    log = open(STATE_DIR / f"{log_name}.log", "wb")
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    services.processes.append(process)
    return process


def start(districts=DISTRICTS) -> Services:
    server_url, embedded = ensure_database()
    version = _psql(server_url, "SHOW server_version")[0][0]
    services = Services(embedded=embedded, postgres=f"PostgreSQL {version}"
                        + (" (embedded)" if embedded else ""))
    redis_base = _redis_base_url()
    services.celery = bool(redis_base)
    try:
        for index, district in enumerate(districts):
            url = prepare_database(server_url, district)
            services.database_urls[district.key] = url
            # A broker database of the bench's own per district, so that a worker never
            # runs another district's tasks.
            broker = (
                urlunsplit(urlsplit(redis_base)._replace(path=f"/{6 + index}"))
                if redis_base else None
            )
            env = base_environment(url, broker)
            services.environments[district.key] = env
            for name, (settings_module, cached) in SERVER_KINDS.items():
                port = _free_port()
                server_env = dict(env, DJANGO_SETTINGS_MODULE=settings_module,
                                  ALLOWED_CLIENT_HOSTS=f"127.0.0.1:{port}",
                                  STOREFRONT_API_URL=f"http://127.0.0.1:{port}/graphql/",
                                  STOREFRONT_URL=f"http://127.0.0.1:{port}/")
                if not cached:
                    server_env["P16_READ_CACHE"] = "off"
                process = _spawn(services, [
                    str(VENV_BIN / "gunicorn"), "saleor_config.wsgi:application",
                    "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS),
                    "--timeout", "60", "--graceful-timeout", "5",
                ], server_env, f"{district.key}-{name}")
                services.servers[(district.key, name)] = Server(
                    name, district.key, f"http://127.0.0.1:{port}", process
                )
            if broker:
                _spawn(services, [
                    str(VENV_BIN / "celery"), "-A", "saleor_config", "worker",
                    "--concurrency", "1", "--loglevel", "WARNING", "--without-gossip",
                    "--without-mingle", "--without-heartbeat",
                ], env, f"{district.key}-celery")
        for server in services.servers.values():
            _wait_until_up(server)
        return services
    except BaseException:
        services.stop()
        raise


def _wait_until_up(server: Server) -> None:
    deadline = time.time() + START_TIMEOUT
    while time.time() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"{server.district}/{server.name} exited; see .data/bench/"
                f"{server.district}-{server.name}.log"
            )
        try:
            response = requests.post(
                server.api, json={"query": "{ shop { name } }"}, timeout=10
            )
            if response.status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{server.district}/{server.name} did not start in {START_TIMEOUT} s")


def run_helper(services: Services, district: str, module: str, settings_module: str,
               *args: str, stdin: str = "", timeout: int = 600) -> dict:
    """Run a Django-side helper (bench.dataset, bench.counts) and return its JSON answer."""
    env = dict(services.environments[district], DJANGO_SETTINGS_MODULE=settings_module,
               P16_READ_CACHE="off")
    result = subprocess.run(
        [str(VENV_BIN / "python"), "-m", module, *args], cwd=ROOT, env=env,
        input=stdin.encode(), capture_output=True, timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{module} failed:\n{result.stderr.decode()[-3000:]}")
    # The answer is the JSON document at the end of stdout (one line or indented).
    lines = result.stdout.decode().rstrip().splitlines()
    start = max(i for i, line in enumerate(lines) if line.startswith("{"))
    if lines[-1] == "}":
        start = max(i for i, line in enumerate(lines) if line == "{")
    return json.loads("\n".join(lines[start:]))

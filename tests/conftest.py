"""Shared fixtures.

Tests run against a real PostgreSQL (pytest-django's test database, created by
`make test` on DATABASE_URL or the embedded server). Live tests talk HTTP to a real
gunicorn started here on that same test database, with the demo district loaded
once and, when Redis is reachable, a real Celery worker behind it.

Because the live server shares the test database, no test may use
`django_db(transaction=True)`: its flush would wipe the district under the server.
For the same reason the fixture is not called `live_server`: pytest-django makes any
test using a fixture of that name transactional.
"""
import contextlib
import email
import email.policy
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.graphql_client import GraphQLClient

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
DEMO_PASSWORD = os.environ.get("P16_DEMO_PASSWORD", "paris16-demo")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_url():
    """REDIS_URL if set, else the machine's Redis on 127.0.0.1:6379 if it answers."""
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return "redis://127.0.0.1:6379/1"
    except OSError:
        return None


def _test_database_url() -> str:
    from django.db import connection

    s = connection.settings_dict
    from urllib.parse import quote

    host = quote(s["HOST"] or "", safe="")
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    port = f":{s['PORT']}" if s["PORT"] else ""
    return f"postgres://{auth}@{host}{port}/{s['NAME']}"


@pytest.fixture(scope="session")
def demo_district(django_db_setup, django_db_blocker):
    """The demo district, loaded once into the test database (committed)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_district", verbosity=0)


@pytest.fixture(scope="session")
def site_server(demo_district, tmp_path_factory):
    """A real gunicorn (and Celery worker when Redis answers) on the test database."""
    from django.core.management import call_command

    # Served like `make run` serves them: collected, then by whitenoise (DEBUG off).
    call_command("collectstatic", interactive=False, verbosity=0)
    with serve(tmp_path_factory.mktemp("mail"), workers=3, redis_url=_redis_url()) as server:
        yield server


@contextlib.contextmanager
def serve(mail_dir, workers: int, redis_url, threads: int = 4):
    """A gunicorn on the test database, with a Celery worker when given a Redis; without
    one, as `make run` without REDIS_URL: no shared cache, tasks run in the request."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in (
        "REDIS_URL", "CELERY_BROKER_URL", "CACHE_URL", "READ_CACHE_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="saleor_config.settings",
        DATABASE_URL=_test_database_url(),
        DEBUG="False",
        SECRET_KEY="tests-only-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        ALLOWED_CLIENT_HOSTS="127.0.0.1,localhost",
        STOREFRONT_API_URL=f"http://127.0.0.1:{port}/graphql/",
        STOREFRONT_URL=f"http://127.0.0.1:{port}/",
        # dj-email-url 1.0.1 knows "file" (not "filemail") and drops one leading
        # slash of the path: "file:///" + "/tmp/..." keeps it absolute.
        EMAIL_URL=f"file:///{mail_dir}",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    commands = [[
        str(VENV_BIN / "gunicorn"), "saleor_config.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "120",
        # Storefront pages call the API on this same server: threads keep a page
        # from waiting on the worker it occupies.
        "--threads", str(threads),
    ]]
    if redis_url:
        commands.append([
            str(VENV_BIN / "celery"), "-A", "saleor_config", "worker",
            "--concurrency", "1", "--loglevel", "WARNING",
        ])
    processes = [
        subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True) for cmd in commands
    ]
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                requests.post(f"{url}/graphql/", json={"query": "{ shop { name } }"}, timeout=5)
                break
            except (requests.ConnectionError, requests.Timeout):  # a worker still booting
                if time.time() > deadline or any(p.poll() is not None for p in processes):
                    raise RuntimeError("the live server did not start")
                time.sleep(0.3)
        yield LiveServer(url=url, mail_dir=Path(mail_dir), celery=bool(redis_url))
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)


class LiveServer:
    def __init__(self, url: str, mail_dir: Path, celery: bool):
        self.url = url
        self.api_url = f"{url}/graphql/"
        self.mail_dir = mail_dir
        self.celery = celery

    def client(self) -> GraphQLClient:
        return GraphQLClient(self.api_url)

    def login(self, email: str, password: str = DEMO_PASSWORD) -> GraphQLClient:
        return self.client().as_user(email, password)

    def mails(self) -> list:
        """Every e-mail sent so far, oldest first, each as readable text: To, Subject
        (decoded) and every text part (decoded), as a person would read them."""
        texts = []
        for path in sorted(self.mail_dir.glob("*.log"), key=os.path.getmtime):
            # Django's file backend separates messages with a line of 79 dashes.
            # Bytes, not text: parsed from a str, 8bit UTF-8 bodies come out as mojibake.
            for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if raw.strip():
                    texts.append(_readable(email.message_from_bytes(raw, policy=email.policy.default)))
        return texts

    def wait_for_mail(self, predicate, timeout: float = 30.0) -> str:
        deadline = time.time() + timeout
        while time.time() < deadline:
            for mail in self.mails():
                if predicate(mail):
                    return mail
            time.sleep(0.3)
        raise AssertionError("no such e-mail was sent")


def _readable(message) -> str:
    parts = [f"To: {message['To']}", f"Subject: {message['Subject']}"]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts.append(part.get_content())
    return "\n".join(parts)


@pytest.fixture
def api(site_server) -> GraphQLClient:
    """An anonymous client of the live API."""
    return site_server.client()

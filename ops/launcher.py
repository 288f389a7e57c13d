"""`make run` and `make test`: one entry point that prepares the database and runs.

run  — database (embedded unless DATABASE_URL), migrations, demo district (once),
       static files, then gunicorn on 127.0.0.1:8000 and, with REDIS_URL, a Celery
       worker; Ctrl-C stops them all and the embedded database.
test — the same database logic, then pytest with the given arguments.
"""
import os
import secrets
import signal
import subprocess
import sys
import time

from .database import ROOT, database_answers, ensure_database, release_database

VENV_BIN = ROOT / ".venv" / "bin"
HOST, PORT = "127.0.0.1", int(os.environ.get("PORT", "8000"))


def base_environment() -> dict:
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "saleor_config.settings")
    env.setdefault("PYTHONPATH", str(ROOT))
    return env


def production_environment() -> dict:
    """Settings for the production-like server `make run` starts."""
    env = base_environment()
    env.setdefault("DEBUG", "False")
    env.setdefault("STOREFRONT_URL", f"http://{HOST}:{PORT}/")
    env.setdefault("STOREFRONT_API_URL", f"http://{HOST}:{PORT}/graphql/")
    env.setdefault("ALLOWED_HOSTS", f"{HOST},localhost")
    # Host names without port: Saleor compares redirect URLs' host names with them.
    env.setdefault("ALLOWED_CLIENT_HOSTS", f"{HOST},localhost")
    if "SECRET_KEY" not in env:
        key_file = ROOT / ".data" / "secret_key"
        if not key_file.exists():
            key_file.parent.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_urlsafe(50))
        env["SECRET_KEY"] = key_file.read_text().strip()
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([str(VENV_BIN / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env: dict) -> None:
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    manage(env, "load_district")


def serve_commands(env: dict) -> list:
    workers = os.environ.get("WEB_CONCURRENCY", str(max(2, os.cpu_count() or 2)))
    commands = [[
        str(VENV_BIN / "gunicorn"), "saleor_config.wsgi:application",
        "--bind", f"{HOST}:{PORT}", "--workers", workers,
        # Threads: a storefront page calls the API on this same server, and must never
        # wait for the worker it occupies.
        "--worker-class", "gthread", "--threads", "4",
        "--timeout", "60", "--access-logfile", "-",
    ]]
    if env.get("REDIS_URL"):
        commands.append([
            str(VENV_BIN / "celery"), "-A", "saleor_config", "worker",
            "--loglevel", "INFO", "--concurrency", "2",
            # Periodic tasks (CELERY_BEAT_SCHEDULE): one worker, so one beat.
            "--beat", "--schedule", str(ROOT / ".data" / "celerybeat-schedule"),
        ])
    return commands


def run() -> int:
    url, embedded = ensure_database()
    env = production_environment()
    env["DATABASE_URL"] = url
    children = []
    try:
        prepare(env)
        # Each child leads its own process group, so stopping it stops its workers too.
        children = [
            subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True)
            for cmd in serve_commands(env)
        ]
        password = env.get("P16_DEMO_PASSWORD", "paris16-demo")
        print(
            f"\nParis 16 Shopping est lancé.\n"
            f"  Boutique : http://{HOST}:{PORT}/\n"
            f"  API GraphQL : http://{HOST}:{PORT}/graphql/\n"
            f"  Opérateur : admin@paris16.example / {password}\n"
            f"  Commerçants : <slug-de-la-boutique>@paris16.example / {password}\n"
            f"  Tâches Celery : {'worker Redis' if env.get('REDIS_URL') else 'exécutées sur place (pas de REDIS_URL)'}\n"
            f"Ctrl-C pour tout arrêter.\n",
            flush=True,
        )
        return watch(children, url)
    except KeyboardInterrupt:
        return 0
    finally:
        for child in children:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
        if embedded:
            release_database()


def watch(children: list, database_url: str, interval: float = 1.0, misses: int = 3) -> int:
    """Wait while every child runs and the database answers; 1 when either stops.

    Without its database the API would answer every request with an error: better
    stop and say why (a few missed checks in a row, so a short hiccup is forgiven)."""
    missed = 0
    while all(child.poll() is None for child in children):
        time.sleep(interval)
        missed = 0 if database_answers(database_url) else missed + 1
        if missed >= misses:
            print(
                "\nLa base de données ne répond plus (arrêtée ou injoignable) : "
                "Paris 16 Shopping s'arrête plutôt que de répondre par des erreurs.\n"
                "Vérifiez PostgreSQL (DATABASE_URL, ou la base embarquée sous .data/pg), "
                "puis relancez « make run ».",
                file=sys.stderr, flush=True,
            )
            return 1
    print("\nUn processus du serveur s'est arrêté (voir ses messages ci-dessus) : "
          "Paris 16 Shopping s'arrête.", file=sys.stderr, flush=True)
    return 1


def test(args: list) -> int:
    url, embedded = ensure_database()
    env = base_environment()
    env["DATABASE_URL"] = url
    try:
        return subprocess.run(
            [str(VENV_BIN / "python"), "-m", "pytest", *args], cwd=ROOT, env=env
        ).returncode
    finally:
        if embedded:
            release_database()


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list) -> int:
    # Ctrl-C, SIGTERM (a supervisor) and SIGHUP (a closed terminal) all stop everything;
    # set explicitly because a shell starting us in the background ignores SIGINT.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)
    command, args = argv[0], argv[1:]
    if command == "run":
        return run()
    if command == "test":
        return test(args)
    raise SystemExit("usage: python -m ops.launcher run|test [pytest args]")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""`make bench` reuses a district's database only if that very database was filled by
the current loader: the fingerprint lives in the database (its comment), so a database of
the same name on another server, or loaded by an older loader, is loaded again."""
import uuid
from urllib.parse import quote

import pytest
from django.db import connection

from bench import services


@pytest.fixture
def server_url(db):
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    host = quote(s["HOST"] or "localhost", safe="")  # the embedded server: a socket folder
    return f"postgres://{s['USER']}{password}@{host}:{s['PORT'] or 5432}/postgres"


def test_the_fingerprint_is_read_from_the_database_itself(server_url):
    name = f"p16_bench_probe_{uuid.uuid4().hex[:8]}"
    services._psql(server_url, f'CREATE DATABASE "{name}"')
    try:
        assert services.loaded_fingerprint(server_url, name) is None  # never loaded
        services._psql(server_url, f"COMMENT ON DATABASE \"{name}\" IS 'abc123'")
        assert services.loaded_fingerprint(server_url, name) == "abc123"
    finally:
        services._psql(server_url, f'DROP DATABASE "{name}" WITH (FORCE)')
    assert services.loaded_fingerprint(server_url, name) is None  # gone with the database

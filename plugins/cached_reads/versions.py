"""The versions of the cached reads, in PostgreSQL: every worker and every server sees a
change's new version exactly when the change commits (with or without Redis).

Plain SQL on the table of models.ReadVersion: this module is imported while Django
loads its apps, before models may be."""
from django.db import connection

TABLE = "cached_reads_version"
SEQUENCE = "cached_reads_version_seq"

_BUMP = f"""
INSERT INTO {TABLE} (name, version) VALUES (%s, nextval('{SEQUENCE}'))
ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version
"""


def bump(name: str) -> None:
    """A new version for this read, in the caller's transaction (visible at its commit).

    From a sequence: a rolled-back bump's number is never handed out again, so a value
    read inside that transaction can never be taken for a committed one."""
    with connection.cursor() as cursor:
        cursor.execute(_BUMP, [name])


def all_versions() -> dict:
    """Every read's version, in one query (a read never changed has none: 0)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, version FROM {TABLE}")
        return dict(cursor.fetchall())


def version_of(name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {TABLE} WHERE name = %s", [name])
        row = cursor.fetchone()
    return row[0] if row else 0

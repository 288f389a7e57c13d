"""Each import-time adaptation of saleor_config/compat.py is needed on Django 5.2.

Every case starts a fresh interpreter on our settings with one adaptation taken out
and runs what Saleor or its libraries do: it must break, and pass with all adaptations.
The adaptations that need a database are in tests/integration/test_compat*.py.
"""
import subprocess
import sys

import pytest

SETUP = "import django; django.setup();"


def run(code: str, without: str = "", **environment) -> subprocess.CompletedProcess:
    removal = f"c.ADAPTATIONS.remove(c.{without});" if without else ""
    return subprocess.run(
        [sys.executable, "-c", f"import saleor_config.compat as c; {removal} {code}"],
        capture_output=True,
        text=True,
        env={
            "DJANGO_SETTINGS_MODULE": "saleor_config.settings",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": ".",
            "DATABASE_URL": "postgres://unused@127.0.0.1:1/unused",
            **environment,
        },
    )


# (adaptation, what Saleor or a library does, what the failure says without it)
CASES = [
    ("alias_bound_field", SETUP + "import saleor.account.i18n", "BoundField"),
    ("alias_text_encoding_helpers", SETUP + "import graphene_django", "force_text"),
    ("alias_ugettext_helpers", SETUP + "import saleor.graphql.api", "ugettext"),
    (
        "alias_url_function",
        SETUP + "from django.urls import resolve; resolve('/graphql/')",
        "cannot import name 'url'",
    ),
    ("accept_signal_providing_args", SETUP + "import graphql_jwt.signals", "providing_args"),
    (
        "warn_on_postgres_json_field",
        SETUP + "from django.core.management import call_command; call_command('check')",
        "fields.E904",
    ),
]


@pytest.mark.parametrize("adaptation, code, failure", CASES, ids=[c[0] for c in CASES])
def test_adaptation_is_needed_and_sufficient(adaptation, code, failure):
    assert hasattr(__import__("saleor_config.compat").compat, adaptation)
    without = run(code, without=adaptation)
    assert without.returncode != 0
    assert failure in without.stderr

    with_all = run(code)
    assert with_all.returncode == 0, with_all.stderr


def test_every_adaptation_is_covered_by_a_test():
    from saleor_config import compat

    import_time = {case[0] for case in CASES}
    # Covered with a database in tests/integration/test_compat*.py.
    with_database = {
        "empty_aggregates_on_no_rows",
        "empty_reverse_managers_on_unsaved_objects",
        "bulk_update_saleor_sort_orders",
    }
    names = {a.__name__ for a in compat.ADAPTATIONS + compat.ADAPTATIONS_AFTER_SETUP}
    assert names == import_time | with_database


def test_applying_twice_changes_nothing():
    result = run(
        SETUP
        + "from django.dispatch import Signal;"
        + "from django.contrib.postgres.aggregates import ArrayAgg;"
        + "from django.db.models.fields import related_descriptors as rd;"
        + "before = (Signal.__init__, ArrayAgg.convert_value, rd.create_reverse_many_to_one_manager);"
        + "c.apply(); c.apply_after_setup();"
        + "after = (Signal.__init__, ArrayAgg.convert_value, rd.create_reverse_many_to_one_manager);"
        + "assert before == after, (before, after)"
    )
    assert result.returncode == 0, result.stderr


# Storages: Saleor's settings pick S3 or GCS from the environment under the names Django
# 5.1 ignores; STORAGES must carry the same choice (no bucket is contacted).
STORAGE_PROBE = SETUP + (
    "from django.core.files.storage import storages;"
    "media = storages['default'];"
    "print(type(media).__name__, getattr(media, 'bucket_name', '-'),"
    " type(storages['staticfiles']).__name__)"
)


@pytest.mark.parametrize(
    "environment, media, bucket, static",
    [
        ({}, "FileSystemStorage", "-", "StaticFilesStorage"),
        ({"AWS_MEDIA_BUCKET_NAME": "p16-media"}, "S3MediaStorage", "p16-media", "StaticFilesStorage"),
        ({"GS_MEDIA_BUCKET_NAME": "p16-media"}, "GCSMediaStorage", "p16-media", "StaticFilesStorage"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "p16-static", "AWS_MEDIA_BUCKET_NAME": "p16-media"},
            "S3MediaStorage",
            "p16-media",
            "S3Storage",
        ),
        ({"GS_STORAGE_BUCKET_NAME": "p16-static"}, "FileSystemStorage", "-", "GoogleCloudStorage"),
    ],
)
def test_media_and_static_storages_follow_the_environment(environment, media, bucket, static):
    result = run(STORAGE_PROBE, **environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [media, bucket, static]

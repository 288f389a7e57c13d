"""Each Saleor 2.10.1 shim is needed: without it the import fails, with it it works."""
import subprocess
import sys

SALEOR_IMPORT = "import django; django.setup(); import saleor.account.i18n"
# Replaces the shims with a no-op before the settings module applies them.
WITHOUT_SHIMS = "import saleor_config.compat as c; c.apply = lambda: None;"


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={
            "DJANGO_SETTINGS_MODULE": "saleor_config.settings",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": ".",
            "DATABASE_URL": "postgres://unused@127.0.0.1:1/unused",
        },
    )


def test_saleor_imports_with_the_shims():
    result = run(SALEOR_IMPORT)
    assert result.returncode == 0, result.stderr


def test_bound_field_alias_is_needed_on_django_3_2():
    result = run(WITHOUT_SHIMS + SALEOR_IMPORT)
    assert result.returncode != 0
    assert "BoundField" in result.stderr

"""Our models and our migrations say the same thing.

A difference only Django's state sees (a related name spelt the Django 3.2 way, say) still
makes the next `makemigrations` write a migration on top of Saleor's own, which cannot be
shipped: we never add migrations to Saleor's apps.
"""
import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def our_app_labels():
    return sorted(
        config.label for config in apps.get_app_configs() if config.name.startswith("plugins.")
    )


def test_every_plugin_model_change_has_its_migration():
    assert "grouped_delivery" in our_app_labels()
    # --check exits with status 1 when a migration is missing
    call_command("makemigrations", *our_app_labels(), check=True, dry_run=True, verbosity=0)

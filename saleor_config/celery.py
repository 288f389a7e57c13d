"""Celery app of Paris 16 Shopping: Saleor's tasks plus those of our plugins."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "saleor_config.settings")

app = Celery("paris16")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def _discover_plugin_tasks(sender, **kwargs):
    # Plugins are not Django apps of Saleor's; their tasks modules are found like Saleor's.
    from django.conf import settings
    from saleor.plugins import discover_plugins_modules

    sender.autodiscover_tasks(lambda: discover_plugins_modules(settings.PLUGINS))

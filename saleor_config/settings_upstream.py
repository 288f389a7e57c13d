"""Settings for Saleor 2.10.1's own test suite (`make platform-check`).

Saleor's tests/settings.py, on the same platform adaptations as ours: the suite checks
stock Saleor on our lock and compat layer, without our plugins or settings.
"""
from . import compat

compat.apply()

from saleor import settings as saleor_settings  # noqa: E402
from tests.settings import *  # noqa: E402,F401,F403  (the suite's own settings)
from tests.settings import INSTALLED_APPS  # noqa: E402

INSTALLED_APPS = INSTALLED_APPS + ["saleor_config.apps.CompatConfig"]
SILENCED_SYSTEM_CHECKS = ["fields.W904"]
STORAGES = compat.storages_setting(
    getattr(saleor_settings, "DEFAULT_FILE_STORAGE", None),
    getattr(saleor_settings, "STATICFILES_STORAGE", None),
)

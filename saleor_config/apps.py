from django.apps import AppConfig


class CompatConfig(AppConfig):
    """Runs the compatibility adaptations that need Saleor's modules loaded."""

    name = "saleor_config"
    label = "p16_compat"

    def ready(self):
        from . import compat

        compat.apply_after_setup()

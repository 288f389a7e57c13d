from django.apps import AppConfig


class ApiGuardConfig(AppConfig):
    name = "plugins.api_guard"
    label = "api_guard"
    verbose_name = "Limites de l'API"

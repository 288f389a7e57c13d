from django.apps import AppConfig


class CachedReadsConfig(AppConfig):
    name = "plugins.cached_reads"
    label = "cached_reads"
    verbose_name = "Lectures partagées"

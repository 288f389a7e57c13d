from django.core.management.base import BaseCommand
from django.db import transaction

from plugins.search import documents


class Command(BaseCommand):
    help = "Réécrit les documents de recherche de tous les produits et de toutes les boutiques."

    def handle(self, *args, **options):
        with transaction.atomic():
            documents.refresh_all()
        if options["verbosity"] >= 1:
            self.stdout.write("Index de recherche à jour.")

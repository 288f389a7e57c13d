"""`manage.py materialise_delivery`: write the delivery methods and the coming days'
slots ahead of the reads (as Celery beat does every hour; for a server without Redis)."""
from django.core.management.base import BaseCommand

from ...services.materialise import materialise


class Command(BaseCommand):
    help = "Écrit les modes de livraison et les créneaux des jours à venir (idempotent)."

    def handle(self, *args, **options):
        materialise()
        if options["verbosity"] >= 1:
            self.stdout.write("Modes de livraison et créneaux à venir écrits.")

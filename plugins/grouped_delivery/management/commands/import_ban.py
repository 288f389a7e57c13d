"""manage.py import_ban adresses-75.csv[.gz]: the 16th's addresses from the Base Adresse
Nationale (https://adresse.data.gouv.fr/donnees-nationales, Licence Ouverte), then every
saved address located again with them."""
import gzip
import io

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from saleor.account.models import Address

from ...geo.ban import BanFormatError, BanReadReport, kept_rows, read_ban
from ...geo.domain import street_key
from ...geo.models import KnownAddress
from ...geo.services import relocate


class Command(BaseCommand):
    help = ("Importe les adresses du 16e (75016, 75116) d'un fichier départemental de la "
            "Base Adresse Nationale, puis relocalise les adresses enregistrées.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="adresses-75.csv ou adresses-75.csv.gz")

    def handle(self, *args, path: str, verbosity: int = 1, **options):
        report = BanReadReport()
        opener = gzip.open if path.endswith(".gz") else open
        try:
            with opener(path, "rb") as raw:
                rows = kept_rows(read_ban(io.TextIOWrapper(raw, encoding="utf-8-sig"), report))
        except FileNotFoundError:
            raise CommandError(f"Fichier introuvable : {path}") from None
        except BanFormatError as error:
            raise CommandError(str(error)) from None
        with transaction.atomic():
            # The BAN replaces what it knows; demo points of other streets stay.
            for row in rows:
                KnownAddress.objects.update_or_create(
                    postcode=row.postcode, street_key=street_key(row.street), number=row.number,
                    suffix=row.suffix.lower(), defaults={
                        "street": row.street, "latitude": row.latitude,
                        "longitude": row.longitude, "source": KnownAddress.Source.BAN})
            located = relocate(Address.objects.iterator())
        if verbosity >= 1:
            self.stdout.write(
                f"{report.read} lignes lues : {report.kept} adresses du 16e gardées "
                f"({len(rows)} distinctes), {report.other_postcodes} d'autres codes postaux, "
                f"{report.unusable} inutilisables ; {located} adresses relocalisées.")

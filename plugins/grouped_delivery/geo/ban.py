"""Reading the Base Adresse Nationale's per-department CSV (pure Python).

The BAN publishes one file per department (adresses-75.csv.gz, Licence Ouverte),
";"-separated, UTF-8, one row per address point, with a header naming its
columns: id, id_fantoir, numero, rep, nom_voie, code_postal, code_insee,
nom_commune, ..., x, y, lon, lat, type_position, ... Columns are found by
their header name, so extra or reordered columns do not matter.
Only the 16th arrondissement's postcodes are kept.
"""
import csv
from dataclasses import dataclass
from typing import Iterable, Iterator, TextIO, Tuple

KEPT_POSTCODES = ("75016", "75116")
REQUIRED_COLUMNS = ("id", "numero", "rep", "nom_voie", "code_postal", "lon", "lat")
# The BAN numbers places without a house number (lieux-dits) 99999.
_NO_NUMBER = 99999


class BanFormatError(ValueError):
    pass


@dataclass(frozen=True)
class BanRow:
    ban_id: str
    postcode: str
    street: str
    number: int
    suffix: str
    latitude: float
    longitude: float


@dataclass
class BanReadReport:
    read: int = 0
    kept: int = 0
    other_postcodes: int = 0
    unusable: int = 0  # no number, or coordinates that are not numbers


def read_ban(lines: TextIO, report: BanReadReport, postcodes: Tuple[str, ...] = KEPT_POSTCODES
             ) -> Iterator[BanRow]:
    reader = csv.DictReader(lines, delimiter=";")
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise BanFormatError(
            "Ce fichier n'est pas au format de la Base Adresse Nationale : colonnes "
            f"absentes : {', '.join(missing)}."
        )
    for row in reader:
        report.read += 1
        if (row.get("code_postal") or "").strip() not in postcodes:
            report.other_postcodes += 1
            continue
        parsed = _parse(row)
        if parsed is None:
            report.unusable += 1
            continue
        report.kept += 1
        yield parsed


def _parse(row: dict):
    try:
        number = int(row["numero"])
        lat, lon = float(row["lat"]), float(row["lon"])
    except (TypeError, ValueError):
        return None
    if number <= 0 or number >= _NO_NUMBER or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    street = (row.get("nom_voie") or "").strip()
    if not street:
        return None
    return BanRow(row["id"].strip(), row["code_postal"].strip(), street, number,
                  (row.get("rep") or "").strip(), lat, lon)


def kept_rows(rows: Iterable[BanRow]) -> list:
    """One row per (postcode, street, number, suffix): the BAN may repeat a point."""
    seen = {}
    for row in rows:
        seen.setdefault((row.postcode, row.street.lower(), row.number, row.suffix.lower()), row)
    return list(seen.values())

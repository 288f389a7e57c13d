"""Locating addresses over a table of known points, and reading the BAN's CSV."""
import io

import pytest

from fixtures.street_coordinates import ENDS, demo_address_points
from fixtures.streets import STREETS
from plugins.grouped_delivery.geo.ban import BanFormatError, BanReadReport, kept_rows, read_ban
from plugins.grouped_delivery.geo.domain import (
    GeoPoint,
    MemoryTable,
    Precision,
    locate,
    parse_street_line,
    street_key,
)
from plugins.grouped_delivery.routing.travel import haversine_m

TABLE = MemoryTable([
    ("75016", "Rue de Passy", 12, "", 48.8579, 2.2830),
    ("75016", "Rue de Passy", 12, "bis", 48.8578, 2.2829),
    ("75016", "Rue de Passy", 14, "", 48.8579, 2.2826),
    ("75016", "Rue de Passy", 15, "", 48.8581, 2.2824),
    ("75016", "Avenue du Président Kennedy", 116, "", 48.8530, 2.2800),
    ("75116", "Place du Trocadéro et du 11 Novembre", 1, "", 48.8632, 2.2878),
])


@pytest.mark.parametrize("line, postcode, point, precision", [
    ("12 rue de Passy", "75016", (48.8579, 2.2830), Precision.HOUSENUMBER),
    ("12 RUE DE PASSY", "75 016", (48.8579, 2.2830), Precision.HOUSENUMBER),
    ("12 bis rue de Passy", "75016", (48.8578, 2.2829), Precision.HOUSENUMBER),
    ("12b, r. de Passy", "75016", (48.8578, 2.2829), Precision.HOUSENUMBER),
    ("12 ter rue de Passy", "75016", (48.8579, 2.2830), Precision.HOUSENUMBER),  # no ter: the 12
    ("116 av. du Président-Kennedy", "75016", (48.8530, 2.2800), Precision.HOUSENUMBER),
    ("1 place du Trocadéro-et-du-11-Novembre", "75116", (48.8632, 2.2878), Precision.HOUSENUMBER),
    # Number unknown: the nearest known one on the same side of the street.
    ("20 rue de Passy", "75016", (48.8579, 2.2826), Precision.STREET),
    ("17 rue de Passy", "75016", (48.8581, 2.2824), Precision.STREET),
    # No number: the middle of the street's known points.
    ("rue de Passy", "75016", None, Precision.STREET),
    # Street unknown: the middle of the postcode.
    ("3 rue Inconnue", "75016", None, Precision.POSTCODE),
    ("12 rue de Passy", "75116", (48.8632, 2.2878), Precision.POSTCODE),
    # Nothing known.
    ("12 rue de Passy", "75015", None, Precision.UNKNOWN),
    ("", "", None, Precision.UNKNOWN),
])
def test_locate_falls_back_and_says_so(line, postcode, point, precision):
    found = locate(line, postcode, TABLE)
    assert found.precision == precision
    if point is not None:
        assert found.point == GeoPoint(*point)
    assert (found.point is None) == (precision == Precision.UNKNOWN)
    assert found.label  # French words for the operator


@pytest.mark.parametrize("line, number, suffix, street", [
    ("12 rue de Passy", 12, "", "rue de passy"),
    ("12bis rue de Passy", 12, "bis", "rue de passy"),
    ("  7 T, bd Exelmans", 7, "ter", "boulevard exelmans"),
    ("rue de l'Annonciation", None, "", "rue de l annonciation"),
    ("Chée de la Muette", None, "", "chaussee de la muette"),
])
def test_street_lines_are_parsed(line, number, suffix, street):
    parsed = parse_street_line(line)
    assert (parsed.number, parsed.suffix, parsed.street) == (number, suffix, street)


def test_street_keys_ignore_case_accents_hyphens_and_abbreviations():
    assert street_key("Av. du Président-Kennedy") == street_key("AVENUE DU PRESIDENT KENNEDY")
    assert street_key("Rue Jean-de-La-Fontaine") == street_key("rue Jean de la Fontaine")


BAN = """id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles
75116_7157_00012;75116_7157;12;;Rue de Passy;75016;75116;Paris 16e Arrondissement;;;647835.21;6861702.4;2.283012;48.857903;entrée;;;PARIS;RUE DE PASSY;commune;commune;1;
75116_7157_00012_bis;75116_7157;12;bis;Rue de Passy;75016;75116;Paris 16e Arrondissement;;;647830.0;6861700.0;2.282901;48.857812;entrée;;;PARIS;RUE DE PASSY;commune;commune;1;
75116_7157_00012;75116_7157;12;;Rue de Passy;75016;75116;Paris 16e Arrondissement;;;647835.21;6861702.4;2.283012;48.857903;entrée;;;PARIS;RUE DE PASSY;commune;commune;1;
75116_0001_00003;75116_0001;3;;Avenue Kléber;75116;75116;Paris 16e Arrondissement;;;648000;6863000;2.293500;48.872800;entrée;;;PARIS;AVENUE KLEBER;commune;commune;1;
75115_1234_00005;75115_1234;5;;Rue de Vaugirard;75015;75115;Paris 15e Arrondissement;;;648000;6860000;2.301000;48.842000;entrée;;;PARIS;RUE DE VAUGIRARD;commune;commune;1;
75116_9999_99999;75116_9999;99999;;Bois de Boulogne;75016;75116;Paris 16e Arrondissement;;;645000;6862000;2.250000;48.862000;segment;;;PARIS;BOIS DE BOULOGNE;commune;commune;1;
75116_7157_00020;75116_7157;20;;Rue de Passy;75016;75116;Paris 16e Arrondissement;;;;;;;entrée;;;PARIS;RUE DE PASSY;commune;commune;1;
"""


def test_ban_rows_of_the_16th_are_kept_once():
    report = BanReadReport()
    rows = kept_rows(read_ban(io.StringIO(BAN), report))
    assert [(r.street, r.number, r.suffix, r.postcode) for r in rows] == [
        ("Rue de Passy", 12, "", "75016"), ("Rue de Passy", 12, "bis", "75016"),
        ("Avenue Kléber", 3, "", "75116"),
    ]
    assert (rows[0].latitude, rows[0].longitude) == (48.857903, 2.283012)
    assert (report.read, report.kept, report.other_postcodes, report.unusable) == (7, 4, 1, 2)


def test_a_file_without_the_ban_columns_is_refused_in_french():
    with pytest.raises(BanFormatError, match="colonnes absentes : numero"):
        list(read_ban(io.StringIO("id;nom_voie;code_postal;lon;lat;rep\n"), BanReadReport()))


def test_demo_streets_all_have_coordinates_inside_the_16th():
    assert {street.name for street in STREETS} == set(ENDS)
    centre = GeoPoint(48.8603, 2.2700)  # the arrondissement, Bois de Boulogne aside
    rows = list(demo_address_points())
    assert len(rows) > 2000
    for postcode, street, number, _, lat, lon in rows:
        assert postcode in ("75016", "75116")
        assert haversine_m(centre, GeoPoint(lat, lon)) < 4000, (street, number)


def test_every_demo_shop_is_placed_at_its_house_number():
    from fixtures.district import generate_district

    table = MemoryTable(demo_address_points())
    for shop in generate_district().merchants:
        found = locate(shop.address.street_address, shop.address.postal_code, table)
        assert found.precision == Precision.HOUSENUMBER, shop.address

import dataclasses

import pytest

from plugins.kernel.address import (
    IN_ZONE_POSTAL_CODES,
    MESSAGES,
    ZoneCheck,
    ZoneCode,
    check_address,
)

IN = ZoneCode.IN_ZONE
OUT = ZoneCode.OUTSIDE_ZONE
BAD_PC = ZoneCode.INVALID_POSTAL_CODE
CITY = ZoneCode.WRONG_CITY
COUNTRY = ZoneCode.WRONG_COUNTRY
CEDEX = ZoneCode.CEDEX
MISSING = ZoneCode.MISSING_FIELD
PO_BOX = ZoneCode.PO_BOX

# (street_address_1, postal_code, city, country, expected code, expected normalized postcode)
CASES = [
    # --- Real addresses in the 16e, as residents type them --------------------------
    ("5 rue de Passy", "75016", "Paris", "FR", IN, "75016"),
    ("12 avenue Mozart", "75016", "PARIS", "FR", IN, "75016"),
    ("40 rue d'Auteuil", "75016", "paris", "fr", IN, "75016"),
    ("90 avenue Victor-Hugo", "75116", "Paris 16e", "FR", IN, "75116"),
    ("10 rue de la Pompe", "75016", "Paris 16ème", "FR", IN, "75016"),
    ("33 avenue Paul-Doumer", "75016", "PARIS 16EME", "FR", IN, "75016"),
    ("1 place du Trocadéro", "75116", "Paris", "France", IN, "75116"),
    ("50 avenue Foch", "75116", "Paris XVIe", "FR", IN, "75116"),
    ("28 rue de l'Annonciation", "75016", "Paris 16ème arrondissement", "FR", IN, "75016"),
    ("60 boulevard Exelmans", "75016", "Paris 16", "FR", IN, "75016"),
    ("15 rue Chardon-Lagache", "75016", "Paris-16e", "FR", IN, "75016"),
    ("120 avenue de Versailles", "75016", "  Paris  ", "FR", IN, "75016"),
    ("116 avenue du Président-Kennedy", "75016", "Paris", "FR", IN, "75016"),
    ("47 rue Raynouard", "75016", "Paris", "FR", IN, "75016"),
    ("2 rue Louis-Boilly", "75016", "Paris 16e arr.", "FR", IN, "75016"),
    ("24 rue du Commandant-Guilbaud", "75016", "Paris", "FR", IN, "75016"),
    ("2 avenue Gordon-Bennett", "75016", "Paris", "FR", IN, "75016"),
    ("8 avenue du Mahatma-Gandhi", "75116", "Paris", "FR", IN, "75116"),
    ("6 place d'Iéna", "75116", "Paris", "FR", IN, "75116"),
    ("13 avenue du Président-Wilson", "75116", "Paris 16e", "FR", IN, "75116"),
    ("70 avenue Kléber", "75116", "paris xvi", "FR", IN, "75116"),
    ("25 rue de Longchamp", "75116", "Paris XVIème", "FR", IN, "75116"),
    ("100 avenue Henri-Martin", "75116", "Paris (16e)", "FR", IN, "75116"),
    ("18 rue Spontini", "75116", "Paris 16 e", "FR", IN, "75116"),
    ("3 rue Cortambert", "75116", "Paris, 16e", "FR", IN, "75116"),
    ("9 rue Lauriston", "75116", "Paris 75116", "FR", IN, "75116"),
    ("21 rue de la Tour", "75116", "Paris", "FR", IN, "75116"),
    ("45 rue Michel-Ange", "75016", "Paris 75016", "FR", IN, "75016"),
    ("11 rue Molitor", "75016", "Paris 16ᵉ", "FR", IN, "75016"),
    ("80 rue La Fontaine", "75016", "Pâris", "FR", IN, "75016"),
    ("7 chaussée de la Muette", "75016", "PARIS 16E ARRONDISSEMENT", "FR", IN, "75016"),
    ("32 rue de Boulainvilliers", "75016", "Paris 16eme", "fR", IN, "75016"),
    ("14 rue Singer", "75016", "paris16", "FR", IN, "75016"),
    ("4 place de la Porte-de-Saint-Cloud", "75016", "Paris 16iéme", "FR", IN, "75016"),
    ("2 avenue de New-York", "75116", "Paris", "FRA", IN, "75116"),
    # --- What people type in the postcode field ------------------------------------
    ("5 rue de Passy", " 75016 ", "Paris", "FR", IN, "75016"),
    ("5 rue de Passy", "75 016", "Paris", "FR", IN, "75016"),
    ("90 avenue Victor-Hugo", "75 1 16", "Paris", "FR", IN, "75116"),
    ("5 rue de Passy", "75\u00a0016", "Paris", "FR", IN, "75016"),  # non-breaking space
    ("5 rue de Passy", "75016 Paris", "Paris", "FR", IN, "75016"),
    ("5 rue de Passy", "75016, Paris 16e", "Paris", "FR", IN, "75016"),
    ("5 rue de Passy", "75016 Boulogne", "Paris", "FR", CITY, "75016"),
    ("5 rue de Passy", "75016 Paris 15e", "Paris", "FR", CITY, "75016"),
    ("5 rue de Passy", "７５０１６", "ＰＡＲＩＳ", "ＦＲ", IN, "75016"),  # full-width
    # --- Neighbours: right next door but outside the zone --------------------------
    ("200 rue de la Convention", "75015", "Paris", "FR", OUT, "75015"),
    ("350 rue de Vaugirard", "75015", "Paris 15e", "FR", OUT, "75015"),
    ("30 avenue de Wagram", "75017", "Paris", "FR", OUT, "75017"),
    ("15 avenue Montaigne", "75008", "Paris", "FR", OUT, "75008"),
    ("5 avenue Anatole-France", "75007", "Paris", "FR", OUT, "75007"),
    ("1 route de la Reine", "92100", "Boulogne-Billancourt", "FR", OUT, "92100"),
    ("100 avenue Charles-de-Gaulle", "92200", "Neuilly-sur-Seine", "FR", OUT, "92200"),
    ("1 rue du Général-Leclerc", "92130", "Issy-les-Moulineaux", "FR", OUT, "92130"),
    ("2 place Charles-de-Gaulle", "92210", "Saint-Cloud", "FR", OUT, "92210"),
    ("1 rue de Rivoli", "75001", "Paris 1er", "FR", OUT, "75001"),
    ("5 rue de Passy", "75000", "Paris", "FR", OUT, "75000"),
    ("5 rue de Passy", "75161", "Paris", "FR", OUT, "75161"),  # digits swapped
    # --- 16e postcode but the city is not (Paris 16e) ------------------------------
    ("1 route de la Reine", "75016", "Boulogne", "FR", CITY, "75016"),
    ("1 route de la Reine", "75016", "Boulogne-Billancourt", "FR", CITY, "75016"),
    ("100 avenue Charles-de-Gaulle", "75116", "Neuilly-sur-Seine", "FR", CITY, "75116"),
    ("5 rue de Passy", "75016", "Paris 15e", "FR", CITY, "75016"),
    ("5 rue de Passy", "75116", "Paris XVIIe", "FR", CITY, "75116"),
    ("5 rue de Passy", "75016", "Paris 75015", "FR", CITY, "75016"),
    ("5 rue de Passy", "75016", "Parisien", "FR", CITY, "75016"),
    ("5 rue de Passy", "75016", "Paris Ier", "FR", CITY, "75016"),
    ("5 rue de Passy", "75116", "Paris 1er arrondissement", "FR", CITY, "75116"),
    ("5 rue de Passy", "75016", "Passy", "FR", CITY, "75016"),
    ("5 rue de Passy", "75016", "Paris France", "FR", CITY, "75016"),
    ("5 rue de Passy", "75016", "Pаris", "FR", CITY, "75016"),  # Cyrillic "а"
    ("5 rue de Passy", "75016", "Раris", "FR", CITY, "75016"),  # Cyrillic "Р" and "а"
    # --- CEDEX: company mailboxes, no courier hand-over -----------------------------
    ("5 rue de Passy", "75116 CEDEX", "Paris", "FR", CEDEX, "75116"),
    ("5 rue de Passy", "75116cedex", "Paris", "FR", CEDEX, None),
    ("5 rue de Passy", "75016", "Paris Cedex 16", "FR", CEDEX, "75016"),
    ("5 rue de Passy", "75775", "Paris Cedex 16", "FR", CEDEX, "75775"),
    ("CS 70001", "75016", "PARIS CEDEX", "FR", CEDEX, "75016"),
    ("Service courrier CEDEX 16", "75016", "Paris", "FR", CEDEX, "75016"),
    ("5 rue de Passy", "ABCDE", "Paris cédex", "FR", CEDEX, None),  # before format
    # --- Other countries ------------------------------------------------------------
    ("5 rue de Passy", "75016", "Paris", "BE", COUNTRY, "75016"),
    ("Boulevard Princesse-Charlotte", "98000", "Monaco", "MC", COUNTRY, "98000"),
    ("1 Main Street", "75460", "Paris", "US", COUNTRY, "75460"),  # Paris, Texas
    ("5 rue de Passy", "75016", "Paris", "Frankreich", COUNTRY, "75016"),
    ("5 rue de Passy", "75016 CEDEX", "Paris", "DE", COUNTRY, "75016"),  # country first
    ("5 rue de Passy", "750", "Paris", "GB", COUNTRY, None),
    # --- Missing fields ---------------------------------------------------------------
    ("5 rue de Passy", "75016", "Paris", "", MISSING, "75016"),
    ("5 rue de Passy", "75016", "", "FR", MISSING, "75016"),
    ("5 rue de Passy", "", "Paris", "FR", MISSING, None),
    ("5 rue de Passy", "   ", "Paris", "FR", MISSING, None),
    ("5 rue de Passy", "75016", " \t ", "FR", MISSING, "75016"),
    ("5 rue de Passy", None, "Paris", "FR", MISSING, None),
    ("5 rue de Passy", "75016", None, "FR", MISSING, "75016"),
    ("5 rue de Passy", "75016", "Paris", None, MISSING, "75016"),
    ("", "", "", "", MISSING, None),
    # A courier needs a door: no street, no delivery.
    ("", "75016", "Paris", "FR", MISSING, "75016"),
    ("   ", "75116", "Paris", "FR", MISSING, "75116"),
    (None, "75016", "Paris", "FR", MISSING, "75016"),
    (" - , ", "75016", "Paris", "FR", MISSING, "75016"),  # punctuation only
    ("\u200b", "75016", "Paris", "FR", MISSING, "75016"),  # invisible only
    # --- Post-office boxes: mail is collected there, nobody opens a door -------------
    ("BP 1234", "75016", "Paris", "FR", PO_BOX, "75016"),
    ("bp1234", "75016", "Paris", "FR", PO_BOX, "75016"),
    ("B.P. 56", "75116", "Paris", "FR", PO_BOX, "75116"),
    ("5 rue de Passy BP 12", "75016", "Paris", "FR", PO_BOX, "75016"),
    ("Boîte postale 12", "75016", "Paris", "FR", PO_BOX, "75016"),
    ("BOITE POSTALE", "75016", "Paris", "FR", PO_BOX, "75016"),
    ("Case postale 7", "75016", "Paris", "FR", PO_BOX, "75016"),
    ("CS 123", "75016", "Paris", "FR", PO_BOX, "75016"),
    ("cs70001", "75116", "Paris 16e", "FR", PO_BOX, "75116"),
    ("TSA 12345", "75016", "Paris", "FR", PO_BOX, "75016"),
    ("T.S.A. 12345", "75016", "Paris", "FR", PO_BOX, "75016"),
    ("PO Box 99", "75016", "Paris", "FR", PO_BOX, "75016"),
    ("P.O. Box 99", "75016", "Paris", "FR", PO_BOX, "75016"),
    ("BP 1234", "7501", "Paris", "FR", PO_BOX, None),  # before the postcode's format
    # ... but not what merely looks like one
    ("12 rue Copernic", "75116", "Paris", "FR", IN, "75116"),
    ("3 rue Bastien-Lepage", "75016", "Paris", "FR", IN, "75016"),
    ("5 villa Csepel", "75016", "Paris", "FR", IN, "75016"),
    ("1 rue BPifrance", "75016", "Paris", "FR", IN, "75016"),
    ("4 rue des Boîtes", "75016", "Paris", "FR", IN, "75016"),
    ("5 rue de Passy", "75016", "Paris", "BE ", COUNTRY, "75016"),
    # --- Malformed postcodes ------------------------------------------------------------
    ("5 rue de Passy", "7501", "Paris", "FR", BAD_PC, None),
    ("5 rue de Passy", "750166", "Paris", "FR", BAD_PC, None),
    ("5 rue de Passy", "ABCDE", "Paris", "FR", BAD_PC, None),
    ("5 rue de Passy", "75O16", "Paris", "FR", BAD_PC, None),  # letter O
    ("5 rue de Passy", "75-016", "Paris", "FR", BAD_PC, None),
    ("5 rue de Passy", "75.016", "Paris", "FR", BAD_PC, None),
    ("5 rue de Passy", "Paris", "Paris", "FR", BAD_PC, None),
    ("5 rue de Passy", "Paris 75016", "Paris", "FR", BAD_PC, None),
    ("5 rue de Passy", "٧٥٠١٦", "Paris", "FR", BAD_PC, None),  # Arabic-Indic digits
    ("5 rue de Passy", "750\u200b16", "Paris", "FR", BAD_PC, None),  # zero-width space
    ("5 rue de Passy", "75016Paris", "Paris", "FR", BAD_PC, None),
    # --- Hostile input --------------------------------------------------------------
    ("5 rue de Passy", "75016'; DROP TABLE account_address;--", "Paris", "FR", BAD_PC, None),
    ("5 rue de Passy", "75016", "Paris' OR '1'='1", "FR", CITY, "75016"),
    ("1'); DELETE FROM order_order; --", "75016", "Paris", "FR", IN, "75016"),
    ("5 rue de Passy", "75016", "Paris", "FR' OR 1=1 --", COUNTRY, "75016"),
    ("x" * 100_000, "75016", "Paris", "FR", IN, "75016"),
    ("5 rue de Passy", "7" * 100_000, "Paris", "FR", BAD_PC, None),
    ("5 rue de Passy", "75016", "Paris " + "16e " * 10_000, "FR", CITY, "75016"),
    ("5 rue de Passy", "75016" + " " * 10_000, "Paris", "FR", IN, "75016"),
    ("5 rue de Passy", "1" + " " * 10_000 + "!", "Paris", "FR", BAD_PC, None),
    ("<script>alert(1)</script>", "75016", "Paris", "FR", IN, "75016"),
    ("5 rue de Passy", "75016", "<b>Paris</b>", "FR", CITY, "75016"),
    ("5 rue de Passy", "75016", "Paris\u200b", "FR", IN, "75016"),  # invisible char ignored
]


@pytest.mark.parametrize(
    "street, postal_code, city, country, expected_code, expected_postal_code",
    CASES,
    ids=[f"{i:03d}-{row[4].value}" for i, row in enumerate(CASES)],
)
def test_check_address(street, postal_code, city, country, expected_code, expected_postal_code):
    result = check_address(
        country=country, city=city, postal_code=postal_code, street_address_1=street
    )

    assert result.code is expected_code
    assert result.in_zone is (expected_code is ZoneCode.IN_ZONE)
    assert result.normalized_postal_code == expected_postal_code
    assert result.message == MESSAGES[expected_code]


@pytest.mark.parametrize(
    "field, value",
    [
        ("street_address_2", "Tour B, CEDEX 16"),
        ("street_address_2", "Bâtiment Cedex"),
        ("city_area", "Cedex 16"),
        ("city_area", "cedex"),
    ],
)
def test_cedex_in_secondary_lines(field, value):
    result = check_address(
        country="FR", city="Paris", postal_code="75016", street_address_1="5 rue de Passy",
        **{field: value},
    )

    assert result.code is ZoneCode.CEDEX


@pytest.mark.parametrize(
    "field, value",
    [
        ("street_address_2", "Bâtiment B, 3e étage, code 1234A"),
        ("street_address_2", None),
        ("city_area", "Passy"),
        ("city_area", "Auteuil"),
        ("street_address_2", "Résidence Cedexia"),  # "cedex" inside a word is not CEDEX
    ],
)
def test_secondary_lines_do_not_block(field, value):
    result = check_address(
        country="FR", city="Paris", postal_code="75016", street_address_1="5 rue de Passy",
        **{field: value},
    )

    assert result.code is ZoneCode.IN_ZONE


def test_zone_constants():
    assert IN_ZONE_POSTAL_CODES == ("75016", "75116")
    assert [code.value for code in ZoneCode] == [code.name for code in ZoneCode]
    assert {code.name for code in ZoneCode} == {
        "IN_ZONE", "OUTSIDE_ZONE", "INVALID_POSTAL_CODE", "WRONG_CITY",
        "WRONG_COUNTRY", "CEDEX", "MISSING_FIELD", "PO_BOX",
    }


@pytest.mark.parametrize("code", list(ZoneCode))
def test_every_code_has_one_french_sentence(code):
    message = MESSAGES[code]

    assert message.endswith(".")
    assert message.count(".") == 1
    assert message[0].isupper()


def test_outside_zone_message_points_to_store_pickup():
    assert MESSAGES[ZoneCode.OUTSIDE_ZONE] == (
        "La livraison groupée est réservée au 16e arrondissement (75016 ou 75116) ; "
        "vous pouvez choisir le retrait en boutique."
    )


@pytest.mark.parametrize(
    "field, value",
    [
        ("street_address_2", "BP 42"),
        ("street_address_2", "Boîte postale 3"),
        ("city_area", "TSA 70011"),
    ],
)
def test_po_box_in_secondary_lines(field, value):
    result = check_address(
        country="FR", city="Paris", postal_code="75016", street_address_1="5 rue de Passy",
        **{field: value},
    )

    assert result.code is ZoneCode.PO_BOX


def test_zone_check_is_frozen():
    result = check_address(country="FR", city="Paris", postal_code="75016", street_address_1="5 rue de Passy")

    assert isinstance(result, ZoneCheck)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.in_zone = False  # type: ignore[misc]


def test_keyword_only():
    with pytest.raises(TypeError):
        check_address("FR", "Paris", "75016")  # type: ignore[misc]

"""Our error codes reach the client; Saleor's mapping still applies to the others."""
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from plugins.kernel.graphql import typed_errors


def codes(error, our_codes=None):
    return [(err.field, err.message, code) for err, code, _ in typed_errors(error, our_codes)]


def test_every_code_is_kept_by_default():
    error = ValidationError({"slot_id": ValidationError("Choisissez un créneau.", code="SLOT_REQUIRED")})

    assert codes(error) == [("slotId", "Choisissez un créneau.", "SLOT_REQUIRED")]


def test_only_our_codes_are_kept_the_others_are_mapped_like_saleor():
    error = ValidationError({
        "siret": ValidationError("Clé incorrecte.", code="INVALID_SIRET"),
        "email": ValidationError("Adresse invalide.", code="invalid_email"),
        "name": ValidationError("Obligatoire.", code="blank"),
    })

    assert codes(error, {"INVALID_SIRET"}) == [
        ("siret", "Clé incorrecte.", "INVALID_SIRET"),
        ("email", "Adresse invalide.", "invalid"),
        ("name", "Obligatoire.", "required"),
    ]


def test_errors_without_a_field():
    assert codes(ValidationError("Panier vide.", code="EMPTY")) == [(None, "Panier vide.", "EMPTY")]
    by_form = ValidationError({NON_FIELD_ERRORS: ValidationError("Panier vide.", code="EMPTY")})
    assert codes(by_form) == [(None, "Panier vide.", "EMPTY")]

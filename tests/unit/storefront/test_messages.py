"""API errors become French messages next to the right form field."""
import pytest

from storefront_theme.messages import CODE_MESSAGES, ZONE_MESSAGES, form_errors, message_for

FRENCH_FROM_API = "Ce créneau est complet ; merci d'en choisir un autre."


@pytest.mark.parametrize("errors, expected", [
    # Stock Saleor speaks English: our French sentence replaces it.
    ([{"field": "email", "message": "Enter a valid email address.", "code": "INVALID"}],
     {"email": CODE_MESSAGES["INVALID"]}),
    ([{"field": "quantity", "message": "Could not add item", "code": "INSUFFICIENT_STOCK"}],
     {"quantity": CODE_MESSAGES["INSUFFICIENT_STOCK"]}),
    ([{"field": "lines", "message": "Insufficient", "code": "INSUFFICIENT_STOCK"}],
     {"quantity": CODE_MESSAGES["INSUFFICIENT_STOCK"]}),
    # Our mutations speak French: the API's own, more precise, sentence is kept.
    ([{"field": "delivery_slot", "message": FRENCH_FROM_API, "code": "SLOT_FULL"}], {"slot": FRENCH_FROM_API}),
    ([{"field": "slotId", "message": FRENCH_FROM_API, "code": "SLOT_FULL"}], {"slot": FRENCH_FROM_API}),
    ([{"field": "shipping_method", "message": "La livraison groupée est réservée au 16e.", "code": "OUTSIDE_ZONE"}],
     {"shippingMethod": "La livraison groupée est réservée au 16e."}),
    ([{"field": "shippingMethodId", "message": "Shipping method not applicable", "code": "SHIPPING_METHOD_NOT_APPLICABLE"}],
     {"shippingMethod": CODE_MESSAGES["SHIPPING_METHOD_NOT_APPLICABLE"]}),
    # No field: a form-level message.
    ([{"field": None, "message": "Provided payment methods can not cover the checkout's total amount",
       "code": "CHECKOUT_NOT_FULLY_PAID"}], {"__all__": CODE_MESSAGES["CHECKOUT_NOT_FULLY_PAID"]}),
    ([{"field": "token", "message": "Payment declined", "code": "PAYMENT_ERROR"}],
     {"payment": CODE_MESSAGES["PAYMENT_ERROR"]}),
    ([{"field": "email", "message": "Please, enter valid credentials", "code": "INVALID_CREDENTIALS"}],
     {"email": CODE_MESSAGES["INVALID_CREDENTIALS"]}),
    # The first error of a field wins.
    ([{"field": "email", "message": "x", "code": "REQUIRED"}, {"field": "email", "message": "y", "code": "INVALID"}],
     {"email": CODE_MESSAGES["REQUIRED"]}),
    ([], {}),
])
def test_form_errors(errors, expected):
    assert form_errors(errors) == expected


@pytest.mark.parametrize("code, field", [
    ("OUTSIDE_ZONE", "postalCode"), ("INVALID_POSTAL_CODE", "postalCode"), ("CEDEX", "postalCode"),
    ("MISSING_FIELD", "postalCode"), ("WRONG_CITY", "city"), ("WRONG_COUNTRY", "country"),
    ("PO_BOX", "streetAddress1"),
])
def test_every_zone_code_goes_next_to_its_field_in_french(code, field):
    errors = form_errors([{"field": "shippingAddress", "message": None, "code": code}])
    assert errors == {field: ZONE_MESSAGES[code]}


def test_unknown_code_with_english_message_gets_a_generic_french_sentence():
    assert message_for("SOMETHING_NEW", "Something broke") == CODE_MESSAGES["GRAPHQL_ERROR"]


def test_every_message_is_french():
    for message in CODE_MESSAGES.values():
        assert message_for(None, message) == message


@pytest.mark.parametrize("field, expected_field", [
    ("shipping_address", "postalCode"), ("postal_code", "postalCode"), ("street_address_1", "streetAddress1"),
    ("delivery_slot", "slot"), ("shipping_method", "shippingMethod"), ("checkoutId", "__all__"),
])
def test_snake_case_fields_land_on_the_form_field(field, expected_field):
    message = "Cette adresse est hors du 16e ; choisissez le retrait en boutique."
    assert form_errors([{"field": field, "message": message, "code": "INVALID"}]) == {expected_field: message}

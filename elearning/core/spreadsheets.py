"""Tables as downloads (CSV and Excel) that open right in Belgian spreadsheets and never run a
cell as a formula. Every export of the site goes through here."""

import csv
import io

from openpyxl import Workbook

from django.http import HttpResponse

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def inert(value):
    """A cell a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _attachment(response, filename):
    # Callers keep names and titles out of file names: downloads folders and mail show them.
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(rows, *, filename):
    """`rows` (header first) as CSV: a byte order mark so Excel reads UTF-8 (accents), and the
    semicolon, Excel's list separator in Belgium, so the columns open split."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    for row in rows:
        writer.writerow([inert(value) for value in row])
    return _attachment(response, filename)


def xlsx_response(rows, *, filename, sheet_title):
    """`rows` (header first) as one Excel sheet; numbers stay numbers, text stays text."""
    workbook = Workbook()
    sheet = workbook.active
    # Excel's limits for a sheet name: 31 characters, none of []:*?/\
    sheet.title = str(sheet_title).translate(SHEET_TITLE_FORBIDDEN)[:31] or "Sheet"
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text as typed: "=..." stays text (no formula)
    content = io.BytesIO()
    workbook.save(content)
    return _attachment(HttpResponse(content.getvalue(), content_type=XLSX_TYPE), filename)

"""An SRG-shaped export of N clients with five running voorzieningen each, as the
municipal system writes it: a CSV with ';' (as LibreOffice saves it) and, where
openpyxl is installed, the same as .xlsx. Used by bench/run.sh.

    python3 bench/export.py OUT_STEM N
"""
import csv
import sys

HEADERS = ["BSN", "Voorletters", "Voorvoegsel", "Geslachtsnaam", "Geboortedatum",
           "Telefoonnummer", "Straat", "Huisnummer", "Postcode", "Woonplaats", "Doelgroep",
           "Soort voorziening", "Begindatum voorziening", "Einddatum voorziening", "Status"]
SOORTEN = ["Re-integratietraject", "Scholing", "Participatieplaats", "Vrijwilligerswerk",
           "Schuldhulpverlening"]
DOELGROEPEN = ["Werkfit", "Bijna werkfit", "Ontwikkeling", "Zorg", "Beheer"]


def bsn(n):
    """The n-th number from 300000000 up that passes the elfproef."""
    k = 300_000_000 + n * 100
    while True:
        digits = [int(c) for c in f"{k:09d}"]
        total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1))) - digits[8]
        if total % 11 == 0:
            return f"{k:09d}"
        k += 1


def rows(n):
    for i in range(n):
        person = [bsn(i), chr(ord("A") + i % 26) + ".", "de" if i % 3 == 0 else "",
                  f"Achternaam{i:04d}", f"{1 + i % 28:02d}-{1 + i % 12:02d}-19{60 + i % 40}",
                  f"06-{10_000_000 + i:08d}", "Dorpsstraat", str(1 + i), "8011 AB", "Zwolle",
                  DOELGROEPEN[i % 5]]
        for j, soort in enumerate(SOORTEN):
            yield person + [soort, f"{1 + j:02d}-10-2026", f"{1 + j:02d}-06-2027", "Lopend"]


def main():
    stem, n = sys.argv[1], int(sys.argv[2])
    data = list(rows(n))
    with open(f"{stem}.csv", "w", newline="", encoding="utf-8-sig") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(HEADERS)
        out.writerows(data)
    try:
        import openpyxl
    except ImportError:
        return
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in data:
        sheet.append(row)
    book.save(f"{stem}.xlsx")


main()

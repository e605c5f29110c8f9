"""Build the contact-list files of the import tests: `python tests/data/contacts/make_contacts.py`.

Each file is written byte by byte as a spreadsheet exports it: Excel's "CSV UTF-8"
(with a byte-order mark), Excel's "CSV" on an Arabic or a French Windows (code
pages 1256 and 1252), and a semicolon-separated export. The output is deterministic.
"""

import codecs
from pathlib import Path

HERE = Path(__file__).resolve().parent

HEADER = ["email", "name", "organisation", "language", "country", "stakeholder group"]

# Good and bad rows, the reason a bad one is rejected in the comment. Row numbers count the header as row 1.
MIXED = [
    ["amina.haddad@example.org", "أمينة حداد", "مختبر الحقوق الرقمية", "ar", "TN", "civil_society"],  # row 2
    ["j.smith@example.org", "John Smith", "Internet Society", "en", "US", "Academic and technical community"],  # 3
    ["not-an-address", "Nobody", "", "en", "", ""],  # 4: invalid e-mail
    ["Amina.Haddad@Example.org", "أمينة حداد", "", "ar", "TN", ""],  # 5: duplicate of row 2 (case differs)
    ["li.wei@example.cn", "李伟", "中国互联网协会", "zh", "CN", "private_sector"],  # 6
    ["olga@example.ru", "Ольга Иванова", "", "de", "RU", ""],  # 7: unknown language
    ["", "No address", "", "fr", "", ""],  # 8: missing e-mail
    ["marie@example.fr", "Marie Dubois", "Ministère du numérique", "French", "FRA", "Government"],  # 9
    ["x@example.org", "Somebody", "", "en", "XX", ""],  # 10: unknown country
    ["y@example.org", "Somebody else", "", "en", "", "journalists"],  # 11: unknown stakeholder group
]

ARABIC_ROWS = [
    ["ahmad@example.org", "أحمد المنصوري", "جمعية الإنترنت في لبنان", "ar", "LB", "civil_society"],
    ["fatima@example.org", "فاطمة الزهراء بن علي", "وزارة الاتصالات وتقنية المعلومات", "ar", "SA", "government"],
    ["khalid@example.org", "خالد العتيبي", "هيئة الاتصالات", "ar", "SA", "government"],
]

FRENCH_ROWS = [
    ["francois@example.org", "François Lefèvre", "Société générale des télécoms", "fr", "FR", "private_sector"],
    ["zoe@example.org", "Zoë Müller", "Université de Genève", "fr", "CH", "academic_technical"],
    ["eric@example.org", "Éric Besançon", "Association française des utilisateurs", "fr", "FR", "civil_society"],
]


def csv_text(rows, delimiter=","):
    def cell(value):
        return f'"{value}"' if delimiter in value or '"' in value else value
    return "".join(delimiter.join(cell(value) for value in row) + "\r\n" for row in [HEADER, *rows])


def main():
    files = {
        "mixed-utf8-bom.csv": codecs.BOM_UTF8 + csv_text(MIXED).encode("utf-8"),
        "arabic-cp1256.csv": csv_text(ARABIC_ROWS).encode("cp1256"),
        "french-cp1252.csv": csv_text(FRENCH_ROWS).encode("cp1252"),
        "arabic-semicolon-utf8.csv": csv_text(ARABIC_ROWS, delimiter=";").encode("utf-8"),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()

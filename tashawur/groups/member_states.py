"""The 193 member states of the United Nations, by ISO 3166-1 alpha-2 code.

Membership is a political fact that no locale database records, so the codes
are listed here; every name comes from CLDR (Babel), in each of the six
languages, and the ISO data (alpha-3, numeric) from pycountry.
"""

from functools import lru_cache

import pycountry
from babel import Locale

UN_MEMBER_STATES = (
    "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH "
    "CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ "
    "FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI "
    "KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR "
    "NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST "
    "SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG "
    "UA AE GB TZ US UY UZ VU VE VN YE ZM ZW"
).split()

_BABEL_LOCALES = {"ar": "ar", "zh": "zh_Hans", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


@lru_cache(maxsize=8)
def _territories(language: str) -> dict:
    return Locale.parse(_BABEL_LOCALES.get(language, "en")).territories


def country_name(code: str, language: str) -> str:
    """The CLDR name of a country in one of the six languages (English fallback)."""
    return _territories(language).get(code) or _territories("en").get(code) or code


def iso_record(code: str):
    record = pycountry.countries.get(alpha_2=code)
    if record is None:
        raise LookupError(f"{code} is not an ISO 3166-1 alpha-2 code")
    return record


def ensure_member_states(member_state_model) -> int:
    """Create the member states that are missing (used by the migration and after a test flush)."""
    existing = set(member_state_model.objects.values_list("code", flat=True))
    missing = [
        member_state_model(code=code, alpha3=record.alpha_3, numeric=record.numeric)
        for code in UN_MEMBER_STATES
        if code not in existing
        for record in [iso_record(code)]
    ]
    member_state_model.objects.bulk_create(missing)
    return len(missing)

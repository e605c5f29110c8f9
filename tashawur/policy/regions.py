"""UN M49 regions and sub-regions of the member states, for the filters of the repository and the matrix.

The containment is in ``data/m49.json`` (generated from CLDR by ``data/make_m49.py``);
the names of regions, like those of countries, come from CLDR through Babel.
"""

import json
from functools import lru_cache
from pathlib import Path

from tashawur.core.languages import content_language
from tashawur.groups.member_states import country_name

M49_FILE = Path(__file__).resolve().parent / "data" / "m49.json"


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(M49_FILE.read_text(encoding="utf-8"))


def region_codes() -> tuple[str, ...]:
    """Regions and sub-regions, each region followed by its sub-regions."""
    codes = []
    for region, subregions in _data()["regions"].items():
        codes += [region, *subregions]
    return tuple(codes)


def is_region(code: str) -> bool:
    return code in region_codes()


def region_name(code: str, language: str | None = None) -> str:
    """A region's CLDR name ("Africa", "Western Asia") in the reader's language."""
    return country_name(code, content_language(language))


def region_choices(language: str | None = None) -> list[tuple[str, str]]:
    """(code, name) with each sub-region indented under its region, for a select."""
    choices = []
    for region, subregions in _data()["regions"].items():
        choices.append((region, region_name(region, language)))
        choices += [(code, "\u2003" + region_name(code, language)) for code in subregions]
    return choices


def states_in(code: str) -> frozenset[str]:
    """ISO codes of the member states in a region or sub-region."""
    return frozenset(
        state for state, (region, subregion) in _data()["member_states"].items() if code in (region, subregion)
    )


def regions_of(state: str) -> tuple[str, ...]:
    """(region, sub-region) of a member state; empty for a code outside the table."""
    return tuple(_data()["member_states"].get(state, ()))


def place_codes_in(code: str) -> frozenset[str]:
    """Everything a filter on ``code`` matches: the region itself, its sub-regions and its states."""
    subregions = _data()["regions"].get(code, [])
    return frozenset({code, *subregions, *states_in(code)})

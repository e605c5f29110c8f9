"""Write ``m49.json``: each UN member state's region and sub-region in the UN M49 standard.

The containment comes from CLDR (``supplemental/territoryContainment.json`` of the
``cldr-core`` package, which follows M49); Babel ships CLDR's names but not its
containment. Names are never stored here: they come from CLDR through Babel.

    npm pack cldr-core && tar xzf cldr-core-*.tgz
    python tashawur/policy/data/make_m49.py package/supplemental/territoryContainment.json
"""

import json
import sys
from pathlib import Path

REGIONS = ("002", "019", "142", "150", "009")  # Africa, Americas, Asia, Europe, Oceania
HERE = Path(__file__).resolve().parent


def main(containment_path: str) -> None:
    sys.path.insert(0, str(HERE.parents[2]))
    from tashawur.groups.member_states import UN_MEMBER_STATES

    containment = json.loads(Path(containment_path).read_text())["supplemental"]["territoryContainment"]
    parent = {}
    for code, entry in containment.items():
        if "-status-" in code or entry.get("_grouping") == "true":
            continue  # deprecated entries and groupings (EU, 419 Latin America) are not M49 levels
        for child in entry.get("_contains", []):
            parent.setdefault(child, code)
    states = {}
    for state in UN_MEMBER_STATES:
        subregion = parent[state]
        region = subregion if subregion in REGIONS else parent[subregion]
        while region not in REGIONS:  # e.g. Northern Europe 154 -> Europe 150
            region = parent[region]
        states[state] = [region, subregion]
    subregions = {code: sorted({sub for reg, sub in states.values() if reg == code}) for code in REGIONS}
    lines = ",\n".join(f"  {json.dumps(code)}: {json.dumps(pair)}" for code, pair in sorted(states.items()))
    text = (
        "{\n"
        f' "source": {json.dumps("UN M49 by CLDR territoryContainment (cldr-core)")},\n'
        f' "regions": {json.dumps(subregions)},\n'
        ' "member_states": {\n' + lines + "\n }\n}\n"
    )
    json.loads(text)
    (HERE / "m49.json").write_text(text)


if __name__ == "__main__":
    main(sys.argv[1])

"""Build src/tidings/data/cameo/codebook.json from ../shared/reference/cameo_codebook.csv.

Only facts are carried over: code, level, name, Goldstein value (GDELT variant, falling
back to the ICEWS one), quad class, PLOVER event type and mode (a code without its own
PLOVER entry inherits its parent's; appeal codes, absent from CAMEO2PLOVER-2021, take the
REQUEST type and mode of their parallel demand code). Descriptions, usage notes and
examples are left out.

    python tools/build_codebook.py [--reference ../shared/reference]
"""
from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "tidings" / "data" / "cameo" / "codebook.json"


def _float(value: str) -> float | None:
    value = (value or "").strip()
    return float(value) if value else None


def build(reference: Path) -> dict:
    rows = list(csv.DictReader((reference / "cameo_codebook.csv").open(encoding="utf-8")))
    codes: dict[str, dict] = {}
    for row in rows:
        code = row["cameo_code"].strip()
        if not code.isdigit():
            continue
        goldstein = _float(row["goldstein_gdelt"])
        if goldstein is None:
            goldstein = _float(row["goldstein_icews"])
        codes[code] = {
            "name": row["name"].strip(),
            "level": int(row["level"]),
            "goldstein": goldstein,
            "quad_class": int(row["quad_class"]) if row["quad_class"].strip() else None,
            "plover_type": row["plover_event"].strip() or None,
            "plover_mode": row["plover_mode"].strip() or None,
        }
    # inherit missing values from the nearest parent (code minus its last digit)
    for code in sorted(codes, key=len):
        entry = codes[code]
        parent = code[:-1]
        while parent and parent not in codes:
            parent = parent[:-1]
        if len(parent) >= 2:
            for key in ("goldstein", "quad_class", "plover_type"):
                if entry[key] is None:
                    entry[key] = codes[parent][key]
    # CAMEO2PLOVER-2021 lists no appeal (02) codes; PLOVER folds appeals and demands into
    # REQUEST, so an appeal takes the type and mode of its parallel demand code (0211 ↔ 1011).
    for code, entry in codes.items():
        if code.startswith("02") and entry["plover_type"] is None:
            parallel = codes.get("10" + code[2:]) or codes["10"]
            entry["plover_type"] = parallel["plover_type"] or "REQUEST"
            entry["plover_mode"] = parallel["plover_mode"]
    return {"source": "CAMEO codebook (andybega/icews), GDELT Goldstein table, PLOVER CAMEO2PLOVER-2021",
            "codes": codes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reference", type=Path, default=ROOT / ".." / "shared" / "reference")
    args = parser.parse_args()
    data = build(args.reference)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(data['codes'])} codes to {OUT}")


if __name__ == "__main__":
    main()

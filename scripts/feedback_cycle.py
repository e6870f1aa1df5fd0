"""Helpers of scripts/feedback-cycle.sh: decide the review queue's random slice as the world's truth says, and report the cycle."""
import csv
import json
import os
import sys
import urllib.request


def abusive_accounts(truth):
    with open(truth, newline="") as f:
        rows = csv.reader(f)
        next(rows)
        return {row[0] for row in rows if row}


def call(url, key, path, body=None):
    request = urllib.request.Request(url + path, headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"},
                                     data=None if body is None else json.dumps(body).encode(), method="GET" if body is None else "POST")
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def decide(url, key, truth):
    abusive = abusive_accounts(truth)
    queue = call(url, key, "/v1/review")
    decided = 0
    for item in queue["items"]:
        if item["kind"] != "random" or item.get("decision"):
            continue
        label = "abusive" if item["account_id"] in abusive else "benign"
        call(url, key, "/v1/labels", {"account_id": item["account_id"], "label": label, "note": "feedback-cycle: as truth.csv says"})
        decided += 1
    print(f"decided {decided} random items", file=sys.stderr)


def load(work, name):
    with open(os.path.join(work, name)) as f:
        return json.load(f)


def first_line(work, name):
    with open(os.path.join(work, name)) as f:
        lines = [line.strip() for line in f if line.strip()]
    return lines[-1] if lines else ""


def report(work, truth):
    abusive = abusive_accounts(truth)
    with open(os.path.join(work, "scores1.csv"), newline="") as f:
        scores = [(row["account_id"], float(row["score"]), row["band"]) for row in csv.DictReader(f)]
    review = load(work, "review1.json")
    precision = load(work, "precision1.json")
    drift = load(work, "drift2.json")["drift"]
    models = load(work, "models.json")
    out = {"accounts": len(scores), "abusive_in_truth": len(abusive), "runs": [first_line(work, "run1.time"), first_line(work, "run2.time")]}

    kinds = {}
    for item in review["items"]:
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
    clusters = sum(1 for item in review["items"] if item.get("cluster_id") is not None)
    out["queue"] = {"items": review["total"], "by_kind": kinds, "cluster_items": clusters, "decided": review["decided"]}
    print(f"accounts {len(scores):,}, abusive in truth.csv {len(abusive):,}")
    print("; ".join(out["runs"]))
    print(f"queue: {review['total']} items {kinds}, {clusters} cluster items, {review['decided']} decided")

    print("\n| band | accounts | decided | abusive | measured | 95% Wilson interval | true |\n|---|---:|---:|---:|---:|---|---:|")
    out["bands"] = []
    for b in precision["bands"]:
        members = [a for a, _, band in scores if band == b["band"]]
        true = sum(a in abusive for a in members) / len(members) if members else None
        measured = "–" if b["precision"] is None else f"{b['precision']:.2f}"
        print(f"| {b['band']} | {b['accounts']:,} | {b['decided']} | {b['abusive']} | {measured} | {b['lower']:.2f}–{b['upper']:.2f} | {true:.3f} |")
        out["bands"].append(dict(b, true_precision=true))

    print("\n| enforce at | actioned | evidence | expected precision | interval | true |\n|---|---:|---:|---:|---|---:|")
    out["what_if"] = []
    for w in precision["what_if"]:
        members = [a for a, s, _ in scores if s >= w["threshold"]]
        true = sum(a in abusive for a in members) / len(members) if members else None
        expected = "–" if w["precision"] is None else f"{w['precision']:.3f}"
        print(f"| {w['threshold']} | {w['actioned']:,} | {w['decided']} | {expected} | {w['lower']:.2f}–{w['upper']:.2f} | {true:.3f} |")
        out["what_if"].append(dict(w, true_precision=true))

    measures = drift["measures"]
    shifted = [m for m in measures if m["level"] == "shift"]
    score = next((m for m in measures if m["variable"] == "score"), None)
    others = [m for m in measures if m["level"] != "shift" and m["variable"] != "score"]
    print(f"\ndrift of run {drift['run_id']} against run {drift['reference_run_id']} ({drift['reference_rows']:,} rows), {len(measures)} variables:")
    print("  shifted: " + ", ".join(f"{m['variable']} {m['psi']:.2f} (threshold {m['shift_at']})" for m in shifted))
    print(f"  every other input: PSI at most {max((m['psi'] for m in others), default=0):.3f}; score PSI {score['psi']:.3f} ({score['level']})" if score else "  no score measure")
    print(f"  clusters {drift['clusters']} vs {drift['reference_clusters']}, mean size {drift['mean_cluster_size']:.1f} vs {drift['reference_mean_cluster_size']:.1f}; "
          f"{drift['labels_since_reference']} labels since the reference; previous queue {drift['queue_decided']} of {drift['queue_items']} decided")
    out["drift"] = drift

    print("\nmodels (newest first):")
    for m in models["models"]:
        r = m.get("release") or {}
        print(f"  {m['version']}{' (serving)' if m['serving'] else ''}: {r.get('reason', 'no decision')}")
    out["models"] = models
    with open(os.path.join(work, "..", f"feedback-cycle-{len(scores)}.json"), "w") as f:
        json.dump(out, f, indent=2)


if __name__ == "__main__":
    if sys.argv[1] == "decide":
        decide(*sys.argv[2:5])
    else:
        report(*sys.argv[2:4])

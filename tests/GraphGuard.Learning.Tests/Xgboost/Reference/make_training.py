"""Reference training run of XGBoost's own Python package -> fixtures/training.json.

The binding must reproduce xgboost.train with early stopping on the same data and parameters: the same
best iteration and score, the same number of rounds, the same predictions and SHAP contributions. Both
load the same libxgboost, so agreement is exact up to float printing.

Run with Debian's interpreter:  /usr/bin/python3 tests/GraphGuard.Learning.Tests/Xgboost/Reference/make_training.py
"""
import json
import os
import random

import numpy as np
import xgboost as xgb

COLUMNS = 5
NAMES = ["shared_devices", "account_age", "post_rate", "flag_share", "noise"]
PARAMS = {
    "objective": "binary:logistic", "eta": 0.3, "max_depth": 6, "min_child_weight": 1, "subsample": 0.8,
    "colsample_bytree": 0.8, "lambda": 1, "alpha": 0, "scale_pos_weight": 1, "nthread": 1, "seed": 3,
    "tree_method": "hist", "max_bin": 256, "eval_metric": ["auc", "logloss"],
}


def problem(rows, rng):
    """Label = x0 + x1 > 0, a tenth flipped; a twentieth of the values missing."""
    x = np.array([[rng.uniform(-1, 1) for _ in range(COLUMNS)] for _ in range(rows)], dtype=np.float32)
    y = np.array([float((r[0] + r[1] > 0) != (rng.random() < 0.1)) for r in x], dtype=np.float32)
    for r in range(rows):
        for c in range(COLUMNS):
            if rng.random() < 0.05:
                x[r, c] = np.nan
    return x, y


def cells(x):
    return [None if np.isnan(v) else float(v) for v in x.ravel()]


def main():
    rng = random.Random(17)
    xt, yt = problem(300, rng)
    xv, yv = problem(200, rng)
    dtrain = xgb.DMatrix(xt, label=yt, feature_names=NAMES)
    dvalid = xgb.DMatrix(xv, label=yv, feature_names=NAMES)
    booster = xgb.train(PARAMS, dtrain, num_boost_round=200, evals=[(dvalid, "valid")],
                        early_stopping_rounds=10, verbose_eval=False)
    best = booster.best_iteration
    fixture = {
        "xgboost": xgb.__version__,
        "columns": COLUMNS, "names": NAMES, "params": PARAMS, "rounds": 200, "early_stopping_rounds": 10,
        "train": {"values": cells(xt), "labels": yt.tolist()},
        "valid": {"values": cells(xv), "labels": yv.tolist()},
        "best_iteration": best, "best_score": booster.best_score,
        "boosted_rounds": booster.num_boosted_rounds(),
        "probabilities": booster.predict(dvalid, iteration_range=(0, best + 1)).tolist(),
        "contributions": booster.predict(dvalid, pred_contribs=True, iteration_range=(0, best + 1)).ravel().tolist(),
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "training.json")
    with open(out, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))


if __name__ == "__main__":
    main()

"""The reference for GraphGuard's text classifiers: scikit-learn's TF-IDF (word uni- and bigrams, sublinear tf)
and logistic regression (its defaults), on the split GraphGuard wrote to DIR. Prints JSON per policy."""
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main(folder):
    train = read(folder + "/train.jsonl")
    held_out = read(folder + "/held_out.jsonl")
    with open(folder + "/labels.json", encoding="utf-8") as f:
        labels = json.load(f)
    results = {}
    for label in labels:
        start = time.perf_counter()
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        x_train = vectorizer.fit_transform([r["text"] for r in train])
        model = LogisticRegression(max_iter=1000)
        model.fit(x_train, [r["label"] == label for r in train])
        seconds = time.perf_counter() - start
        truth = [r["label"] == label for r in held_out]
        scores = model.predict_proba(vectorizer.transform([r["text"] for r in held_out]))[:, 1]
        results[label] = {
            "auroc": roc_auc_score(truth, scores),
            "auprc": average_precision_score(truth, scores),
            "seconds": seconds,
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1])

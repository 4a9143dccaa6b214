"""Runs ../shared/bench/peer_sklearn.py unchanged and also writes each document's id and cluster.

Usage: /usr/bin/python3 peer_labels.py LABELS_OUT PEER_SCRIPT [peer arguments...]

The bench's stability sitting needs the peer's partition, not only its scores, for the agreement
between seeds and between a corpus and its 90% subset. KMeans/MiniBatchKMeans.fit_predict are wrapped
to keep the labels; they are written as "id<TAB>cluster" lines, in the peer's document order, at exit,
after the peer has printed its JSON line (so its timings and peak memory are the peer's own). Ids are
read the way the peer reads documents: non-blank lines that parse as JSON. --limit and
--single-label-only would drop documents that this reading keeps, so they are refused.
"""
import atexit
import gzip
import json
import runpy
import sys

out_path, peer = sys.argv[1], sys.argv[2]
if any(a.startswith(("--limit", "--single-label-only")) for a in sys.argv[3:]):
    sys.stderr.write("peer_labels.py: --limit and --single-label-only are not supported (the labels would not line up with the ids)\n")
    sys.exit(2)
kept = {}

import sklearn.cluster  # noqa: E402  (imported here so the wrapper is in place before the peer runs)

for cls in (sklearn.cluster.KMeans, sklearn.cluster.MiniBatchKMeans):
    def fit_predict(self, X, y=None, sample_weight=None, _original=cls.fit_predict):
        pred = _original(self, X, y, sample_weight=sample_weight)
        kept["pred"] = pred
        return pred

    cls.fit_predict = fit_predict


def corpus_ids(path):
    with open(path, "rb") as fb:
        opener = gzip.open if fb.read(2) == b"\x1f\x8b" else open
    ids = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                ids.append(json.loads(line).get("id"))
            except json.JSONDecodeError:
                continue
    return ids


def write_labels():
    if "pred" not in kept:
        sys.stderr.write("peer_labels.py: the peer never called fit_predict; no labels written\n")
        return
    ids = corpus_ids(sys.argv[1])  # after runpy, argv is the peer's: argv[1] is the corpus
    if len(ids) != len(kept["pred"]):
        sys.stderr.write("peer_labels.py: %d documents read but %d labels; no labels written\n" % (len(ids), len(kept["pred"])))
        return
    with open(out_path, "w") as f:
        for doc_id, cluster in zip(ids, kept["pred"]):
            f.write("%s\t%d\n" % (doc_id, cluster))


atexit.register(write_labels)
sys.argv = [peer] + sys.argv[3:]
runpy.run_path(peer, run_name="__main__")

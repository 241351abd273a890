#!/usr/bin/env python3
"""numpy (and scipy, if installed) counterpart of `classifier-lab bench engine`: the same rows, sizes and
options, timed the CS231n way on float32 arrays, printed in the same table format.

  distanceMatrix L2  the "no-loop" form sqrt(max(0, (X**2).sum(1)[:,None] + (Y**2).sum(1)[None,:] - 2*X@Y.T))
  distanceMatrix L1  scipy.spatial.distance.cdist(X, Y, 'cityblock') (skipped without scipy)
  nearest            queries in blocks of --block rows: the block's distances as above (L1: cdist), then
                     argmin (k = 1) or argpartition + sort of the k smallest
The uint8 -> float32 conversion is done once, before timing; the reference norms are part of every timed run.
"""
import argparse
import os
import statistics
import sys
import time

import numpy as np

try:
    from scipy.spatial.distance import cdist
except ImportError:  # scipy is optional
    cdist = None

CIFAR_DIMS = 3072
MATRIX_LIMIT = 50_000_000


def cifar_rows(folder, names, rows):
    parts, have = [], 0
    for name in names:
        if have == rows:
            break
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            sys.exit(f"numpy_knn.py: missing CIFAR-10 batch {path}")
        records = np.fromfile(path, dtype=np.uint8).reshape(-1, CIFAR_DIMS + 1)
        take = min(rows - have, len(records))
        parts.append(records[:take, 1:])
        have += take
    if have < rows:
        sys.exit(f"numpy_knn.py: the batches in {folder} hold only {have} images, asked for {rows}")
    return np.concatenate(parts)


def l2_matrix(x, y):
    sq = (x ** 2).sum(1)[:, None] + (y ** 2).sum(1)[None, :] - 2 * x @ y.T
    return np.sqrt(np.maximum(sq, 0))


def l1_matrix(x, y):
    return cdist(x, y, "cityblock")


def nearest(x, y, k, metric, block):
    yy = (y ** 2).sum(1)
    out = np.empty((len(x), k), dtype=np.int64)
    for start in range(0, len(x), block):
        xb = x[start:start + block]
        if metric == "L2":
            d = (xb ** 2).sum(1)[:, None] + yy[None, :] - 2 * xb @ y.T
        else:
            d = cdist(xb, y, "cityblock")
        if k == 1:
            out[start:start + block, 0] = d.argmin(1)
        else:
            part = np.argpartition(d, k - 1, axis=1)[:, :k]
            order = np.take_along_axis(d, part, 1).argsort(1, kind="stable")
            out[start:start + block] = np.take_along_axis(part, order, 1)
    return out


def timed(task, warmup, runs):
    for _ in range(warmup):
        task()
    ms = []
    for _ in range(runs):
        t0 = time.perf_counter()
        task()
        ms.append((time.perf_counter() - t0) * 1e3)
    ms.sort()
    return ms


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--queries", type=int, default=500)
    p.add_argument("--refs", type=int, default=5000)
    p.add_argument("--dims", type=int, default=3072, help="values per row for random data")
    p.add_argument("--metric", default="L2", help="L1 and/or L2, comma-separated")
    p.add_argument("--k", default="1,10", help="neighbour counts, comma-separated")
    p.add_argument("--data", default="random", help="CIFAR-10 binary folder, or 'random'")
    p.add_argument("--no-matrix", action="store_true")
    p.add_argument("--no-nearest", action="store_true")
    p.add_argument("--threads", type=int, help="ignored; numpy's BLAS uses its own threads")
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--block", type=int, default=500, help="queries per block in nearest (default 500)")
    a = p.parse_args()
    metrics = a.metric.upper().split(",")
    ks = [int(v) for v in a.k.split(",")]
    for m in metrics:
        if m not in ("L1", "L2"):
            sys.exit(f"numpy_knn.py: metric {m} is not timed here (L1 or L2)")
    if a.data == "random":
        rng = np.random.default_rng(a.seed)
        xq = rng.integers(0, 256, (a.queries, a.dims), dtype=np.uint8)
        yr = rng.integers(0, 256, (a.refs, a.dims), dtype=np.uint8)
        source = "random data"
    else:
        xq = cifar_rows(a.data, ["test_batch.bin"], a.queries)
        yr = cifar_rows(a.data, [f"data_batch_{i}.bin" for i in range(1, 6)], a.refs)
        source = f"CIFAR-10 {a.data}"
    x = xq.astype(np.float32)
    y = yr.astype(np.float32)
    print(f"numpy {np.__version__}: {source}, {len(x)} queries x {len(y)} references x {x.shape[1]} dims "
          f"(float32), {a.warmup} warm-up + {a.runs} timed runs")
    print(f"{'operation':<16} {'metric':<6} {'k':>5} {'median ms':>10} {'min ms':>10} {'max ms':>10}")

    def row(operation, metric, k, ms):
        print(f"{operation:<16} {metric:<6} {k:>5} {statistics.median(ms):10.1f} {ms[0]:10.1f} {ms[-1]:10.1f}",
              flush=True)

    for m in metrics:
        if m == "L1" and cdist is None:
            print(f"{'(all)':<16} {m:<6} {'-':>5} {'no scipy':>10}")
            continue
        if not a.no_matrix and len(x) * len(y) <= MATRIX_LIMIT:
            f = l2_matrix if m == "L2" else l1_matrix
            row("distanceMatrix", m, "-", timed(lambda: f(x, y), a.warmup, a.runs))
        if not a.no_nearest:
            for k in ks:
                row("nearest", m, str(k), timed(lambda: nearest(x, y, k, m, a.block), a.warmup, a.runs))


if __name__ == "__main__":
    main()

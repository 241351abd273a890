#!/usr/bin/env python3
"""numpy counterpart of `classifier-lab bench train`: CS231n assignment 1's linear classifier loop, vectorised
as the notebooks' reference solutions write it, on the same data and sizes, printed in the same table format.

  data       the first 49,000 training images of CIFAR-10 (binary batches), mean image subtracted, a column of
             ones appended (the bias trick); W is D x C = 3,073 x 10, 0.0001 * randn
  svm        scores = X.dot(W); margins = max(0, s - s_y + 1), 0 at y; loss = mean + reg * sum(W*W);
             dW = X.T.dot(binary) / N + 2 * reg * W
  softmax    scores - max; p = exp / sum; loss = mean(-log p_y) + reg * sum(W*W); dW = X.T.dot(p - 1_y) / N + 2 reg W
  train      for each iteration: idx = np.random.choice(N, batch) (with replacement), X[idx], loss, W -= lr * dW
  evaluate   np.argmax(X_train.dot(W), axis=1) and the accuracy, all 49,000 rows
--dtype float32 (default, as our float rows) or float64 (what the notebooks' load_CIFAR10 gives).
"""
import argparse
import os
import statistics
import sys
import time

import numpy as np

DIMS = 3072


def load(folder, names):
    parts = []
    for name in names:
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            sys.exit(f"numpy_linear.py: missing CIFAR-10 batch {path}")
        parts.append(np.fromfile(path, dtype=np.uint8).reshape(-1, DIMS + 1))
    records = np.concatenate(parts)
    return records[:, 1:], records[:, 0].astype(np.int64)


def svm_loss_vectorized(W, X, y, reg):
    n = X.shape[0]
    scores = X.dot(W)
    correct = scores[np.arange(n), y][:, np.newaxis]
    margins = np.maximum(0, scores - correct + 1)
    margins[np.arange(n), y] = 0
    loss = margins.sum() / n + reg * np.sum(W * W)
    binary = (margins > 0).astype(X.dtype)
    binary[np.arange(n), y] = -binary.sum(axis=1)
    dW = X.T.dot(binary) / n + 2 * reg * W
    return loss, dW


def softmax_loss_vectorized(W, X, y, reg):
    n = X.shape[0]
    scores = X.dot(W)
    scores -= scores.max(axis=1, keepdims=True)
    e = np.exp(scores)
    p = e / e.sum(axis=1, keepdims=True)
    loss = -np.log(p[np.arange(n), y]).sum() / n + reg * np.sum(W * W)
    p[np.arange(n), y] -= 1
    dW = X.T.dot(p) / n + 2 * reg * W
    return loss, dW


def train(loss_fn, W, X, y, lr, reg, iters, batch):
    history = []
    for _ in range(iters):
        idx = np.random.choice(X.shape[0], batch, replace=True)
        loss, grad = loss_fn(W, X[idx], y[idx], reg)
        history.append(loss)
        W -= lr * grad
    return W, history


def row(name, ms, per_iter=None):
    ms = sorted(ms)
    p90 = ms[min(len(ms) - 1, int(np.ceil(len(ms) * 0.9)) - 1)]
    extra = f" {per_iter:10.1f}" if per_iter is not None else ""
    print(f"{name:<52} {statistics.median(ms):10.2f} {p90:10.2f} {ms[0]:10.2f} {ms[-1]:10.2f}{extra}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="folder with data_batch_1..5.bin")
    ap.add_argument("--iters", type=int, default=1500)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--eval-runs", type=int, default=10)
    ap.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    a = ap.parse_args()
    dtype = np.dtype(a.dtype)
    x, y = load(a.data, [f"data_batch_{i}.bin" for i in range(1, 6)])
    t0 = time.perf_counter()
    x_train = x[:49000].astype(dtype)
    y_train = y[:49000]
    x_train -= x_train.mean(axis=0)
    x_train = np.hstack([x_train, np.ones((x_train.shape[0], 1), dtype=dtype)])
    prep = (time.perf_counter() - t0) * 1e3
    print(f"numpy {np.__version__}, {a.dtype}: 49,000 x {x_train.shape[1]} rows; preprocessing {prep:.0f} ms")
    print(f"{a.warmup} warm-up + {a.runs} timed runs")
    print(f"{'work':<52} {'median ms':>10} {'p90 ms':>10} {'min ms':>10} {'max ms':>10} {'µs/iter':>10}")
    np.random.seed(0)
    W0 = (0.0001 * np.random.randn(x_train.shape[1], 10)).astype(dtype)
    for name, fn in (("svm", svm_loss_vectorized), ("softmax", softmax_loss_vectorized)):
        ms = []
        for r in range(a.warmup + a.runs):
            t = time.perf_counter()
            W, hist = train(fn, W0.copy(), x_train, y_train, 1e-7, 2.5e4, a.iters, a.batch)
            if r >= a.warmup:
                ms.append((time.perf_counter() - t) * 1e3)
        row(f"train {name}, {a.iters:,} iters, batch {a.batch}", ms, 1000 * statistics.median(ms) / a.iters)
        acc = np.mean(np.argmax(x_train.dot(W), axis=1) == y_train)
        print(f"  final loss {hist[-1]:.3f}, train {acc:.3f}")
    ms = []
    for r in range(3 + a.eval_runs):
        t = time.perf_counter()
        acc = np.mean(np.argmax(x_train.dot(W), axis=1) == y_train)
        if r >= 3:
            ms.append((time.perf_counter() - t) * 1e3)
    row("evaluate 49,000 rows (scores + accuracy)", ms)


if __name__ == "__main__":
    main()

"""Independent reference values for the image linear classifier (ImageLossesReferenceTest).

Written from the CS231n assignment 1 definitions (svm.ipynb / softmax.ipynb, linear_svm.py, softmax.py) without
the Java code, in float64 with explicit loops over the rows: the first 20 images of CIFAR-10's data_batch_1.bin,
minus the mean of its first 1,000 images, with a column of ones (the bias trick); a fixed small W (D x C as the
notebooks store it); data loss = mean over the rows, regularisation reg * sum(W^2) over all of W (bias row
included, as the notebooks do), gradient + 2 * reg * W.
The Java side keeps its rows and W in float32, so both are rounded to float32 here before the float64 arithmetic.
Run: python3 docs/verification/linear_images_reference.py ../shared/data/cifar-10-batches-bin
"""
import sys

import numpy as np

folder = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/cifar-10-batches-bin"
records = np.fromfile(folder + "/data_batch_1.bin", dtype=np.uint8).reshape(-1, 3073)
labels = records[:, 0].astype(int)
pixels = records[:, 1:].astype(np.float64)

N, C, D = 20, 10, 3073
mean = pixels[:1000].mean(axis=0)
X = np.ones((N, D))
X[:, :3072] = (pixels[:N] - mean).astype(np.float32)
y = labels[:N]

# W[j, c] = 1e-4 * (((7 j + 13 c) mod 17) - 8), rounded to float32
j = np.arange(D)[:, None]
c = np.arange(C)[None, :]
W = (1e-4 * (((7 * j + 13 * c) % 17) - 8)).astype(np.float32).astype(np.float64)
reg = 0.1

print("labels", [int(v) for v in y])
print("x[0][0..2] %.9g %.9g %.9g" % (X[0, 0], X[0, 1], X[0, 2]))


def row_svm(s, yi):
    L, ds = 0.0, np.zeros(C)
    for k in range(C):
        if k == yi:
            continue
        m = s[k] - s[yi] + 1.0
        if m > 0:
            L += m
            ds[k] += 1.0
            ds[yi] -= 1.0
    return L, ds


def row_softmax(s, yi):
    z = s - s.max()
    p = np.exp(z) / np.exp(z).sum()
    ds = p.copy()
    ds[yi] -= 1.0
    return -np.log(p[yi]), ds


entries = [(0, 0), (1, 0), (1000, 3), (2047, 5), (3071, 9), (3072, 0), (3072, 7)]
scores0 = X[0] @ W
print("scores row 0", " ".join("%.9g" % v for v in scores0))
margins = []
for i in range(N):
    s = X[i] @ W
    margins += [abs(s[k] - s[y[i]] + 1.0) for k in range(C) if k != y[i]]
print("smallest |margin| %.3g (float32 rounding cannot flip a hinge)" % min(margins))

for name, fn in (("svm", row_svm), ("softmax", row_softmax)):
    data, dW = 0.0, np.zeros((D, C))
    for i in range(N):
        L, ds = fn(X[i] @ W, y[i])
        data += L
        dW += np.outer(X[i], ds)
    data /= N
    regl = reg * (W * W).sum()
    dW = dW / N + 2 * reg * W
    print(name)
    print("  data %.12g reg %.12g total %.12g" % (data, regl, data + regl))
    print("  |dW| %.12g" % np.linalg.norm(dW))
    print("  column sums", " ".join("%.9g" % v for v in dW.sum(axis=0)))
    print("  entries", " ".join("dW[%d][%d]=%.9g" % (jj, cc, dW[jj, cc]) for jj, cc in entries))

"""Independent reference values for the 2D linear-classifier tests (LinearObjectiveTest).

Written from the loss definitions in the CS231n notes and the linear-classify web demo, without the Java
code: per-point losses, data loss (mean), regularisation lambda * sum(W^2) (W only) and the gradient
(regularisation part 2 * lambda * W), for the demo's default state under the four formulations.
Run: python3 docs/verification/linear2d_reference.py
"""
import numpy as np

X = np.array([[0.5, 0.4], [0.8, 0.3], [0.3, 0.8], [-0.4, 0.3], [-0.3, 0.7], [-0.7, 0.2],
              [0.7, -0.4], [0.5, -0.6], [-0.4, -0.5]])
Y = np.array([0, 0, 0, 1, 1, 1, 2, 2, 2])
W = np.array([[1.0, 2.0], [2.0, -4.0], [3.0, -1.0]])
b = np.array([0.0, 0.5, -0.5])
lam = 0.1


def point_loss(s, y, kind):
    """Loss of one score vector and its gradient w.r.t. the scores."""
    C = len(s)
    ds = np.zeros(C)
    if kind == "ww":
        m = s - s[y] + 1.0
        m[y] = 0.0
        L = np.maximum(0, m).sum()
        ds[m > 0] = 1.0
        ds[y] = -np.count_nonzero(m > 0)
    elif kind == "ova":
        t = -np.ones(C)
        t[y] = 1.0
        m = 1.0 - t * s
        L = np.maximum(0, m).sum()
        ds[m > 0] = -t[m > 0]
    elif kind == "structured":
        wrong = [j for j in range(C) if j != y]
        j = wrong[int(np.argmax(s[wrong]))]
        m = s[j] - s[y] + 1.0
        L = max(0.0, m)
        if m > 0:
            ds[j] = 1.0
            ds[y] = -1.0
    elif kind == "softmax":
        z = s - s.max()
        p = np.exp(z) / np.exp(z).sum()
        L = -np.log(p[y])
        ds = p.copy()
        ds[y] -= 1.0
    return L, ds


for kind in ["ww", "ova", "structured", "softmax"]:
    S = X @ W.T + b
    losses, dW, db = [], np.zeros_like(W), np.zeros_like(b)
    for i in range(len(X)):
        L, ds = point_loss(S[i], Y[i], kind)
        losses.append(L)
        dW += np.outer(ds, X[i])
        db += ds
    n = len(X)
    data = np.mean(losses)
    reg = lam * (W ** 2).sum()
    dW = dW / n + 2 * lam * W
    db = db / n
    print(kind)
    print("  losses", np.array2string(np.array(losses), precision=17, separator=", "))
    print("  data %.17g reg %.17g total %.17g" % (data, reg, data + reg))
    print("  dW", np.array2string(dW, precision=17, separator=", ").replace("\n", ""))
    print("  db", np.array2string(db, precision=17, separator=", "))

print("scores", np.array2string(X @ W.T + b, precision=17, separator=", ").replace("\n", ""))

# Three softmax gradient-descent steps, step size 0.1 (CommandLineTest: 5.3366 -> 5.1273 -> 4.9273 -> 4.7362).
Wk, bk = W.copy(), b.copy()
for step in range(3):
    S = X @ Wk.T + bk
    Z = S - S.max(axis=1, keepdims=True)
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    L = -np.log(P[range(len(X)), Y]).mean() + lam * (Wk ** 2).sum()
    D = P.copy()
    D[range(len(X)), Y] -= 1
    D /= len(X)
    Wk, bk = Wk - 0.1 * (D.T @ X + 2 * lam * Wk), bk - 0.1 * D.sum(axis=0)
    print("softmax step %d: total %.4f" % (step + 1, L))

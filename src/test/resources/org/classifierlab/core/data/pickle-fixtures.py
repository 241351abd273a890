# Writes the CIFAR-10 python-version fixtures used by CifarPythonReaderTest (run once with Python 3.11 and
# numpy 2.4; the outputs are committed next to this script). Every image is synthetic: byte j of image i
# (j = channel * 1024 + row * 32 + column) is (31 * i + 7 * j + 85 * channel) % 256 and the label of image i
# is 3 * i % 10.
import pickle
import numpy as np


def batch(n, str_keys):
    i = np.arange(n).reshape(n, 1)
    j = np.arange(3072).reshape(1, 3072)
    data = ((31 * i + 7 * j + 85 * (j // 1024)) % 256).astype(np.uint8)
    labels = [3 * k % 10 for k in range(n)]
    names = [b"synthetic_%d.png" % k for k in range(n)]
    d = {b"batch_label": b"synthetic batch", b"labels": labels, b"data": data, b"filenames": names}
    if str_keys:  # what pickle.load(f, encoding="latin1") gives
        d = {k.decode(): v for k, v in d.items()}
    return d


# A batch loaded with encoding="bytes" and saved again with protocol 2: _codecs.encode(..., 'latin1') strings.
with open("cifar10-py-protocol2-bytes-keys.pickle", "wb") as f:
    pickle.dump(batch(20, False), f, protocol=2)

# Python 3's usual form: protocol 4 (FRAME, MEMOIZE, SHORT_BINUNICODE, STACK_GLOBAL), str keys, shape (N, 3, 32, 32).
d = batch(4, True)
d["data"] = d["data"].reshape(4, 3, 32, 32)
with open("cifar10-py-protocol4-str-keys.pickle", "wb") as f:
    pickle.dump(d, f, protocol=4)

# Protocol 5 (numpy's _frombuffer with BYTEARRAY8), images as (N, 32, 32, 3) and labels as an int64 array.
d = batch(4, True)
d["data"] = np.ascontiguousarray(d["data"].reshape(4, 3, 32, 32).transpose(0, 2, 3, 1))
d["labels"] = np.array(d["labels"], dtype=np.int64)
with open("cifar10-py-protocol5-hwc.pickle", "wb") as f:
    pickle.dump(d, f, protocol=5)

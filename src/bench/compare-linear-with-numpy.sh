#!/usr/bin/env bash
# Times `classifier-lab bench train` (1,500 SGD iterations at batch 200 on 49,000 CIFAR-10 images, SVM and
# softmax, and a full evaluation) and src/bench/numpy_linear.py (the same loop as the notebooks' vectorised
# solutions: float32 with OpenBLAS's default threads and with one, and float64) one after the other, with the machine load before each.
#   usage: src/bench/compare-linear-with-numpy.sh CIFAR10_DIR [BUILD_DIR]
# CIFAR10_DIR holds data_batch_1..5.bin and test_batch.bin; BUILD_DIR holds image/bin/classifier-lab (default:
# target; `mvn package -DskipTests`). LAUNCHER=... overrides the launcher.
set -euo pipefail
data=${1:?usage: compare-linear-with-numpy.sh CIFAR10_DIR [BUILD_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
build=${2:-$here/../../target}
launcher=${LAUNCHER:-$build/image/bin/classifier-lab}
if [[ ! -x ${launcher%% *} ]]; then
  echo "compare-linear-with-numpy.sh: no launcher at $launcher; build it with mvn package first" >&2
  exit 1
fi
load() { uptime | sed 's/.*load average/load average/'; }
echo "$(nproc) cores; $(python3 -c 'import numpy; print("numpy", numpy.__version__)'); $(date -u '+%Y-%m-%d %H:%M UTC')"
for round in 1 2; do
  echo
  echo "== round $round, ours ($(load))"
  $launcher bench train --data "$data" --warmup 1 --runs 3
  echo
  echo "== round $round, numpy float32 ($(load))"
  python3 "$here/numpy_linear.py" --data "$data" --warmup 1 --runs 3
  echo
  echo "== round $round, numpy float32, OpenBLAS on 1 thread ($(load))"
  OPENBLAS_NUM_THREADS=1 python3 "$here/numpy_linear.py" --data "$data" --warmup 1 --runs 3
done
echo
echo "== numpy float64, the notebooks' dtype ($(load))"
python3 "$here/numpy_linear.py" --data "$data" --dtype float64 --warmup 0 --runs 1 --eval-runs 5
echo
echo "done ($(load))"

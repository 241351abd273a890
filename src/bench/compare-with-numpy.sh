#!/usr/bin/env bash
# Times `classifier-lab bench engine` (brute force, the pruned index and its build) and src/bench/numpy_knn.py
# on the same CIFAR-10 rows and sizes, one after the other, and prints both tables with the machine load
# before each pair; then our 5-fold cross-validation over all 50,000 training images, pruned.
#   usage: src/bench/compare-with-numpy.sh CIFAR10_DIR [BUILD_DIR]
# CIFAR10_DIR holds data_batch_1..5.bin and test_batch.bin (/work/shared/tools/get-cifar10.sh DIR writes them);
# BUILD_DIR is the Maven output folder holding image/bin/classifier-lab (default: target; build it with
# `mvn -DbuildDir=BUILD_DIR package -DskipTests`). Set QUICK=1 to skip the full 10,000 x 50,000 searches
# and the cross-validation. numpy's L1 (scipy cdist) is left out of the full searches: it would take ~15 min.
set -euo pipefail
data=${1:?usage: compare-with-numpy.sh CIFAR10_DIR [BUILD_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
build=${2:-$here/../../target}
launcher=$build/image/bin/classifier-lab
if [[ ! -x $launcher ]]; then
  echo "compare-with-numpy.sh: no launcher at $launcher; build it with mvn package first" >&2
  exit 1
fi

pair() {
  echo
  echo "== $* ($(uptime | sed 's/.*load average/load average/'))"
  "$launcher" bench engine --data "$data" "$@"
  python3 "$here/numpy_knn.py" --data "$data" "$@"
}

echo "$(nproc) cores; $(python3 -c 'import numpy; print("numpy", numpy.__version__)')"
pair --queries 500 --refs 5000 --metric L2,L1 --k 1,10 --warmup 2 --runs 7
pair --queries 1 --refs 50000 --metric L2,L1 --k 1,50 --no-matrix --warmup 20 --runs 31
if [[ ${QUICK:-0} != 1 ]]; then
  pair --queries 10000 --refs 50000 --metric L2 --k 1,10 --no-matrix --warmup 0 --runs 1
  echo
  echo "== L1, ours only ($(uptime | sed 's/.*load average/load average/'))"
  "$launcher" bench engine --data "$data" --queries 10000 --refs 50000 --metric L1 --k 1,10 --no-matrix --warmup 0 --runs 1
  for metric in L2 L1; do
    echo
    echo "== cv $metric, pruned ($(uptime | sed 's/.*load average/load average/'))"
    "$launcher" cv --data "$data" --folds 5 -k 1,3,5,8,10,12,15,20,50,100 --metric "$metric"
  done
fi
echo
echo "done ($(uptime | sed 's/.*load average/load average/'))"

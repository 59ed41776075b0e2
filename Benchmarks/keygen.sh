#!/usr/bin/env bash
# Key + CSR generation per key type: certwiz csr new against openssl req -new -newkey ... -nodes,
# whole processes (start-up included), interleaved run by run so machine noise hits both alike.
# Prints the median wall time of each and their ratio. Not a test: timings vary by machine.
#
#   swift build -c release --static-swift-stdlib --product certwiz
#   bash Benchmarks/keygen.sh [RUNS]        (default 21 runs per key type)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
certwiz=${CERTWIZ:-.build/release/certwiz}
[ -x "$certwiz" ] || { echo "build first: swift build -c release --static-swift-stdlib --product certwiz" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
subject="/C=JP/ST=Tokyo/L=Chuo-ku/O=Sample K.K./CN=www.example.co.jp"

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf "%-8s %14s %14s %8s\n" "key" "certwiz (ms)" "openssl (ms)" "ratio"
for type in rsa2048 rsa3072 rsa4096 p256 p384; do
  case $type in
    rsa*) newkey="rsa:${type#rsa}"; extra=() ;;
    p256) newkey="ec"; extra=(-pkeyopt ec_paramgen_curve:P-256) ;;
    p384) newkey="ec"; extra=(-pkeyopt ec_paramgen_curve:P-384 -sha384) ;;
  esac
  : > "$work/c"; : > "$work/o"
  for i in $(seq "$runs"); do
    out="$work/run$i"; mkdir -p "$out"
    t0=$(now); "$certwiz" csr new --cn www.example.co.jp --o "Sample K.K." --l Chuo-ku --st Tokyo --c JP \
      --key-type "$type" --out "$out" > /dev/null 2>&1; t1=$(now)
    openssl req -new -newkey "$newkey" "${extra[@]}" -nodes -subj "$subject" -keyout "$out/o.key" -out "$out/o.csr" 2> /dev/null; t2=$(now)
    echo $(( (t1 - t0) / 1000 )) >> "$work/c"; echo $(( (t2 - t1) / 1000 )) >> "$work/o"
    rm -rf "$out"
  done
  c=$(median < "$work/c"); o=$(median < "$work/o")
  awk -v t="$type" -v c="$c" -v o="$o" 'BEGIN { printf "%-8s %14.1f %14.1f %7.2fx\n", t, c/1000, o/1000, c/o }'
done

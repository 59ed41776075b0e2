#!/usr/bin/env bash
# One ACME order end to end, certwiz against certbot, on the same local pebble (EAB required,
# real http-01 validation through each tool's own standalone responder, no random validation
# wait), interleaved run by run so machine noise hits both alike. Both use an account
# registered beforehand and the same CSR (so key generation is not timed for either), for names
# new to the CA in each run (so every authorization is validated for real); each timed run is
# one whole process: new order, authorizations, challenges, finalize, download.
# Prints the median wall time of each and their ratio. Not a test: timings vary by machine.
#
#   swift build -c release --static-swift-stdlib --product certwiz
#   bash Benchmarks/acme-order.sh [RUNS]     (default 11; needs pebble, pebble-challtestsrv,
#                                             certbot, openssl: apt-get install pebble certbot)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
certwiz=$(realpath "${CERTWIZ:-.build/release/certwiz}")
[ -x "$certwiz" ] || { echo "build first: swift build -c release --static-swift-stdlib --product certwiz" >&2; exit 2; }
for tool in pebble pebble-challtestsrv certbot openssl python3; do
  command -v "$tool" > /dev/null || { echo "missing $tool (apt-get install pebble certbot openssl python3)" >&2; exit 2; }
done
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; exit 1; }
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
spread() { sort -n | awk '{a[NR]=$1} END {printf "%d-%d", a[1]/1e6, a[NR]/1e6}'; }

kid=kid-1
hmac=zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W
acme_port=$(free_port); mgmt=$(free_port); dns_port=$(free_port); dns_mgmt=$(free_port); http_port=$(free_port); tls_port=$(free_port)
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/pebble.key" -out "$work/pebble.crt" \
  -subj /CN=localhost -days 2 -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2> /dev/null
cat > "$work/pebble.json" << EOF
{"pebble": {"listenAddress": "127.0.0.1:$acme_port", "managementListenAddress": "127.0.0.1:$mgmt",
 "certificate": "$work/pebble.crt", "privateKey": "$work/pebble.key", "httpPort": $http_port, "tlsPort": $tls_port,
 "ocspResponderURL": "", "externalAccountBindingRequired": true, "externalAccountMACKeys": {"$kid": "$hmac"}}}
EOF
pebble-challtestsrv -defaultIPv4 127.0.0.1 -defaultIPv6 "" -dns01 "127.0.0.1:$dns_port" -http01 "" -https01 "" -tlsalpn01 "" \
  -management "127.0.0.1:$dns_mgmt" > "$work/dns.log" 2>&1 & pids+=($!)
PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 pebble -config "$work/pebble.json" -dnsserver "127.0.0.1:$dns_port" > "$work/pebble.log" 2>&1 & pids+=($!)
wait_port "$acme_port"; wait_port "$dns_mgmt"
directory="https://127.0.0.1:$acme_port/dir"

# certwiz: a complete draft, its key and CSR, and the account.
export XDG_DATA_HOME="$work/certwiz-data" XDG_CONFIG_HOME="$work/certwiz-config" LANG=C.UTF-8
drafts="$XDG_DATA_HOME/certwiz/drafts"
mkdir -p "$drafts"
cat > "$drafts/site.json" << 'EOF'
{"applicationType": "new",
 "organization": {"nameJa": "サンプル株式会社", "nameEn": "Sample K.K.", "phone": "03-1234-5678", "listedInDuns": true},
 "csr": {"commonName": "www.example.co.jp", "subjectAltNames": ["www.example.co.jp", "example.co.jp"], "organization": "Sample K.K.",
         "locality": "Chuo-ku", "state": "Tokyo", "country": "JP", "origin": "generateHere", "keyType": "p256", "serverSoftware": "nginx"},
 "applicantInCharge": {"name": "山田 太郎", "email": "yamada@example.co.jp", "phone": "03-1234-5679", "fullTimeEmployee": true},
 "technicalContact": {"company": "サンプル株式会社", "name": "鈴木 花子", "email": "suzuki@example.co.jp", "phone": "090-1234-5678", "belongsToApplicant": true},
 "order": {"product": "secure", "licenses": 1, "issuer": "acme"}, "payment": {"method": "bankTransfer", "plannedDate": "2026-11-30"},
 "acme": {"directory": "DIRECTORY", "challenge": "http-01"}}
EOF
sed -i "s|DIRECTORY|$directory|" "$drafts/site.json"
printf '%s\n' "$hmac" > "$work/hmac"
"$certwiz" acme register --directory "$directory" --eab-kid "$kid" --eab-hmac-key-file "$work/hmac" --ca-file "$work/pebble.crt" > /dev/null

# certbot: the same CA, an account of its own, the same CSR in each run.
export REQUESTS_CA_BUNDLE="$work/pebble.crt"
certbot_dirs=(--config-dir "$work/certbot/config" --work-dir "$work/certbot/work" --logs-dir "$work/certbot/logs")
certbot register --server "$directory" --eab-kid "$kid" --eab-hmac-key "$hmac" --agree-tos -m admin@example.co.jp --no-eff-email \
  --non-interactive "${certbot_dirs[@]}" > "$work/certbot-register.log" 2>&1

: > "$work/c"; : > "$work/b"
for i in $(seq "$runs"); do
  # New names each run: a CA reuses an account's valid authorizations, which would skip validation.
  python3 -c '
import json, sys
draft = json.load(open(sys.argv[1]))
names = [sys.argv[3] + "." + n for n in ("www.example.co.jp", "example.co.jp")]
draft["csr"]["commonName"], draft["csr"]["subjectAltNames"] = names[0], names
json.dump(draft, open(sys.argv[2], "w"), ensure_ascii=False)' "$drafts/site.json" "$drafts/run$i.json" "run$i"
  "$certwiz" csr new --draft "run$i" > /dev/null
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csr"]["pem"])' "$drafts/run$i.json" > "$work/run$i.csr"
  t0=$(now); "$certwiz" submit --draft "run$i" --http-port "$http_port" --ca-file "$work/pebble.crt" --today 2026-11-24 > "$work/certwiz-$i.log" 2>&1; t1=$(now)
  grep -q "Issued:" "$work/certwiz-$i.log" || { echo "certwiz run $i failed:" >&2; cat "$work/certwiz-$i.log" >&2; exit 1; }
  echo $((t1 - t0)) >> "$work/c"
  mkdir -p "$work/certbot-run$i"
  t0=$(now)
  (cd "$work/certbot-run$i" && certbot certonly --standalone --http-01-port "$http_port" --http-01-address 127.0.0.1 --server "$directory" \
     --csr "$work/run$i.csr" --non-interactive "${certbot_dirs[@]}" > "$work/certbot-$i.log" 2>&1) \
     || { echo "certbot run $i failed:" >&2; cat "$work/certbot-$i.log" >&2; exit 1; }
  t1=$(now)
  echo $((t1 - t0)) >> "$work/b"
done
c=$(median < "$work/c"); b=$(median < "$work/b")
printf "| one ACME order (pebble, http-01, %s runs) | median | spread |\n|---|---|---|\n" "$runs"
printf "| certwiz submit | %d ms | %s ms |\n" $((c / 1000000)) "$(spread < "$work/c")"
printf "| certbot certonly --standalone --csr | %d ms | %s ms |\n" $((b / 1000000)) "$(spread < "$work/b")"
awk -v c="$c" -v b="$b" 'BEGIN { printf "certwiz / certbot: %.2fx (goal: at most 0.33x)\n", c / b }'

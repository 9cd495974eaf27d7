#!/usr/bin/env bash
# Starts N KinerjaBot processes in webhook mode on one store, for bench/peer/run.sh --instances N (used as the
# driver's --bot-cmd; the driver's SIGTERM goes to the whole process group, so every instance stops with it).
# Each instance listens on its own loopback port and registers http://127.0.0.1:<port>/telegram with setWebhook;
# webhook-front.mjs round-robins the updates over the registered URLs. Logs: <bot log>.<i> next to the driver's.
# usage: instances.sh N path/to/KinerjaBot.dll|path/to/KinerjaBot   (a native image runs as it is; Storage__*, Telegram__*
#        and KinerjaBot__* come from the environment)
set -euo pipefail
n="$1" dll="$2"
case "$dll" in *.dll) run=(dotnet "$dll") ;; *) run=("$dll") ;; esac
base=$((20000 + RANDOM % 20000))
pids=()
for i in $(seq 1 "$n"); do
  port=$((base + i))
  Telegram__Mode=webhook Telegram__WebhookListen="http://127.0.0.1:$port" Telegram__WebhookUrl="http://127.0.0.1:$port/telegram" \
    Telegram__WebhookSecret=bench-webhook-secret-0123456789 "${run[@]}" > "${BENCH_LOG_DIR:-/tmp}/instance-$i.log" 2>&1 &
  pids+=($!)
done
wait "${pids[@]}"

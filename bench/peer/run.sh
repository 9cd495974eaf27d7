#!/usr/bin/env bash
# Side-by-side load benchmark: KinerjaBot (published as deployed: a native image, decisions/0026) and the grammY peer of ../shared/bench-peer, driven
# by the same driver.js through the same fake Bot API with the same generated office, interleaved run by run so both
# see the same machine load. Appends one JSON line per run to the results file; summarise with summarise.mjs.
#
# usage: bench/peer/run.sh [--mode capacity|limits|paced] [--officials 50] [--indicators 8] [--runs 3]
#                          [--rate 0] [--out bench/peer/results/<mode>.jsonl] [--only kinerjabot|peer] [--no-build]
#                          [--storage sqlite|postgres] [--instances N] [--build native|readytorun] [--dll PATH]
#   capacity  the double does not enforce limits and KinerjaBot's own pacing is off (the bots' own CPU and speed)
#   limits    the double enforces Telegram's limits; KinerjaBot paces with its defaults, the peer with THROTTLE=1
#   paced     the double does not enforce; KinerjaBot paces with its defaults (use with --rate R)
#   --storage postgres  KinerjaBot keeps its data in a fresh PostgreSQL database per run (KINERJABOT_BENCH_POSTGRES:
#                       a URL of a server where the user may create databases; scripts/test.sh starts one; query
#                       parameters are added to the bot's connection string, e.g. ?SSL%20Mode=Disable)
#   --instances N       KinerjaBot in webhook mode, N processes on one store (instances.sh); the double delivers by
#                       webhook, round robin over the instances (webhook-front.mjs). Without it: one process, polling.
#   --build KIND        native (default: Native AOT, as docs/deploy.md deploys it; ~8 min on 2 cores) or readytorun
#                       (the framework-dependent ReadyToRun build of decisions/0023), published to artifacts/bench-KIND/
#   --dll PATH          another build: a KinerjaBot.dll (run with dotnet) or a native KinerjaBot executable (e.g. an
#                       older commit's, for a before/after in one sitting)
#   --no-build          reuse the last publish in artifacts/bench-KIND/ (or the --dll given)
# Environment: PEER_SRC (default ../shared/bench-peer next to the repository), PEER_DIR (a prepared copy to reuse).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mode=capacity officials=50 indicators=8 runs=3 rate=0 out="" only="" build=1 storage=sqlite instances=0 dll="" kind=native
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --officials) officials="$2"; shift 2 ;;
    --indicators) indicators="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --storage) storage="$2"; shift 2 ;;
    --instances) instances="$2"; shift 2 ;;
    --dll) dll="$2"; shift 2 ;;
    --build) kind="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 64 ;;
  esac
done
case "$mode" in capacity|limits|paced) ;; *) echo "--mode must be capacity, limits or paced" >&2; exit 64 ;; esac
out="${out:-$root/bench/peer/results/$mode.jsonl}"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"

# Published the way docs/deploy.md deploys it: a native image (no JIT, no IL loaded: decisions/0026), or with
# --build readytorun the framework-dependent ReadyToRun build it replaced (decisions/0023).
case "$kind" in
  native) publish_args=(-p:PublishAot=true); entry=KinerjaBot ;;
  readytorun) publish_args=(--self-contained false -p:PublishReadyToRun=true); entry=KinerjaBot.dll ;;
  *) echo "--build must be native or readytorun" >&2; exit 64 ;;
esac
publish="$root/artifacts/bench-$kind"
if [ "$build" = 1 ] && [ -z "$dll" ]; then
  dotnet publish "$root/src/KinerjaBot/KinerjaBot.csproj" -c Release -r linux-x64 "${publish_args[@]}" \
    -o "$publish" -nologo -v q -clp:ErrorsOnly >&2
fi
dll="${dll:-$publish/$entry}"
[ -f "$dll" ] || { echo "missing $dll (build failed?)" >&2; exit 1; }
# A .dll runs on the shared runtime; anything else is a native executable.
case "$dll" in *.dll) bot_cmd="dotnet $dll" ;; *) bot_cmd="$dll" ;; esac

# The peer and the driver need their node_modules; ../shared is read-only, so they run from a copy.
if [ -z "${PEER_DIR:-}" ]; then
  src="${PEER_SRC:-$root/../shared/bench-peer}"
  PEER_DIR="$(mktemp -d)/bench-peer"
  cp -r "$src" "$PEER_DIR"
  (cd "$PEER_DIR" && npm ci --no-audit --no-fund >&2)
fi
cd "$PEER_DIR"

common=(--officials "$officials" --indicators "$indicators" --rate "$rate" --json-out "$out")
# The service's memory settings from docs/deploy.md's unit (decisions/0025), so the bench runs the bot as deployed.
kb_env=(DOTNET_GCgen0size=0x400000 MALLOC_ARENA_MAX=2)
peer_env=()
case "$mode" in
  capacity)
    # The bot's own pacing off, so the figures are the bot's own cost (the double has no limits either).
    kb_env+=(Telegram__Sender__PerChatInterval=00:00:00 Telegram__Sender__PerChatBurst=1000000 Telegram__Sender__GlobalLimit=1000000) ;;
  limits)
    common+=(--limits --step-timeout 300)
    peer_env=(THROTTLE=1) ;;
  paced) ;;
esac

for i in $(seq 1 "$runs"); do
  # Alternate who goes first, so neither always runs on a machine the other just warmed up or loaded.
  if [ $((i % 2)) = 1 ]; then order="kinerjabot peer"; else order="peer kinerjabot"; fi
  for bot in $order; do
    [ -n "$only" ] && [ "$only" != "$bot" ] && continue
    echo "== run $i/$runs: $bot ($mode, ${officials}x${indicators}, rate $rate)" >&2
    if [ "$bot" = kinerjabot ]; then
      store_env=()
      label="kinerjabot-$mode"
      if [ "$storage" = postgres ]; then
        db="kb_bench_$(date +%s)_$i"
        : "${KINERJABOT_BENCH_POSTGRES:?set KINERJABOT_BENCH_POSTGRES}"
        psql "${KINERJABOT_BENCH_POSTGRES%%\?*}" -qc "CREATE DATABASE $db" >&2
        store_env=(Storage__Provider=postgres "Storage__ConnectionString=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(`Host=${u.hostname};Port=${u.port||5432};Username=${decodeURIComponent(u.username)};Password=${decodeURIComponent(u.password)};Database=${process.argv[2]}`+[...u.searchParams].map(([k,v])=>`;${k}=${v}`).join(""))' "$KINERJABOT_BENCH_POSTGRES" "$db")")
        label="kinerjabot-postgres-$mode"
      fi
      if [ "$instances" -gt 0 ]; then
        # Webhook mode: the front answers setWebhook and posts each update to the next instance in turn.
        env "${kb_env[@]}" "${store_env[@]}" WEBHOOK_INSTANCES="$instances" BENCH_LOG_DIR="$(mktemp -d)" \
          node --import "$root/bench/peer/webhook-front.mjs" driver.js "${common[@]}" --label "$label-webhook-x$instances" \
          --bot-cmd "bash $root/bench/peer/instances.sh $instances $dll" || echo "run failed (exit $?)" >&2
      else
        env "${kb_env[@]}" "${store_env[@]}" node driver.js "${common[@]}" --label "$label" \
          --bot-cmd "$bot_cmd" || echo "run failed (exit $?)" >&2
      fi
    else
      env "${peer_env[@]}" node driver.js "${common[@]}" --label "peer-$mode" \
        --bot-cmd "node grammy-bot/bot.js --runner" || echo "run failed (exit $?)" >&2
    fi
  done
done
echo "results appended to $out" >&2

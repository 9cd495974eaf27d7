#!/usr/bin/env bash
# Runs every test of the solution. Installs the Debian tools the tests drive (pdftotext from poppler-utils, the
# chromium the browser test drives, PostgreSQL) when they are missing and this machine can install them, starts
# PostgreSQL, and runs the bot's tests three ways: polling on SQLite, webhook mode, and on PostgreSQL. A fresh clone
# needs nothing by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" = 0 ] || as_root=(sudo -n)
  if command -v apt-get >/dev/null 2>&1 && "${as_root[@]}" true 2>/dev/null; then
    echo "Installing ${need[*]} (needed by the tests)..."
    "${as_root[@]}" apt-get update -qq >/dev/null
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "The tests need these Debian packages: ${need[*]} (sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
fi

# PostgreSQL for the store's tests and the PostgreSQL pass: Debian's cluster, started if it is not running, with
# a test role that may create (and drop) one database per test.
as_root=()
[ "$(id -u)" = 0 ] || as_root=(sudo -n)
pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $4}' | grep -q online; then
  "${as_root[@]}" pg_ctlcluster "$pg_version" main start
fi
pg_port=$(pg_lsclusters -h | awk '$2 == "main" {print $3; exit}')
"${as_root[@]}" su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'kinerjabot_test'\"" | grep -q 1 \
  || "${as_root[@]}" su postgres -c "psql -qc \"CREATE ROLE kinerjabot_test LOGIN CREATEDB PASSWORD 'kinerjabot-test'\""
# DROP DATABASE … WITH (FORCE) after each test may have to end a lingering server process of another role.
"${as_root[@]}" su postgres -c "psql -qc \"GRANT pg_signal_backend TO kinerjabot_test\"" >/dev/null
export KINERJABOT_TEST_POSTGRES="Host=127.0.0.1;Port=${pg_port};Username=kinerjabot_test;Password=kinerjabot-test;Database=postgres"

# The browser test drives Debian's /usr/bin/chromium; Playwright's own browser download cannot work here.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

status=0
dotnet test KinerjaBot.sln --configuration Release "$@" || status=$?

# The same bot tests again with Telegram pushing updates to the bot's webhook instead of the bot polling
# (tests/KinerjaBot.Tests/EndToEnd/BotHarness.cs reads the variable).
echo "Running the bot's tests again in webhook mode..."
KINERJABOT_TEST_TELEGRAM_MODE=webhook dotnet test tests/KinerjaBot.Tests/KinerjaBot.Tests.csproj --configuration Release --no-build "$@" || status=$?

# And once more with every bot on PostgreSQL instead of SQLite (each test gets a database of its own).
echo "Running the bot's tests again on PostgreSQL..."
KINERJABOT_TEST_STORAGE=postgres dotnet test tests/KinerjaBot.Tests/KinerjaBot.Tests.csproj --configuration Release --no-build "$@" || status=$?
exit "$status"

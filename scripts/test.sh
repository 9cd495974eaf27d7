#!/usr/bin/env bash
# Runs every test of the solution. Installs the Debian tools the tests drive (pdftotext from poppler-utils, the
# chromium the browser test drives) when they are missing and this machine can install them, so a fresh clone
# needs nothing by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
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

# The browser test drives Debian's /usr/bin/chromium; Playwright's own browser download cannot work here.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

status=0
dotnet test KinerjaBot.sln --configuration Release "$@" || status=$?

# The same bot tests again with Telegram pushing updates to the bot's webhook instead of the bot polling
# (tests/KinerjaBot.Tests/EndToEnd/BotHarness.cs reads the variable).
echo "Running the bot's tests again in webhook mode..."
KINERJABOT_TEST_TELEGRAM_MODE=webhook dotnet test tests/KinerjaBot.Tests/KinerjaBot.Tests.csproj --configuration Release --no-build "$@" || status=$?
exit "$status"

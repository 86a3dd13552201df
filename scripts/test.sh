#!/usr/bin/env bash
# Runs every test: unit, service and HTTP tests against an embedded MariaDB, and the Playwright
# console tests. On Debian (apt-get present) they run in Debian's Chromium, installed here when
# missing; elsewhere Playwright downloads its own Chromium on first use. Where Debian's MariaDB
# server is (installed here when missing), the service, API and operations tests run a second time
# against it: the tests start it as a plain process on a free port with a temporary data
# directory, never as a system service.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if command -v apt-get >/dev/null 2>&1; then
  missing=()
  # Chromium for the browser tests, and CJK fonts so that screenshots of Chinese texts are readable
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  dpkg -s mariadb-server >/dev/null 2>&1 || missing+=(mariadb-server)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: installing Debian's ${missing[*]} for the tests" >&2
    # the package would start MariaDB as a system service: forbid service starts while installing
    policy=/usr/sbin/policy-rc.d
    added_policy=""
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
      $SUDO chmod +x "$policy"
      added_policy=yes
      trap '$SUDO rm -f "$policy"' EXIT
    fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
    if [ -n "$added_policy" ]; then
      $SUDO rm -f "$policy"
      trap - EXIT
    fi
  fi
fi
profiles=()
if [ -x /usr/sbin/mariadbd ] || command -v mariadbd >/dev/null 2>&1; then
  profiles=(-Psecond-database)
else
  echo "test.sh: no MariaDB server installed: the second-database run is skipped" >&2
fi
# clean: a benchmark run leaves a production-mode frontend build in target/
exec ./mvnw -B clean verify "${profiles[@]}" "$@"

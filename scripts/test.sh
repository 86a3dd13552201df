#!/usr/bin/env bash
# Runs every test: unit, service and HTTP tests against an embedded MariaDB, and the Playwright
# console tests. On Debian (apt-get present) they run in Debian's Chromium, installed here when
# missing; elsewhere Playwright downloads its own Chromium on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1; then
  # Chromium for the browser tests, and CJK fonts so that screenshots of Chinese texts are readable
  if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium and fonts-noto-cjk for the browser tests" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
fi
# clean: a benchmark run leaves a production-mode frontend build in target/
exec ./mvnw -B clean verify "$@"

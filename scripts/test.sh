#!/usr/bin/env bash
# Runs every test: unit, service and HTTP tests against an embedded MariaDB, and the Playwright
# console tests in Debian's Chromium (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
# Chromium for the browser tests, and CJK fonts so that screenshots of Chinese texts are readable
if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium and fonts-noto-cjk for the browser tests" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
# clean: a benchmark run leaves a production-mode frontend build in target/
exec ./mvnw -B clean verify "$@"

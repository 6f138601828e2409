#!/usr/bin/env bash
# Installs Debian's chromium for the dashboard's browser tests (test/ui/) where the packaged one cannot run (not Linux x64), only when /usr/bin/chromium is missing.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "installing chromium (for the dashboard's browser tests)"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium

#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when missing: headless Chromium and its driver (browser
# tests) and redis-server (the shared-cache tests start their own on loopback).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${need[*]} (Debian packages) for the tests..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    exit 0
fi
echo "error: the tests need Debian's ${need[*]}; install them with 'sudo apt-get install ${need[*]}' and re-run." >&2
exit 1

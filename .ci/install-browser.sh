#!/bin/sh
# Installs Debian's Chromium and its chromedriver for the console's browser tests, when missing.
# Never fails the build: without a browser those tests are skipped with the reason printed.
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: not root or no apt-get; console browser tests will be skipped" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
( apt-get -qq update && apt-get -qq install -y --no-install-recommends chromium chromium-driver ) >/dev/null 2>&1 \
    || echo "install-browser: apt-get could not install chromium; console browser tests will be skipped" >&2
exit 0

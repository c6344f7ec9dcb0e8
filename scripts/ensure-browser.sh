#!/usr/bin/env bash
# Make sure Debian's chromium is installed for the Playwright browser tests.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Installing Debian's chromium for the browser tests..."
if ! "$(dirname "$0")/apt-install.sh" chromium; then
  echo "Could not install chromium; the browser tests cannot run." >&2
  exit 1
fi

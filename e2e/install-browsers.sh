#!/usr/bin/env bash
# Installs, from Debian's packages, what the browser tests and the demo need: Chromium, Firefox
# ESR with its Spanish and French language packs (the interface is tested in both), fonts for
# readable screenshots, and Xvfb for a visible browser on a machine without a display. Does
# nothing for packages already there.
set -euo pipefail
needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || needed+=(firefox-esr)
dpkg -s firefox-esr-l10n-fr >/dev/null 2>&1 || needed+=(firefox-esr-l10n-fr)
dpkg -s firefox-esr-l10n-es-es >/dev/null 2>&1 || needed+=(firefox-esr-l10n-es-es)
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || needed+=(fonts-liberation)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || needed+=(fonts-dejavu-core)
command -v xvfb-run >/dev/null 2>&1 || needed+=(xvfb xauth)
if [ ${#needed[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Please install: ${needed[*]} (sudo apt-get install -y ${needed[*]})" >&2
  exit 1
fi
echo "Installing ${needed[*]} …"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null

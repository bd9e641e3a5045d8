#!/usr/bin/env bash
# Installs the Debian 12 packages the build and the tests need. Run as root (CI is root).
#   chromium            headless browser for the accessibility tests (axe-core)
#   liblouis-bin        lou_translate: UEB grade 2 Braille (.brf)
#   espeak-ng, lame     speech synthesis and MP3 encoding for the audio format
#   epubcheck           validates the EPUB in the tests
#   default-jre-headless  Java for epubcheck and the Nu HTML Checker (vnu.jar, from npm) in the tests
#   libpango/harfbuzz   WeasyPrint's text layout (PDF and large-print PDF)
#   fonts-dejavu, fonts-liberation2   sans-serif fonts embedded in PDFs
#   fontconfig          fc-list/fc-match: which font files the PDFs use (the export cache keys on them)
#   hugo                only for the benchmark's comparison
#   nodejs, npm         installs the test tools: axe-core, DAISY Ace (on chromium), vnu-jar
set -euo pipefail
packages=(python3-venv chromium liblouis-bin liblouis-data espeak-ng lame epubcheck default-jre-headless
          libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu fonts-liberation2 fontconfig
          hugo)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "system packages: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"

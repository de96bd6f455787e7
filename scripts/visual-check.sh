#!/usr/bin/env bash
# Renders a workbook the way a reader would print it, to look at before sending a report:
# XLSX -> PDF with LibreOffice (headless) -> one PNG per page with pdftoppm.
#
#   scripts/visual-check.sh reports/2026-10/impact-2026-10.xlsx /tmp/look
#
# Installs LibreOffice Calc and poppler-utils from Debian packages when they are missing (needs root
# or sudo). Not run in CI: it is for a person to look at the pages.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 XLSX OUTDIR [DPI]" >&2
  exit 2
fi
xlsx="$1"
out="$2"
dpi="${3:-70}"
if [ ! -f "$xlsx" ]; then
  echo "visual-check: no such file: $xlsx" >&2
  exit 2
fi

if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "visual-check: installing libreoffice-calc and poppler-utils..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-calc poppler-utils >/dev/null
fi

mkdir -p "$out"
name="$(basename "${xlsx%.*}")"
# A private profile, so a LibreOffice already open on the machine neither blocks nor is changed.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$xlsx" >/dev/null
pdftoppm -r "$dpi" -png "$out/$name.pdf" "$out/$name"
echo "$out/$name.pdf"
ls "$out"/"$name"-*.png

#!/usr/bin/env bash
# Install the Debian packages named as arguments when they are missing (as root via apt-get;
# otherwise say which command to run). Used by the Makefile for `make serve` and `make test`.
set -euo pipefail
ontbreekt=()
for pakket in "$@"; do
  dpkg-query -W -f='${Status}' "$pakket" 2>/dev/null | grep -q "install ok installed" || ontbreekt+=("$pakket")
done
[ ${#ontbreekt[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${ontbreekt[@]}"
else
  echo "Installeer eerst deze Debian-pakketten: sudo apt-get install ${ontbreekt[*]}" >&2
  exit 1
fi

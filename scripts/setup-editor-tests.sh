#!/usr/bin/env bash
# One-time set-up for the real-editor tests: Debian's Chromium (to drive the workbench),
# ripgrep (so code-server's @vscode/ripgrep needs no download) and code-server 4.100.3
# (= VS Code 1.100.3, the last release that runs on Node 20), installed into the git-ignored
# .vscode-test/ folder so it never enters the project's lockfile. Re-running is cheap: each
# step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
CODE_SERVER_VERSION=4.100.3
RIPGREP_CACHE_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
dest=.vscode-test/code-server
marker="$dest/.installed-$CODE_SERVER_VERSION"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
[ -e /usr/include/krb5.h ] || [ -e /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need_apt[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "setup: need root (or sudo) to apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -f "$marker" ]; then
  echo "setup: code-server $CODE_SERVER_VERSION already installed in $dest"
  exit 0
fi

# @vscode/ripgrep's postinstall looks in this cache before it downloads: give it Debian's rg.
tmp="${TMPDIR:-/tmp}"
cache="$tmp/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION"
if [ ! -f "$cache/$RIPGREP_ASSET" ]; then
  mkdir -p "$cache"
  work=$(mktemp -d)
  cp "$(command -v rg)" "$work/rg"
  tar -czf "$cache/$RIPGREP_ASSET" -C "$work" rg
  rm -rf "$work"
fi

echo "setup: installing code-server $CODE_SERVER_VERSION into $dest (about 90 s, once)"
rm -rf "$dest"
mkdir -p "$dest"
echo '{ "name": "stevedore-editor-test-host", "private": true }' > "$dest/package.json"
(
  cd "$dest"
  npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
  npm_config_dangerously_allow_all_scripts=true npm_config_audit=false npm_config_fund=false \
    npm install --no-package-lock --loglevel=error "code-server@$CODE_SERVER_VERSION"
)
test -x "$dest/node_modules/.bin/code-server"
touch "$marker"
echo "setup: code-server ready"

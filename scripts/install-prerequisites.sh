#!/usr/bin/env bash
# Installs what the platform needs on Debian 12 with the .NET SDK; with --tests also what its tests need (Debian's
# chromium for the dashboard's browser test, npm packages) and restores the whole solution's NuGet packages. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(postgresql rabbitmq-server wrk)
if [ "${1:-}" = "--tests" ]; then
  packages+=(chromium python3)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages the tests use (interop peers), wherever a test project declares them.
if [ "${1:-}" = "--tests" ]; then
  while IFS= read -r manifest; do
    dir=$(dirname "$manifest")
    echo "==> npm install in $dir"
    (cd "$dir" && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi)
  done < <(find tests -name package.json -not -path '*/node_modules/*' -not -path '*/bin/*' -not -path '*/obj/*' 2>/dev/null)

  echo "==> dotnet restore"
  dotnet restore Platform.sln --verbosity quiet
fi

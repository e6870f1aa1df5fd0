#!/usr/bin/env bash
# Installs what GraphGuard needs on a fresh Debian machine that has only the .NET SDK, then builds.
# Sourced by demo.sh and test.sh; safe to run again (it installs only what is missing).
set -euo pipefail

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v runuser >/dev/null || need+=(util-linux)
# XGBoost 1.7: the library the Learning binding loads, the CLI it is timed against, the Python reference rows.
dpkg-query -W -f='${db:Status-Status}' libxgboost0 2>/dev/null | grep -qx installed || need+=(libxgboost0)
command -v xgboost >/dev/null || need+=(xgboost)
/usr/bin/python3 -c 'import xgboost' 2>/dev/null || need+=(python3-xgboost)
# scikit-learn: the split and metrics of ../shared/tools/ref_eval.py, the reference rows of docs/evaluation.md.
/usr/bin/python3 -c 'import sklearn' 2>/dev/null || need+=(python3-sklearn)
# wrk: the HTTP load generator `graphguard-bench serve` drives the scoring service with.
command -v wrk >/dev/null || need+=(wrk)
# curl: demo.sh waits for the service and shows its example requests with it.
command -v curl >/dev/null || need+=(curl)
# promtool (Debian's prometheus package): the tests check the example alert rules in ops/ with `promtool check rules`.
command -v promtool >/dev/null || need+=(prometheus)
# Node.js, npm and Chromium: the analyst workspace (web/) is TypeScript built from its lockfile; the OpenAPI
# validator and Neo4j's Cypher parser run on node in tests; the browser tests drive Debian's Chromium with
# playwright-core (no browser is downloaded).
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing Debian packages: ${need[*]}; run as root or install them first" >&2
    exit 1
  fi
  echo "setup: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The private cluster runs as the postgres OS user when we are root; it must be able to reach its folder.
if [ -z "${GRAPHGUARD_HOME:-}" ]; then
  export GRAPHGUARD_HOME="$PWD/.graphguard"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$PWD"; then
    export GRAPHGUARD_HOME="/var/tmp/graphguard-$(echo -n "$PWD" | md5sum | cut -c1-12)"
    echo "setup: postgres cannot traverse $PWD; keeping the database in $GRAPHGUARD_HOME"
  fi
fi

# The workspace: npm ci only when the lockfile changed since the last install, then build web/dist, which the Api project copies.
if ! cmp -s web/package-lock.json web/node_modules/.installed-lock.json 2>/dev/null; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
fi
(cd web && npm run --silent build)
# playwright-core for the browser tests (tests/browser): npm ci only when its lockfile changed since the last install.
if ! cmp -s tests/browser/package-lock.json tests/browser/node_modules/.installed-lock.json 2>/dev/null; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
fi
# The OpenAPI validator (@readme/openapi-parser), pinned by its lockfile.
openapi_check=tests/GraphGuard.Api.Tests/OpenApiCheck
if [ ! -d "$openapi_check/node_modules/@readme/openapi-parser" ]; then
  (cd "$openapi_check" && npm ci --no-audit --no-fund --silent)
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build GraphGuard.sln -c Release -nologo -clp:ErrorsOnly -v:q
graphguard() { dotnet "$PWD/src/GraphGuard.Cli/bin/Release/net10.0/graphguard.dll" "$@"; }

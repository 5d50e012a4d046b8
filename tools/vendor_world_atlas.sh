#!/usr/bin/env bash
# Re-vendor the world outlines used by the dashboard's map from the npm registry (pinned).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
(cd "$tmp" && npm pack world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz)
cp "$tmp/package/countries-110m.json" src/tidings/web/static/world/countries-110m.json
cp "$tmp/package/LICENSE" src/tidings/web/static/world/LICENSE-world-atlas
rm -rf "$tmp"

#!/usr/bin/env bash
# The whole test suite: services up (see ensure-services.sh), then every vitest project.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=ensure-services.sh
source scripts/ensure-services.sh
exec pnpm exec vitest run "$@"

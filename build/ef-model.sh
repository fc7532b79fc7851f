#!/usr/bin/env bash
# Regenerates EF Core's compiled model (src/Infrastructure/Persistence/CompiledModel) from the entity
# configurations. Run it after every model change, with the migration (README, "Data"); the service starts
# on the compiled model (ADR 0136) and tests/AuthPlatform.Infrastructure.Tests/CompiledModelTests.cs fail
# while it is stale.
#
#   build/ef-model.sh
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

ensure_dotnet
cd "$ROOT"
dotnet tool restore >/dev/null
rm -rf src/Infrastructure/Persistence/CompiledModel
dotnet ef dbcontext optimize --project src/Infrastructure --startup-project src/Infrastructure \
	--output-dir Persistence/CompiledModel --namespace AuthPlatform.Infrastructure.Persistence.CompiledModel
log "compiled model written to src/Infrastructure/Persistence/CompiledModel"

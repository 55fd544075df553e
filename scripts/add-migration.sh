#!/usr/bin/env bash
# Adds one migration for both database providers: SQLite (Data/Migrations) and PostgreSQL (Data/Migrations/PostgreSql).
# Usage: scripts/add-migration.sh <Name>. Needs no database server: the PostgreSQL context has a design-time factory.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?Brug: scripts/add-migration.sh <Navn>}"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/Portal --context PortalDbContext --output-dir Data/Migrations
dotnet ef migrations add "$name" --project src/Portal --context PostgreSqlPortalDbContext --output-dir Data/Migrations/PostgreSql
echo "Migreringen $name er tilføjet for SQLite og PostgreSQL."

#!/usr/bin/env bash
# Publishes the portal as it should be deployed: ReadyToRun, self-contained and composite. The .NET runtime, ASP.NET
# Core and the portal are precompiled together into one image, so a start compiles little at run time: a
# framework-dependent ReadyToRun publish leaves the generic code over the portal's own types (lists, dictionaries, JSON,
# EF Core, components) to the JIT, about 5,700 methods and 0.8 s of compiling in a restart on 10,000 documents,
# against about 2,200 methods here. The runtime ships with the portal: publish again for every .NET security update.
# Usage: scripts/publish.sh <directory>      (about 3 minutes on 2 cores; about 260 MB)
# Start: <directory>/Portal (or dotnet <directory>/Portal.dll), with the settings of the README.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?Brug: scripts/publish.sh <mappe>}"
# The precompiled images are kept between publishes without their settings: a framework-dependent publish after this
# one took the composite's images and the portal aborted at start without a word. So none are left before or after.
r2r_cache=src/Portal/obj/Release/net10.0/linux-x64/R2R
rm -rf "$r2r_cache"
trap 'rm -rf "$r2r_cache"' EXIT
dotnet publish src/Portal -c Release -r linux-x64 --self-contained true \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$out" -v q -nologo >/dev/null
echo "Udgivet til $out (start: $out/Portal)" >&2

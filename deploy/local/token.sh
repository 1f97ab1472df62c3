#!/usr/bin/env bash
# Prints a signed token of the embedded default's local issuer, for a sample caller:
#
#   deploy/local/token.sh poc EE          # Estonia's point of contact
#   deploy/local/token.sh coordinator     # also: operator, planner, oversight
#
# The signing key is created in .entente/local-issuer on first use (run.sh does it at start);
# the services of deploy/local/run.sh trust it. Tokens are valid for 12 hours.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: deploy/local/token.sh poc <STATE> | coordinator | operator | planner | oversight" >&2
    exit 2
fi
# Any service's runnable jar carries the issuer (platform); Boot's launcher runs it as the main class.
jar=incident-service/target/incident-service-0.1.0-SNAPSHOT-exec.jar
if [[ ! -f $jar ]]; then
    echo "token.sh: $jar is missing: build first (deploy/local/run.sh does)" >&2
    exit 1
fi
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dloader.main=org.entente.platform.caller.LocalIssuer \
    -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher token .entente/local-issuer "$@"

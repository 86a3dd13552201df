#!/usr/bin/env bash
# The sharded proof (docs/scaling.md): the service, API, app, audit, roaming, security, operations and
# demo tests, and ShardRouteTest, once more with the 'sharded' profile on ShardingSphere-JDBC over two
# embedded MariaDBs. Run it after scripts/test.sh has installed what the tests need (the Maven
# dependencies, Debian's packages); it starts its databases itself, as that one does. Extra arguments go
# to Maven (e.g. -Dtest=ShardRouteTest).
set -euo pipefail
cd "$(dirname "$0")/.."
# clean: a benchmark run leaves a production-mode frontend build in target/
exec ./mvnw -B -Psharded -DskipBrowserTests=true clean test-compile surefire:test@sharded "$@"

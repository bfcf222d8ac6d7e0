#!/usr/bin/env bash
# Lambda package size and cold-start benchmark for CheckStatementHandler (see bench/README.md).
#
#   bench/lambda-cold-start.sh [--samples N]      (default 5; needs only Java 17+ and Maven)
#
# Builds functions/target/sparkify-functions-lambda.zip if it is missing or older than its sources,
# unzips it into functions/target/bench/package, starts a WireMock stub of the Redshift Data API on a
# free port, then runs bench/LambdaColdStart.java: the package figures, then N fresh JVMs per flag set.
set -euo pipefail

samples=5
while [ $# -gt 0 ]; do
  case "$1" in
    --samples) samples="${2:-}"; shift 2 || { echo "--samples needs a number" >&2; exit 2; } ;;
    --samples=*) samples="${1#--samples=}"; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (usage: $0 [--samples N])" >&2; exit 2 ;;
  esac
done
case "$samples" in ''|*[!0-9]*|0) echo "--samples must be a whole number >= 1, was '$samples'" >&2; exit 2 ;; esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
java="${bin}java"
zip="$root/functions/target/sparkify-functions-lambda.zip"
bench="$root/functions/target/bench"
wiremock_version=3.13.2
wiremock_jar="$bench/wiremock-standalone-$wiremock_version.jar"

# 1. The package, rebuilt when a source, resource, SQL file or pom is newer than it.
if [ ! -f "$zip" ] || [ -n "$(find pom.xml functions/pom.xml functions/src/main functions/src/assembly sql \
    -newer "$zip" -print -quit 2>/dev/null)" ]; then
  echo "building the Lambda package (mvn -q -DskipTests package -pl functions -am) ..." >&2
  mvn -q -DskipTests package -pl functions -am
fi
mkdir -p "$bench"

# 2. WireMock standalone, from the local Maven repository or Central.
if [ ! -f "$wiremock_jar" ]; then
  echo "fetching wiremock-standalone $wiremock_version ..." >&2
  mvn -q -N dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$wiremock_version" \
    -DoutputDirectory="$bench"
fi

# 3. The package as Lambda unpacks it (classes at the root, jars in lib/), again when the zip changed.
if [ ! -f "$bench/package.stamp" ] || [ "$zip" -nt "$bench/package.stamp" ]; then
  rm -rf "$bench/package" && mkdir -p "$bench/package"
  (cd "$bench/package" && "${bin}jar" xf "$zip")
  touch "$bench/package.stamp"
fi

# 4. The driver, compiled against the unzipped package.
rm -rf "$bench/driver" && mkdir -p "$bench/driver"
"${bin}javac" --release 17 -d "$bench/driver" -cp "$bench/package:$bench/package/lib/*" "$root/bench/LambdaColdStart.java"

# 5. The stub: DescribeStatement answers a FINISHED statement without a result set (one call per sample).
mkdir -p "$bench/wiremock/mappings"
cat > "$bench/wiremock/mappings/describe-statement.json" <<'JSON'
{
  "request": {
    "method": "POST",
    "url": "/",
    "headers": {"X-Amz-Target": {"equalTo": "RedshiftData.DescribeStatement"}}
  },
  "response": {
    "status": 200,
    "headers": {"Content-Type": "application/x-amz-json-1.1"},
    "jsonBody": {
      "Id": "d9b6c0c9-0747-4bf4-b142-e8883122f766",
      "Status": "FINISHED",
      "HasResultSet": false,
      "ResultRows": 6820,
      "Duration": 3450000000,
      "CreatedAt": 1.7E9,
      "UpdatedAt": 1.7000001E9,
      "ClusterIdentifier": "sparkify",
      "Database": "dev",
      "QueryString": "COPY staging_events ..."
    }
  }
}
JSON
"$java" -jar "$wiremock_jar" --port 0 --bind-address 127.0.0.1 --root-dir "$bench/wiremock" \
  --disable-banner > "$bench/wiremock.log" 2>&1 &
wiremock_pid=$!
trap 'kill "$wiremock_pid" 2>/dev/null; wait "$wiremock_pid" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 300); do
  port="$(sed -n 's/^port: *\([0-9][0-9]*\).*/\1/p' "$bench/wiremock.log" | head -n 1)"
  [ -n "$port" ] && break
  kill -0 "$wiremock_pid" 2>/dev/null || { cat "$bench/wiremock.log" >&2; echo "WireMock did not start" >&2; exit 1; }
  sleep 0.2
done
[ -n "$port" ] || { cat "$bench/wiremock.log" >&2; echo "WireMock did not report its port in 60 s" >&2; exit 1; }

# 6. The figures.
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1 || true)"
echo "machine  $(uname -srm), $(getconf _NPROCESSORS_ONLN) cores${cpu:+ ($cpu)}"
echo "java     $(env -u JAVA_TOOL_OPTIONS -u _JAVA_OPTIONS -u JDK_JAVA_OPTIONS "$java" -version 2>&1 | head -n 1)"
"$java" -cp "$bench/driver" LambdaColdStart --samples "$samples" --package "$zip" \
  --classpath "$bench/package:$bench/package/lib/*:$bench/driver" --endpoint "http://127.0.0.1:$port"

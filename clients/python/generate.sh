#!/usr/bin/env bash
# Generates the Python stubs for jimbot.v1 (and google.rpc's Status and BadRequest, for error details) into
# jimbot_client/_gen. Needs Debian's protobuf-compiler and protobuf-compiler-grpc (protoc, grpc_python_plugin), or
# PROTOC / GRPC_PYTHON_PLUGIN pointing at others. The stubs are build output: never commit them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
protoc="${PROTOC:-$(command -v protoc || true)}"
plugin="${GRPC_PYTHON_PLUGIN:-$(command -v grpc_python_plugin || true)}"
if [ -z "$protoc" ] || [ -z "$plugin" ]; then
  echo "generate.sh: needs protoc and grpc_python_plugin: sudo apt-get install -y protobuf-compiler protobuf-compiler-grpc" >&2
  exit 2
fi
# google/protobuf/*.proto ship with protoc (Debian: /usr/include)
include="${PROTOC_INCLUDE:-/usr/include}"
[ -f "$include/google/protobuf/struct.proto" ] || { echo "generate.sh: no google/protobuf/struct.proto under $include (set PROTOC_INCLUDE)" >&2; exit 2; }

# google/rpc/{status,error_details}.proto: from the proto-google-common-protos jar the Java build already resolved
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# (the version grpc-protobuf 1.85.1 brings; any recent one has the same two messages)
version=2.64.1
jar="${HOME}/.m2/repository/com/google/api/grpc/proto-google-common-protos/${version}/proto-google-common-protos-${version}.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -B -q dependency:get -Dartifact="com.google.api.grpc:proto-google-common-protos:${version}" >&2)
fi
(cd "$work" && unzip -q -o "$jar" 'google/rpc/status.proto' 'google/rpc/error_details.proto')

out="$here/jimbot_client/_gen"
rm -rf "$out"; mkdir -p "$out"
"$protoc" -I "$root/proto/src/main/proto" -I "$work" -I "$include" \
  --python_out="$out" --grpc_python_out="$out" --plugin=protoc-gen-grpc_python="$plugin" \
  jimbot/v1/events.proto jimbot/v1/engine.proto jimbot/v1/resources.proto jimbot/resource_coordinator.proto
"$protoc" -I "$work" -I "$include" --python_out="$out" google/rpc/status.proto google/rpc/error_details.proto
echo "generated $(find "$out" -name '*.py' | wc -l) modules in $out"

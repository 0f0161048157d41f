# Sourced by ./mvnw and ./jimbot: exports JAVA_HOME pointing at a JDK >= 21, or fails with one line.
# Order: JAVA_HOME when it is already >= 21, else the newest JDK under /usr/lib/jvm.

jimbot_java_major() {
  # prints the feature version of the JDK at $1, e.g. 25; nothing when it is not a JDK
  local release="$1/release" v
  [ -x "$1/bin/javac" ] || return 1
  if [ -r "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  fi
  if [ -z "${v:-}" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  [ -n "${v:-}" ] && echo "$v"
}

jimbot_find_jdk() {
  local min=21 best="" best_v=0 d v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(jimbot_java_major "$JAVA_HOME" || true)
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then export JAVA_HOME; return 0; fi
  fi
  for d in /usr/lib/jvm/*; do
    [ -d "$d" ] || continue
    v=$(jimbot_java_major "$d" || true)
    if [ -n "$v" ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ "$best_v" -ge "$min" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "JimBot needs a JDK >= $min: install one (e.g. Temurin 25) under /usr/lib/jvm or set JAVA_HOME to it." >&2
  return 1
}

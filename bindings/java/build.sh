#!/usr/bin/env bash
# Builds the Java binding into OUT_DIR/guidelint.jar with the JDK's javac and jar, against
# Debian's JNA; with --test, also builds the tests and runs them with JUnit 4.
#
#   bindings/java/build.sh [--test] [OUT_DIR]      OUT_DIR: ${TMPDIR:-/tmp}/guidelint-java by default
#
# The tests need the shared library: GUIDELINT_LIBRARY=path/to/libguidelint.so.0 (or JNA's search).
# Tools and jars can be overridden: JAVA_HOME, JNA_JAR, JUNIT_JAR, HAMCREST_JAR.
# CMake builds and tests the same way (bindings/java/CMakeLists.txt, test Bindings.java).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
run_tests=0
if [ "${1:-}" = "--test" ]; then
  run_tests=1
  shift
fi
out=${1:-${TMPDIR:-/tmp}/guidelint-java}

if [ -n "${JAVA_HOME:-}" ]; then
  bin="$JAVA_HOME/bin/"
else
  bin=""
fi
JAVAC="${bin}javac"
JAR="${bin}jar"
JAVA="${bin}java"
JNA_JAR=${JNA_JAR:-/usr/share/java/jna.jar}
JUNIT_JAR=${JUNIT_JAR:-/usr/share/java/junit4.jar}
HAMCREST_JAR=${HAMCREST_JAR:-/usr/share/java/hamcrest-core.jar}

need() {
  [ -e "$1" ] || { echo "build.sh: $1 is missing ($2)" >&2; exit 1; }
}
command -v "$JAVAC" >/dev/null || { echo "build.sh: no javac: install a JDK 17 (default-jdk-headless)" >&2; exit 1; }
need "$JNA_JAR" "install libjna-java, or set JNA_JAR"

rm -rf "$out/classes" "$out/test-classes"
mkdir -p "$out/classes"
find "$here/src/main/java" -name '*.java' | sort > "$out/sources.txt"
"$JAVAC" --release 17 -Xlint:all,-path -Werror -encoding UTF-8 -cp "$JNA_JAR" -d "$out/classes" @"$out/sources.txt"
"$JAR" --create --file "$out/guidelint.jar" --manifest "$here/MANIFEST.MF" -C "$out/classes" .
echo "build.sh: $out/guidelint.jar"

[ "$run_tests" = 1 ] || exit 0
need "$JUNIT_JAR" "install junit4, or set JUNIT_JAR"
need "$HAMCREST_JAR" "install junit4 (it brings libhamcrest-java), or set HAMCREST_JAR"
mkdir -p "$out/test-classes"
find "$here/src/test/java" -name '*.java' | sort > "$out/test-sources.txt"
classpath="$out/guidelint.jar:$JNA_JAR:$JUNIT_JAR:$HAMCREST_JAR"
"$JAVAC" --release 17 -Xlint:all,-path -Werror -encoding UTF-8 -cp "$classpath" -d "$out/test-classes" \
  @"$out/test-sources.txt"
# MALLOC_PERTURB_ overwrites freed memory, so a use after free shows (see LifecycleTest).
cd "$out"
MALLOC_PERTURB_=165 "$JAVA" -cp "$out/test-classes:$classpath" org.junit.runner.JUnitCore \
  org.guidelint.AllTests

#!/usr/bin/env bash
# Installs the build into a temporary prefix, then builds and runs small C and C++ programs
# against the installed tree: with CMake's find_package and with pkg-config.
# Usage: run.sh BUILD_DIR SOURCE_DIR C_COMPILER CXX_COMPILER
set -euo pipefail
build=$1 here=$2 cc=$3 cxx=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name 'libguidelint.so.0' | head -1)")
expected_c='c 1:42 placeholder-content'
expected_cpp='cpp 1:42 placeholder-content'

check() {  # check NAME OUTPUT EXPECTED
  if ! grep -Eqx -- "$3" <<<"$2"; then
    echo "$1: expected a line '$3' in:" >&2
    echo "$2" >&2
    exit 1
  fi
}

# The tree moves: nothing in it may point back at the build.
mv "$prefix" "$work/moved"
prefix=$work/moved
libdir=${libdir/$work\/prefix/$prefix}
if grep -rqs -- "$build" "$prefix/lib"/cmake "$libdir/pkgconfig"; then
  echo "the installed package files name the build folder" >&2
  exit 1
fi

# 1. CMake: find_package(guidelint) and guidelint::guidelint (shared) and ::guidelint_static.
cmake -S "$here" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/cmake" >/dev/null
out=$(LD_LIBRARY_PATH="$libdir" "$work/cmake/consumer_c")
check "CMake, C" "$out" "$expected_c"
check "CMake, C" "$out" "c errors=[1-9][0-9]* version=$(sed -n 's/^Version: //p' "$libdir/pkgconfig/guidelint.pc")"
out=$(LD_LIBRARY_PATH="$libdir" "$work/cmake/consumer_cpp")
check "CMake, C++" "$out" "$expected_cpp"
out=$("$work/cmake/consumer_static")
check "CMake, C++ static" "$out" "$expected_cpp"
# The shared library is what the programs load.
# (ldd's output is kept first: with pipefail, grep -q closing the pipe early would fail ldd.)
loaded=$(LD_LIBRARY_PATH="$libdir" ldd "$work/cmake/consumer_c")
grep -q "$libdir/libguidelint.so.0" <<<"$loaded" || {
  echo "consumer_c does not load the installed libguidelint.so.0" >&2
  exit 1
}

# 2. pkg-config.
export PKG_CONFIG_PATH=$libdir/pkgconfig
"$cc" -o "$work/pc_c" "$here/consumer.c" $(pkg-config --cflags --libs guidelint)
out=$(LD_LIBRARY_PATH="$libdir" "$work/pc_c")
check "pkg-config, C" "$out" "$expected_c"
"$cxx" -std=c++20 -o "$work/pc_cpp" "$here/consumer.cpp" $(pkg-config --cflags --libs guidelint)
out=$(LD_LIBRARY_PATH="$libdir" "$work/pc_cpp")
check "pkg-config, C++" "$out" "$expected_cpp"
"$cxx" -std=c++20 -o "$work/pc_static" "$here/consumer.cpp" \
  $(pkg-config --cflags --static guidelint) "$libdir/libguidelint.a" \
  $(pkg-config --libs-only-l --static guidelint | sed 's/-lguidelint//')
out=$("$work/pc_static")
check "pkg-config, C++ static" "$out" "$expected_cpp"

# 3. The command and the data.
version=$("$prefix/bin/guidelint" --version)
grep -q '^guidelint ' <<<"$version" || { echo "no guidelint command" >&2; exit 1; }
test -f "$prefix/share/guidelint/rules/packs/national.yaml"
test -f "$prefix/include/guidelint/guidelint.h"
echo "installed tree usable from CMake and pkg-config, shared and static"

#!/usr/bin/env bash
# install_test.sh BUILD_DIR TEST_DIR SOURCE_DIR
set -euo pipefail
build=$1 here=$2 source=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
[ -x "$prefix/bin/conduct" ] || fail "no installed binary"
[ -f "$prefix/share/conduct/models/conduct.model" ] || fail "no installed model"

# The installed binary finds its data beside itself, from any folder, with
# no CONDUCT_HOME.
cp "$source/tests/data/sample/billing-dispute-notes.txt" "$work/notes.txt"
(cd / && env -u CONDUCT_HOME "$prefix/bin/conduct" analyze "$work/notes.txt") > "$work/out.jsonl"
grep -q '"findings":\[{' "$work/out.jsonl" || fail "installed binary made no finding: $(head -c 300 "$work/out.jsonl")"

# A program of the user's lives elsewhere: it names the data with CONDUCT_HOME.
expect_findings() {  # program
  local out
  out=$(cd / && CONDUCT_HOME="$prefix/share/conduct" "$1")
  [ "$out" = "unprofessional" ] || fail "$1 printed '$out', not 'unprofessional'"
}

# find_package(conduct)
mkdir -p "$work/cmake-project"
cp "$here/analyze_a_string.cc" "$work/cmake-project/"
cat > "$work/cmake-project/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.22)
project(uses_conduct CXX)
set(CMAKE_CXX_STANDARD 20)
find_package(conduct REQUIRED)
add_executable(analyze_a_string analyze_a_string.cc)
target_link_libraries(analyze_a_string PRIVATE conduct::conduct)
CMAKE
cmake -S "$work/cmake-project" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/cmake-build" >/dev/null
expect_findings "$work/cmake-build/analyze_a_string"

# pkg-config conduct
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --exists conduct || fail "pkg-config finds no conduct"
# shellcheck disable=SC2046
g++ -O1 -o "$work/pc_program" "$here/analyze_a_string.cc" \
  $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs conduct)
expect_findings "$work/pc_program"
echo "install test: 1 passed, 0 failed"

# Shared by scripts/run and scripts/test: install what is missing, then configure and build.
# Sourced, not run.

GUIDELINT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GUIDELINT_BUILD="$GUIDELINT_ROOT/build"

# Debian 12 packages guidelint builds, tests and benchmarks with.
GUIDELINT_PACKAGES=(
  g++ make cmake binutils python3
  libicu-dev libyaml-cpp-dev libpugixml-dev libfmt-dev libcli11-dev libgtest-dev
  pkg-config libgumbo-dev rapidjson-dev libzip-dev zip python3-jsonschema
  default-jdk-headless libjna-java junit4 libbenchmark-dev chromium
  fonts-wqy-zenhei hyperfine
)
# Node.js and npm for the Node binding: Debian's, unless the machine already has its own.
command -v node >/dev/null || GUIDELINT_PACKAGES+=(nodejs)
command -v npm >/dev/null || GUIDELINT_PACKAGES+=(npm)

guidelint_install_packages() {
  local missing=() pkg
  for pkg in "${GUIDELINT_PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" == "install ok installed" ]] ||
      missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "guidelint: installing ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "guidelint: need root (or sudo) to install ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}" >&2
}

guidelint_build() {
  if [ ! -f "$GUIDELINT_BUILD/CMakeCache.txt" ]; then
    cmake -S "$GUIDELINT_ROOT" -B "$GUIDELINT_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DGUIDELINT_WERROR=ON >&2
  fi
  cmake --build "$GUIDELINT_BUILD" --parallel "$(nproc)" >&2
}

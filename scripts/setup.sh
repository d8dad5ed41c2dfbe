#!/usr/bin/env bash
# Installs everything hegui needs on a fresh Debian 12 machine, then builds it.
#   bash scripts/setup.sh            # packages + npm test client + build in ./build
#   HEGUI_SKIP_APT=1 bash scripts/setup.sh   # build only
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# One list, one place: every Debian package the project builds, tests or benchmarks with.
PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang libclang-rt-14-dev clang-format
  # libraries (DESIGN.md, Dependencies)
  libboost-dev libboost-system-dev libssl-dev libcli11-dev nlohmann-json3-dev libyaml-cpp-dev
  libsqlite3-dev libpq-dev libicu-dev libopencc-dev opencc libvectorscan-dev libre2-dev
  libfmt-dev libspdlog-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev googletest libbenchmark-dev sqlite3 postgresql wrk nginx-light
  golang-go golang-golang-x-mod-dev chromium ca-certificates curl procps time
)

if [ "${HEGUI_SKIP_APT:-0}" != 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
  # Node.js for the end-to-end tests with the official openai SDK: keep a newer
  # one if the machine already has it, otherwise take Debian's.
  if ! command -v npm >/dev/null 2>&1; then
    $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
fi

# The end-to-end tests' client (the official openai SDK). Trust the system CA
# bundle too, for machines behind a TLS-inspecting proxy. Building and running
# hegui does not need it, so a registry that cannot be reached is a warning here;
# the e2e test then fails and says to run `npm ci` in tests/e2e.
if [ -f tests/e2e/package.json ]; then
  export NODE_EXTRA_CA_CERTS=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
  if ! (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error); then
    echo "setup: WARNING: npm ci in tests/e2e failed; the end-to-end tests need it" >&2
  fi
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"
echo "hegui built: ./build/hegui"

#!/usr/bin/env bash
# Installs what the neon target needs on Debian when it is missing: on x86-64 the aarch64 cross compiler
# (gcc-aarch64-linux-gnu) and qemu-user to run its programs, plus libsimde-dev (NEON intrinsics on x86, for
# load('neon') through the node addon); on arm64 only a C compiler; g++, make and python3 for node-gyp. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ "$(uname -m)" = "aarch64" ]; then
  command -v gcc >/dev/null || missing+=(gcc)
else
  command -v aarch64-linux-gnu-gcc >/dev/null || missing+=(gcc-aarch64-linux-gnu)
  command -v qemu-aarch64 >/dev/null || command -v qemu-aarch64-static >/dev/null || missing+=(qemu-user)
  [ -f /usr/include/simde/arm/neon.h ] || missing+=(libsimde-dev)
  # the aarch64 C library headers: only a recommendation of gcc-aarch64-linux-gnu, so --no-install-recommends skips it
  [ -f /usr/aarch64-linux-gnu/include/stdio.h ] || missing+=(libc6-dev-arm64-cross)
fi
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v python3 >/dev/null || missing+=(python3)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-neon: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "setup-neon: ok"

# The node addon behind load('neon') (node-addon-api + node-gyp from node_modules), with this Node's own headers
# when they are installed (no download), else node-gyp fetches them.
NODE_PREFIX="$(dirname "$(dirname "$(command -v node)")")"
GYP_ARGS=()
[ -f "$NODE_PREFIX/include/node/node_api.h" ] && GYP_ARGS+=("--nodedir=$NODE_PREFIX")
if [ -x node_modules/.bin/node-gyp ]; then
  (cd native/neon && ../../node_modules/.bin/node-gyp rebuild --loglevel=error "${GYP_ARGS[@]}" >/dev/null) && echo "setup-neon: addon built (native/neon/build/Release/sparsec_neon.node)"
else
  echo "setup-neon: node_modules/.bin/node-gyp is missing (run npm ci first); the neon addon is not built" >&2
fi

#!/usr/bin/env bash
# Installs what the webgpu target needs on Debian when it is missing: chromium (its SwiftShader
# Vulkan driver runs WebGPU without a GPU, and headless chromium runs the browser test) and the
# Vulkan loader libvulkan1. Idempotent: installs nothing when both are present.
set -euo pipefail

ICD=/usr/lib/chromium/vk_swiftshader_icd.json
missing=()
[ -f "$ICD" ] && [ -x /usr/bin/chromium ] || missing+=(chromium)
ldconfig -p 2>/dev/null | grep -q 'libvulkan\.so\.1' || missing+=(libvulkan1)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-webgpu: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ -f "$ICD" ] || { echo "setup-webgpu: $ICD is missing after installing chromium" >&2; exit 1; }
echo "setup-webgpu: ok (export VK_ICD_FILENAMES=$ICD; the runtime sets it itself when unset)"

#!/usr/bin/env bash
# Installs what sparsec's tests need on a fresh Debian machine: the npm packages, and the system runtimes
# of the targets: Debian chromium (SwiftShader's Vulkan driver for WebGPU, and the browser test) + libvulkan1.
set -euo pipefail
cd "$(dirname "$0")/.."

# onnxruntime-node (a benchmark peer) would otherwise try to download CUDA binaries from outside npm.
export ONNXRUNTIME_NODE_INSTALL=skip
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

# WebGPU without a GPU: Dawn on SwiftShader (apt, only what is missing).
bash scripts/setup-webgpu.sh

# ARM NEON: the aarch64 cross compiler, qemu-user and SIMDe (apt, only what is missing).
bash scripts/setup-neon.sh

#!/usr/bin/env python3
"""@file The H200 script: verifies every prepared dsl/ case on the GPU and benchmarks sparsec's CUDA kernels beside
PyTorch FlexAttention (compiled, same mask, block size 128) and scaled_dot_product_attention, in one run.

Needs only what that machine has: nvcc, Python 3 and PyTorch (with Triton for FlexAttention). Everything else is in
bench/gpu/out/, written by `node bench/gpu/prepare.mjs` on a machine with Node (see README.md).
Usage: python3 bench/gpu/run.py [--verify-only] [--bench-only] [--iters N]
"""
import concurrent.futures as futures
import ctypes
import json
import os
import struct
import subprocess
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'out')
DTYPE = {'f32': torch.float32, 'f16': torch.float16, 'bf16': torch.bfloat16}
# tolerance of the GPU run against the emulated run of the same source (both f32 arithmetic, other orders)
TOL = {'f32': (2e-3, 2e-3), 'f16': (2e-3, 2e-3), 'bf16': (8e-3, 8e-3)}


def compile_sources(index, arch):
    """Compiles every .cu to a shared library for `arch` (in parallel); returns symbol -> ctypes library."""
    build = os.path.join(OUT, 'build-' + arch)
    os.makedirs(build, exist_ok=True)

    def one(src):
        so = os.path.join(build, src['symbol'] + '.so')
        if not os.path.exists(so):
            cmd = ['nvcc', '-shared', '-Xcompiler', '-fPIC', '-O3', '-arch=' + arch, '-o', so, os.path.join(OUT, src['file'])]
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0:
                raise RuntimeError('nvcc failed on %s:\n%s\nrepro: %s' % (src['file'], r.stderr, ' '.join(cmd)))
        return src['symbol'], so

    with futures.ThreadPoolExecutor(os.cpu_count() or 4) as pool:
        built = list(pool.map(one, index['sources']))
    return {sym: ctypes.CDLL(so) for sym, so in built}


class Launcher:
    """Calls `<symbol>_run_packed` with device buffers on PyTorch's current stream."""

    def __init__(self, lib, src):
        self.src = src
        self.fn = getattr(lib, src['symbol'] + '_run_packed')
        self.fn.restype = ctypes.c_int
        self.fn.argtypes = [ctypes.c_void_p] * 4 + [ctypes.c_int, ctypes.c_void_p]
        self.workspace = None

    def __call__(self, buffers, scalars, blocks):
        need = self.src['workspacePerBlock'] * blocks + 16
        if self.workspace is None or self.workspace.numel() < need:
            self.workspace = torch.empty(need, dtype=torch.uint8, device='cuda')
        n = len(buffers)
        ptrs = (ctypes.c_void_p * max(1, n))(*[t.data_ptr() for t, _ in buffers])
        lens = (ctypes.c_int * max(1, n))(*[length for _, length in buffers])
        sc = (ctypes.c_int * max(1, len(scalars)))(*scalars)
        err = self.fn(ptrs, lens, sc, ctypes.c_void_p(self.workspace.data_ptr()), blocks, ctypes.c_void_p(torch.cuda.current_stream().cuda_stream))
        if err != 0:
            raise RuntimeError('%s: launch failed with cudaError %d' % (self.src['symbol'], err))


def read_packed(path):
    """The packed launch of prepare.mjs: buffers (device tensors of raw bytes), lengths, output flags, scalars."""
    data = open(path, 'rb').read()
    nbuf, nscalar, _ = struct.unpack_from('<3i', data, 0)
    at = 12
    buffers, outputs = [], []
    for _ in range(nbuf):
        is_out, length, size = struct.unpack_from('<3i', data, at)
        at += 12
        raw = bytearray(data[at:at + length * size]) + bytearray(16)
        at += length * size
        buffers.append((torch.frombuffer(raw, dtype=torch.uint8).cuda(), length))
        outputs.append((is_out, size))
    scalars = list(struct.unpack_from('<%di' % nscalar, data, at))
    return buffers, outputs, scalars


def short_path(src):
    """The printing path of a source: 'tensor-core' (mma.sync) or 'simt'."""
    return 'tensor-core' if src.get('path', 'simt').startswith('tensor-core') else 'simt'


def verify(index, libs, blocks):
    rows, failed = [], 0
    sources = {s['symbol']: s for s in index['sources']}
    for case in index['cases']:
        src = sources[case['source']]
        buffers, outputs, scalars = read_packed(os.path.join(OUT, case['input']))
        Launcher(libs[src['symbol']], src)(buffers, scalars, blocks)
        torch.cuda.synchronize()
        worst, ok = 0.0, True
        outs = [p for p in src['params'] if p['kind'] == 'out']
        flagged = [b for b, (is_out, _) in zip(buffers, outputs) if is_out]
        for p, (buf, length) in zip(outs, flagged):
            dt = DTYPE.get(p['dtype'], torch.float32)
            got = buf[:length * torch.tensor([], dtype=dt).element_size()].view(dt).float()
            exp = torch.frombuffer(bytearray(open(os.path.join(OUT, case['expected'][p['name']]), 'rb').read()), dtype=torch.float32).cuda()
            exp = exp[:got.numel()]
            atol, rtol = TOL.get(case['dtype'], TOL['f32'])
            close = torch.isclose(got, exp, rtol=rtol, atol=atol, equal_nan=True)
            ok = ok and bool(close.all())
            finite = torch.isfinite(got) & torch.isfinite(exp)
            if finite.any():
                worst = max(worst, float((got[finite] - exp[finite]).abs().max()))
        failed += 0 if ok else 1
        rows.append((case['kernel'], case['case'], short_path(src), 'pass' if ok else 'FAIL', worst))
    print('\n## verify on %s (GPU run vs the verified emulated run of the same source)\n' % torch.cuda.get_device_name())
    print('| kernel | case | path | status | max abs diff |\n|---|---|---|---|---|')
    for r in rows:
        print('| %s | %s | %s | %s | %.2e |' % r)
    print('\n%d of %d cases passed' % (len(rows) - failed, len(rows)))
    return failed


def timed(fn, iters):
    for _ in range(3):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(iters):
        a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        a.record()
        fn()
        b.record()
        torch.cuda.synchronize()
        times.append(a.elapsed_time(b))
    return sorted(times)[len(times) // 2]


def dense_peak_tflops():
    n = 8192
    a = torch.randn(n, n, dtype=torch.bfloat16, device='cuda')
    ms = timed(lambda: a @ a, 10)
    return 2 * n ** 3 / ms / 1e9


def mask_mod_for(run, dev):
    """The FlexAttention mask_mod of a benchmark case (query positions end-aligned with the keys, as sparsec's causal)."""
    s = run['sizes']
    off = s['kvLen'] - s['qLen']
    name = run['kernel']
    if 'streaming' in name:
        return lambda b, h, q, k: (q + off >= k) & ((k < 4) | (q + off - k < 1024))
    if 'documents' in name:
        doc = load_i32(run['params']['doc'], dev)
        return lambda b, h, q, k: (q + off >= k) & (doc[q + off] == doc[k])
    if 'blocks' in name:
        sel = load_i32(run['params']['sel'], dev)
        nq, nk = -(-s['qLen'] // 128), -(-s['kvLen'] // 128)
        sel = sel.view(1, s['heads'], nq, nk)
        return lambda b, h, q, k: sel[b, h, q // 128, k // 128] > 0
    return lambda b, h, q, k: q + off >= k


def load_i32(p, dev):
    return torch.frombuffer(bytearray(open(os.path.join(OUT, p['file']), 'rb').read()), dtype=torch.int32).to(dev)


def live_pairs(mask_mod, s, dev):
    total = 0
    for h in range(s['heads']):
        for q0 in range(0, s['qLen'], 1024):
            q = torch.arange(q0, min(s['qLen'], q0 + 1024), device=dev)[:, None]
            k = torch.arange(s['kvLen'], device=dev)[None, :]
            total += int(mask_mod(torch.zeros((), dtype=torch.int64, device=dev), torch.tensor(h, device=dev), q, k).sum())
    return total


def bench(index, libs, blocks, iters):
    from torch.nn.attention.flex_attention import create_block_mask, flex_attention
    flex = torch.compile(flex_attention)
    dev = 'cuda'
    peak = dense_peak_tflops()
    sources = {s['symbol']: s for s in index['sources']}
    rows = []
    for run in index['bench']:
        s, src = run['sizes'], sources[run['source']]
        q = torch.randn(1, s['heads'], s['qLen'], 128, dtype=torch.bfloat16, device=dev)
        k = torch.randn(1, s['kvHeads'], s['kvLen'], 128, dtype=torch.bfloat16, device=dev)
        v = torch.randn(1, s['kvHeads'], s['kvLen'], 128, dtype=torch.bfloat16, device=dev)
        out = torch.empty(1, s['heads'], s['qLen'], 128, dtype=torch.bfloat16, device=dev)
        lse = torch.empty(1, s['heads'], s['qLen'], dtype=torch.float32, device=dev)
        tensors = {'q': q, 'k': k, 'v': v, 'out': out, 'lse': lse}
        buffers, scalars = [], []
        for p in src['params']:
            if p['kind'] == 'scalar':
                scalars.append(int(run['params'][p['name']]))
            elif p['name'] in tensors:
                buffers.append((tensors[p['name']], tensors[p['name']].numel()))
            else:
                buffers.append((load_i32(run['params'][p['name']], dev), run['params'][p['name']]['length']))
        launch = Launcher(libs[src['symbol']], src)
        t_sparsec = timed(lambda: launch(buffers, scalars, blocks), iters)
        mask_mod = mask_mod_for(run, dev)
        bm = create_block_mask(mask_mod, 1, s['heads'], s['qLen'], s['kvLen'], device=dev, BLOCK_SIZE=128)
        gqa = s['heads'] != s['kvHeads']
        ref = flex(q, k, v, block_mask=bm, enable_gqa=gqa)
        t_flex = timed(lambda: flex(q, k, v, block_mask=bm, enable_gqa=gqa), iters)
        t_sdpa = None
        if 'causal' in run['kernel'] or 'decode' in run['kernel']:
            causal = s['qLen'] > 1
            t_sdpa = timed(lambda: torch.nn.functional.scaled_dot_product_attention(q, k, v, is_causal=causal, enable_gqa=gqa), iters)
        diff = float((out.float() - ref.float()).abs().max())
        live = live_pairs(mask_mod, s, dev)
        tflops = 4 * live * 128 / t_sparsec / 1e9
        rows.append((run['kernel'] + ' (' + short_path(src) + ')', run['seq'], t_sparsec, t_flex, t_sdpa, t_flex / t_sparsec, tflops, 100 * tflops / peak, diff))
    print('\n## bench on %s (bf16, batch 1, head_dim 128; dense bf16 matmul peak measured %.0f TFLOP/s)\n' % (torch.cuda.get_device_name(), peak))
    print('| case | seq | sparsec ms | FlexAttention ms | SDPA ms | sparsec vs Flex (x) | sparsec live TFLOP/s | % of peak | max abs diff vs Flex |')
    print('|---|---|---|---|---|---|---|---|---|')
    for r in rows:
        sdpa = '-' if r[4] is None else '%.3f' % r[4]
        print('| %s | %d | %.3f | %.3f | %s | %.2f | %.1f | %.1f | %.2e |' % (r[0], r[1], r[2], r[3], sdpa, r[5], r[6], r[7], r[8]))
    return rows


def main():
    args = sys.argv[1:]
    iters = int(args[args.index('--iters') + 1]) if '--iters' in args else 10
    index = json.load(open(os.path.join(OUT, 'index.json')))
    major, minor = torch.cuda.get_device_capability()
    arch = 'sm_%d%d' % (major, minor)
    libs = compile_sources(index, arch)
    blocks = 4 * torch.cuda.get_device_properties(0).multi_processor_count
    failed = 0 if '--bench-only' in args else verify(index, libs, blocks)
    if '--verify-only' not in args:
        bench(index, libs, blocks, iters)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()

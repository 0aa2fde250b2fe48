// sparsec: kernel lazy_neuron_t5_fc1 (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 1568>;
fn neg_inf() -> f32 { return bitcast<f32>(ib[0]); }
fn hdr(i: u32) -> i32 { return bitcast<i32>(ib[i]); }
fn floor_div(a: i32, b: i32) -> i32 {
  if (b == 0) { return 0; }
  if (b == -1) { return -a; }
  let q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) { return q - 1; }
  return q;
}
fn floor_mod(a: i32, b: i32) -> i32 {
  if (b == 0 || b == -1) { return 0; }
  let r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) { return r + b; }
  return r;
}
fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn log_nan(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return log(x);
}
fn exp_nan(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return exp(x);
}
fn prod_err(a: f32, b: f32, p: f32) -> f32 {
  let ca = 4097f * a;
  let ah = ca - (ca - a);
  let al = a - ah;
  let cb = 4097f * b;
  let bh = cb - (cb - b);
  let bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}
fn div_residual(a: f32, b: f32, q: f32) -> f32 {
  let p = q * b;
  return abs((a - p) - prod_err(q, b, p));
}
fn div_rn(a: f32, b: f32) -> f32 {
  let q = a / b;
  let aq = abs(q);
  if (!(aq > 1e-18f && aq < 1e18f && abs(b) > 1e-18f && abs(b) < 1e18f)) { return q; }
  let up = bitcast<f32>(bitcast<u32>(q) + 1u);
  let dn = bitcast<f32>(bitcast<u32>(q) - 1u);
  var best = q;
  var r = div_residual(a, b, q);
  let ru = div_residual(a, b, up);
  if (ru < r) { best = up; r = ru; }
  if (div_residual(a, b, dn) < r) { best = dn; }
  return best;
}
fn softmax_exp(a: f32, m: f32) -> f32 {
  if (a < -3.0e38) { return 0f; }
  let x = a - m;
  if (is_nan(x)) { return x; }
  return exp(x);
}
fn tanh_safe(x: f32) -> f32 {
  let e = exp(-2f * abs(x));
  return sign(x) * (1f - e) / (1f + e);
}
fn erf_approx(x: f32) -> f32 {
  let z = abs(x);
  let t = 1f / (1f + 0.3275911f * z);
  let y = 1f - (((((1.061405429f * t - 1.453152027f) * t) + 1.421413741f) * t - 0.284496736f) * t + 0.254829592f) * t * exp(-z * z);
  return sign(x) * y;
}
fn f16_bits(x: f32) -> u32 {
  // NOTE: pack2x16float is indeterminate outside the finite f16 range: NaN, inf and overflow are spelled out.
  if (is_nan(x)) { return 0x7e00u; }
  if (x >= 65520f) { return 0x7c00u; }
  if (x <= -65520f) { return 0xfc00u; }
  return pack2x16float(vec2<f32>(x, 0f)) & 0xffffu;
}
fn bf16_bits(x: f32) -> u32 {
  let b = bitcast<u32>(x);
  if ((b & 0x7f800000u) == 0x7f800000u && (b & 0x7fffffu) != 0u) { return (b >> 16u) | 0x40u; }
  return ((b + 0x7fffu + ((b >> 16u) & 1u)) >> 16u) & 0xffffu;
}
fn put_half(w: u32, i: i32, bits: u32) {
  let shift = 16u * u32(i & 1);
  atomicAnd(&ob[w], ~(0xffffu << shift));
  atomicOr(&ob[w], bits << shift);
}
fn rd0(i: i32) -> f32 {
  if (i < 0 || i >= hdr(3u)) { return 0f; }
  let off = hdr(2u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn rv0(i: i32) -> vec4<f32> {
  let at = hdr(2u) + i;
  if (i >= 0 && i + 4 <= hdr(3u) && (at & 3) == 0) { return bitcast<vec4<f32>>(ib4[at >> 2u]); }
  return vec4<f32>(rd0(i), rd0(i + 1), rd0(i + 2), rd0(i + 3));
}
fn rd1(i: i32) -> f32 {
  if (i < 0 || i >= hdr(5u)) { return 0f; }
  let off = hdr(4u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn rv1(i: i32) -> vec4<f32> {
  let at = hdr(4u) + i;
  if (i >= 0 && i + 4 <= hdr(5u) && (at & 3) == 0) { return bitcast<vec4<f32>>(ib4[at >> 2u]); }
  return vec4<f32>(rd1(i), rd1(i + 1), rd1(i + 2), rd1(i + 3));
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  var pr0: array<f32, 8>;
  var pr1: array<f32, 8>;
  let p0 = hdr(1u); // m
  let oo0 = hdr(6u); // y
  let ol0 = hdr(7u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  let v1: i32 = (p0 + 15i);
  let v2: i32 = floor_div(v1, 16i);
  let n3 = max(0, v2 - 0i);
  let n4 = max(0, 64i - 0i);
  let tasks = n3 * n4;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g6 = 0i + (task / (n4));
    let g5 = 0i + task % n4;
    let v7: i32 = (g6 * 16i);
    let v8: i32 = (v7 * 2048i);
    let v9: i32 = (p0 - v7);
    let v10: i32 = min(16i, v9);
    let v11: i32 = (v7 * 512i);
    let v12: i32 = (g5 * 32i);
    let v13: i32 = (v8 + v12);
    let v14: i32 = (2048i - v12);
    let v15: i32 = min(32i, v14);
    let v16: i32 = (v12 * 512i);
    for (var j18: i32 = 0; j18 < 8; j18 = j18 + 1) {
      let e17 = lid + j18 * 64;
      pr0[j18] = 0f;
    }
    for (var i19: i32 = 0i; i19 < 16i; i19 = i19 + 1) {
      let v20: i32 = (i19 * 32i);
      let v21: i32 = (v11 + v20);
      let v22: i32 = (512i - v20);
      let v23: i32 = min(32i, v22);
      let v24: i32 = (v16 + v20);
      for (var j26: i32 = 0; j26 < 4; j26 = j26 + 1) {
        let e25 = lid + j26 * 64;
        let e25_0 = (e25 / 8);
        let e25_1 = e25 % 8;
        let x27 = select(vec4<f32>(0f), select(vec4<f32>(0f), rv0((v24 + e25_0 * 512i + e25_1 * 4)), vec4<i32>(e25_1 * 4) + vec4<i32>(0, 1, 2, 3) < vec4<i32>(v23)), e25_0 < v15);
        wf[0 + e25_0 * 33 + e25_1 * 4] = x27.x;
        wf[0 + e25_0 * 33 + e25_1 * 4 + 1] = x27.y;
        wf[0 + e25_0 * 33 + e25_1 * 4 + 2] = x27.z;
        wf[0 + e25_0 * 33 + e25_1 * 4 + 3] = x27.w;
      }
      for (var j29: i32 = 0; j29 < 2; j29 = j29 + 1) {
        let e28 = lid + j29 * 64;
        let e28_0 = (e28 / 8);
        let e28_1 = e28 % 8;
        let x30 = select(vec4<f32>(0f), select(vec4<f32>(0f), rv1((v21 + e28_0 * 512i + e28_1 * 4)), vec4<i32>(e28_1 * 4) + vec4<i32>(0, 1, 2, 3) < vec4<i32>(v23)), e28_0 < v10);
        wf[1056 + e28_0 * 32 + e28_1 * 4] = x30.x;
        wf[1056 + e28_0 * 32 + e28_1 * 4 + 1] = x30.y;
        wf[1056 + e28_0 * 32 + e28_1 * 4 + 2] = x30.z;
        wf[1056 + e28_0 * 32 + e28_1 * 4 + 3] = x30.w;
      }
      workgroupBarrier();
      {
        let dr31 = lid / 32;
        let dc32 = lid % 32;
        pr1[0] = pr0[0];
        pr1[1] = pr0[1];
        pr1[2] = pr0[2];
        pr1[3] = pr0[3];
        pr1[4] = pr0[4];
        pr1[5] = pr0[5];
        pr1[6] = pr0[6];
        pr1[7] = pr0[7];
        for (var k33: i32 = 0; k33 < 32; k33 = k33 + 1) {
          let o34 = wf[1056 + (dr31 + 0) * 32 + k33];
          let o35 = wf[0 + dc32 * 33 + k33];
          let o36 = wf[1056 + (dr31 + 2) * 32 + k33];
          let o37 = wf[1056 + (dr31 + 4) * 32 + k33];
          let o38 = wf[1056 + (dr31 + 6) * 32 + k33];
          let o39 = wf[1056 + (dr31 + 8) * 32 + k33];
          let o40 = wf[1056 + (dr31 + 10) * 32 + k33];
          let o41 = wf[1056 + (dr31 + 12) * 32 + k33];
          let o42 = wf[1056 + (dr31 + 14) * 32 + k33];
          pr1[0] = pr1[0] + o34 * o35;
          pr1[1] = pr1[1] + o36 * o35;
          pr1[2] = pr1[2] + o37 * o35;
          pr1[3] = pr1[3] + o38 * o35;
          pr1[4] = pr1[4] + o39 * o35;
          pr1[5] = pr1[5] + o40 * o35;
          pr1[6] = pr1[6] + o41 * o35;
          pr1[7] = pr1[7] + o42 * o35;
        }
      }
      for (var j44: i32 = 0; j44 < 8; j44 = j44 + 1) {
        let e43 = lid + j44 * 64;
        pr0[j44] = pr1[j44];
      }
      workgroupBarrier();
    }
    for (var j46: i32 = 0; j46 < 8; j46 = j46 + 1) {
      let e45 = lid + j46 * 64;
      let e45_0 = (e45 / 32);
      let e45_1 = e45 % 32;
      let a47 = v13 + e45_0 * 2048i + e45_1 * 1i;
      if (e45_0 < v10 && e45_1 < v15) { if (a47 >= 0 && a47 < ol0) { atomicStore(&ob[u32(oo0 + a47)], bitcast<u32>(max(pr0[j46], 0f))); } }
    }
  }
}

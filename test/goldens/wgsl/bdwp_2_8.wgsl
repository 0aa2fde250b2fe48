// sparsec: kernel bdwp_2_8 (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 512>;
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
fn rd2(i: i32) -> f32 {
  if (i < 0 || i >= hdr(6u)) { return 0f; }
  let off = hdr(5u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn rv2(i: i32) -> vec4<f32> {
  let at = hdr(5u) + i;
  if (i >= 0 && i + 4 <= hdr(6u) && (at & 3) == 0) { return bitcast<vec4<f32>>(ib4[at >> 2u]); }
  return vec4<f32>(rd2(i), rd2(i + 1), rd2(i + 2), rd2(i + 3));
}
fn rd0(i: i32) -> i32 {
  if (i < 0 || i >= hdr(2u)) { return 0i; }
  let off = hdr(1u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn rd1(i: i32) -> f32 {
  if (i < 0 || i >= hdr(4u)) { return 0f; }
  let off = hdr(3u);
  return bitcast<f32>(ib[u32(off + i)]);
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  var pr0: array<f32, 8>;
  var pr1: array<f32, 8>;
  let oo0 = hdr(7u); // y
  let ol0 = hdr(8u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  let n0 = max(0, 4i - 0i);
  let n1 = max(0, 16i - 0i);
  let tasks = n0 * n1;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g3 = 0i + (task / (n1));
    let g2 = 0i + task % n1;
    let v4: i32 = (g3 * 16i);
    let v5: i32 = (v4 * 512i);
    let v6: i32 = (64i - v4);
    let v7: i32 = min(16i, v6);
    let v8: i32 = (g2 * 32i);
    let v9: i32 = (v5 + v8);
    let v10: i32 = (512i - v8);
    let v11: i32 = min(32i, v10);
    let v12: i32 = (v8 * 128i);
    for (var j14: i32 = 0; j14 < 8; j14 = j14 + 1) {
      let e13 = lid + j14 * 64;
      pr0[j14] = 0f;
    }
    for (var i15: i32 = 0i; i15 < 16i; i15 = i15 + 1) {
      let v16: i32 = (i15 * 32i);
      let v17: i32 = (v5 + v16);
      let v18: i32 = (512i - v16);
      let v19: i32 = min(32i, v18);
      let v20: i32 = (i15 * 8i);
      let v21: i32 = (v12 + v20);
      let v22: i32 = (i15 * 4i);
      let v23: i32 = (64i - v22);
      let v24: i32 = (v23 * 2i);
      let v25: i32 = min(8i, v24);
      for (var j27: i32 = 0; j27 < 2; j27 = j27 + 1) {
        let e26 = lid + j27 * 64;
        let e26_0 = (e26 / 8);
        let e26_1 = e26 % 8;
        let x28 = select(vec4<f32>(0f), select(vec4<f32>(0f), rv2((v17 + e26_0 * 512i + e26_1 * 4)), vec4<i32>(e26_1 * 4) + vec4<i32>(0, 1, 2, 3) < vec4<i32>(v19)), e26_0 < v7);
        wf[0 + e26_0 * 32 + e26_1 * 4] = x28.x;
        wf[0 + e26_0 * 32 + e26_1 * 4 + 1] = x28.y;
        wf[0 + e26_0 * 32 + e26_1 * 4 + 2] = x28.z;
        wf[0 + e26_0 * 32 + e26_1 * 4 + 3] = x28.w;
      }
      workgroupBarrier();
      {
        let dr29 = lid / 32;
        let dc30 = lid % 32;
        pr1[0] = pr0[0];
        pr1[1] = pr0[1];
        pr1[2] = pr0[2];
        pr1[3] = pr0[3];
        pr1[4] = pr0[4];
        pr1[5] = pr0[5];
        pr1[6] = pr0[6];
        pr1[7] = pr0[7];
        for (var k31: i32 = 0; k31 < 8; k31 = k31 + 1) {
          let o32 = (k31 / 2) * 8 + select(0i, rd0((v21 + dc30 * 128i + k31)), dc30 < v11 && k31 < v25);
          let o33 = wf[0 + (dr29 + 0) * 32 + o32];
          let o34 = select(0f, rd1((v21 + dc30 * 128i + k31)), dc30 < v11 && k31 < v25);
          let o35 = wf[0 + (dr29 + 2) * 32 + o32];
          let o36 = wf[0 + (dr29 + 4) * 32 + o32];
          let o37 = wf[0 + (dr29 + 6) * 32 + o32];
          let o38 = wf[0 + (dr29 + 8) * 32 + o32];
          let o39 = wf[0 + (dr29 + 10) * 32 + o32];
          let o40 = wf[0 + (dr29 + 12) * 32 + o32];
          let o41 = wf[0 + (dr29 + 14) * 32 + o32];
          pr1[0] = pr1[0] + o33 * o34;
          pr1[1] = pr1[1] + o35 * o34;
          pr1[2] = pr1[2] + o36 * o34;
          pr1[3] = pr1[3] + o37 * o34;
          pr1[4] = pr1[4] + o38 * o34;
          pr1[5] = pr1[5] + o39 * o34;
          pr1[6] = pr1[6] + o40 * o34;
          pr1[7] = pr1[7] + o41 * o34;
        }
      }
      for (var j43: i32 = 0; j43 < 8; j43 = j43 + 1) {
        let e42 = lid + j43 * 64;
        pr0[j43] = pr1[j43];
      }
      workgroupBarrier();
    }
    for (var j45: i32 = 0; j45 < 8; j45 = j45 + 1) {
      let e44 = lid + j45 * 64;
      let e44_0 = (e44 / 32);
      let e44_1 = e44 % 32;
      let a46 = v9 + e44_0 * 512i + e44_1 * 1i;
      if (e44_0 < v7 && e44_1 < v11) { if (a46 >= 0 && a46 < ol0) { atomicStore(&ob[u32(oo0 + a46)], bitcast<u32>(pr0[j45])); } }
    }
  }
}

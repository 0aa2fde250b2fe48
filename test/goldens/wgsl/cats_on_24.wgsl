// sparsec: kernel cats_on_24 (generated; do not edit)
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
  if (i < 0 || i >= hdr(7u)) { return 0f; }
  let off = hdr(6u);
  return unpack2x16float(ib[u32(off + (i >> 1u))])[i & 1];
}
fn rd0(i: i32) -> i32 {
  if (i < 0 || i >= hdr(3u)) { return 0i; }
  let off = hdr(2u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn rd1(i: i32) -> f32 {
  if (i < 0 || i >= hdr(5u)) { return 0f; }
  let off = hdr(4u);
  return unpack2x16float(ib[u32(off + (i >> 1u))])[i & 1];
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  var pr0: array<f32, 8>;
  var pr1: array<f32, 8>;
  let p0 = hdr(1u); // m
  let oo0 = hdr(8u); // y
  let ol0 = hdr(9u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  let v1: i32 = (p0 + 15i);
  let v2: i32 = floor_div(v1, 16i);
  let n3 = max(0, v2 - 0i);
  let n4 = max(0, 16i - 0i);
  let tasks = n3 * n4;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g6 = 0i + (task / (n4));
    let g5 = 0i + task % n4;
    let v7: i32 = (g6 * 16i);
    let v8: i32 = (v7 * 512i);
    let v9: i32 = (p0 - v7);
    let v10: i32 = min(16i, v9);
    let v11: i32 = (v7 * 1024i);
    let v12: i32 = (g5 * 32i);
    let v13: i32 = (v8 + v12);
    let v14: i32 = (512i - v12);
    let v15: i32 = min(32i, v14);
    let v16: i32 = (v12 * 512i);
    for (var j18: i32 = 0; j18 < 8; j18 = j18 + 1) {
      let e17 = lid + j18 * 64;
      pr0[j18] = 0f;
    }
    for (var i19: i32 = 0i; i19 < 32i; i19 = i19 + 1) {
      let v20: i32 = (i19 * 32i);
      let v21: i32 = (v11 + v20);
      let v22: i32 = (1024i - v20);
      let v23: i32 = min(32i, v22);
      let v26: i32 = (i19 * 16i);
      let v27: i32 = (v16 + v26);
      let v28: i32 = (i19 * 8i);
      let v29: i32 = (256i - v28);
      let v30: i32 = (v29 * 2i);
      let v31: i32 = min(16i, v30);
      for (var j25: i32 = 0; j25 < 8; j25 = j25 + 1) {
        let e24 = lid + j25 * 64;
        let e24_0 = (e24 / 32);
        let e24_1 = e24 % 32;
        wf[0 + e24_0 * 32 + e24_1] = select(select(0f, rd2((v21 + e24_0 * 1024i + e24_1)), e24_0 < v10 && e24_1 < v23), 0f, (abs(select(0f, rd2((v21 + e24_0 * 1024i + e24_1)), e24_0 < v10 && e24_1 < v23)) <= 0.04999999701976776f));
      }
      workgroupBarrier();
      {
        let dr32 = lid / 32;
        let dc33 = lid % 32;
        pr1[0] = pr0[0];
        pr1[1] = pr0[1];
        pr1[2] = pr0[2];
        pr1[3] = pr0[3];
        pr1[4] = pr0[4];
        pr1[5] = pr0[5];
        pr1[6] = pr0[6];
        pr1[7] = pr0[7];
        for (var k34: i32 = 0; k34 < 16; k34 = k34 + 1) {
          let o35 = (k34 / 2) * 4 + select(0i, rd0((v27 + dc33 * 512i + k34)), dc33 < v15 && k34 < v31);
          let o36 = wf[0 + (dr32 + 0) * 32 + o35];
          let o37 = select(0f, rd1((v27 + dc33 * 512i + k34)), dc33 < v15 && k34 < v31);
          let o38 = wf[0 + (dr32 + 2) * 32 + o35];
          let o39 = wf[0 + (dr32 + 4) * 32 + o35];
          let o40 = wf[0 + (dr32 + 6) * 32 + o35];
          let o41 = wf[0 + (dr32 + 8) * 32 + o35];
          let o42 = wf[0 + (dr32 + 10) * 32 + o35];
          let o43 = wf[0 + (dr32 + 12) * 32 + o35];
          let o44 = wf[0 + (dr32 + 14) * 32 + o35];
          pr1[0] = pr1[0] + o36 * o37;
          pr1[1] = pr1[1] + o38 * o37;
          pr1[2] = pr1[2] + o39 * o37;
          pr1[3] = pr1[3] + o40 * o37;
          pr1[4] = pr1[4] + o41 * o37;
          pr1[5] = pr1[5] + o42 * o37;
          pr1[6] = pr1[6] + o43 * o37;
          pr1[7] = pr1[7] + o44 * o37;
        }
      }
      for (var j46: i32 = 0; j46 < 8; j46 = j46 + 1) {
        let e45 = lid + j46 * 64;
        pr0[j46] = pr1[j46];
      }
      workgroupBarrier();
    }
    for (var j48: i32 = 0; j48 < 8; j48 = j48 + 1) {
      let e47 = lid + j48 * 64;
      let e47_0 = (e47 / 32);
      let e47_1 = e47 % 32;
      let a49 = v13 + e47_0 * 512i + e47_1 * 1i;
      if (e47_0 < v10 && e47_1 < v15) { if (a49 >= 0 && a49 < ol0) { put_half(u32(oo0 + (a49 >> 1u)), a49, f16_bits(pr0[j48])); } }
    }
  }
}

// sparsec: kernel gqsa_groups (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 562>;
var<workgroup> wi: array<i32, 64>;
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
fn rd1(i: i32) -> i32 {
  if (i < 0 || i >= hdr(6u)) { return 0i; }
  let off = hdr(5u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin1(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd1(i);
}
fn rd0(i: i32) -> i32 {
  if (i < 0 || i >= hdr(4u)) { return 0i; }
  let off = hdr(3u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin0(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd0(i);
}
fn rd3(i: i32) -> f32 {
  if (i < 0 || i >= hdr(10u)) { return 0f; }
  let off = hdr(9u);
  return unpack2x16float(ib[u32(off + (i >> 1u))])[i & 1];
}
fn gatherin3(i: i32, len: i32) -> f32 {
  if (i < 0 || i >= len) { return 0f; }
  return rd3(i);
}
fn rd2(i: i32) -> f32 {
  if (i < 0 || i >= hdr(8u)) { return 0f; }
  let off = hdr(7u);
  return unpack2x16float(ib[u32(off + (i >> 1u))])[i & 1];
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  var pr0: array<f32, 1>;
  let p0 = hdr(1u); // m
  let p1 = hdr(2u); // w.nnz
  let oo0 = hdr(11u); // y
  let ol0 = hdr(12u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  let v2: i32 = (p0 + 15i);
  let v3: i32 = floor_div(v2, 16i);
  let v5: i32 = (p0 * 1024i);
  {
    let e4 = lid;
    if (e4 < 32) {
      let e4_1 = e4 % 32;
      wi[0 + e4_1] = floor_div(e4_1, 16i);
    }
  }
  let n6 = max(0, v3 - 0i);
  let n7 = max(0, 1024i - 0i);
  let tasks = n6 * n7;
  workgroupBarrier();
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g9 = 0i + (task / (n7));
    let g8 = 0i + task % n7;
    let v10: i32 = (g9 * 16i);
    let v11: i32 = (v10 * 1024i);
    let v12: i32 = (p0 - v10);
    let v13: i32 = min(16i, v12);
    let v14: i32 = (v11 + g8);
    let v15: i32 = (1024i - g8);
    let v16: i32 = min(1i, v15);
    let v17: i32 = (g8 + 1i);
    let v18: i32 = gatherin1(v17, 1025i);
    let v19: i32 = gatherin1(g8, 1025i);
    let v20: i32 = (v18 - v19);
    let v21: i32 = (v20 + 1i);
    let v22: i32 = floor_div(v21, 2i);
    {
      let e23 = lid;
      if (e23 < 16) {
        let e23_0 = e23;
        wf[546 + e23_0] = 0f;
      }
    }
    workgroupBarrier();
    for (var i24: i32 = 0i; i24 < v22; i24 = i24 + 1) {
      let v25: i32 = (i24 * 2i);
      let v26: i32 = (v19 + v25);
      let v27: i32 = (v18 - v26);
      let v28: i32 = min(2i, v27);
      {
        let e29 = lid;
        if (e29 < 32) {
          let e29_1 = e29 % 32;
          wi[32 + e29_1] = ((gatherin0((v26 + wi[0 + e29_1]), p1) * 16i) + floor_mod(e29_1, 16i));
        }
      }
      workgroupBarrier();
      let v32: i32 = (v26 * 16i);
      for (var j31: i32 = 0; j31 < 8; j31 = j31 + 1) {
        let e30 = lid + j31 * 64;
        let e30_0 = (e30 / 32);
        let e30_1 = e30 % 32;
        wf[0 + e30_0 * 32 + e30_1] = gatherin3(select((-1i), (((e30_0 + v10) * 1024i) + wi[32 + e30_1]), (((wi[0 + e30_1] < v28) && (wi[32 + e30_1] < 1024i)) && ((e30_0 + v10) < p0))), v5);
      }
      {
        let e33 = lid;
        if (e33 < 32) {
          let e33_1 = (e33 / 16) % 2;
          let e33_2 = e33 % 16;
          wf[512 + e33_1 * 17 + e33_2] = select(0f, rd2((v32 + 0 * 16i + e33_1 * 16i + e33_2)), e33_1 < v28);
        }
      }
      workgroupBarrier();
      {
        pr0[0] = wf[546 + ((select(15, lid + 0, lid + 0 < 16)) / 1)];
        for (var k36: i32 = 0; k36 < 32; k36 = k36 + 1) {
          let o37 = wf[0 + ((select(15, lid + 0, lid + 0 < 16)) / 1) * 32 + k36];
          let o38 = wf[512 + ((k36) / 16 % 2) * 17 + ((k36) / 1 % 16)];
          pr0[0] = pr0[0] + o37 * o38;
        }
      }
      workgroupBarrier();
      {
        let e39 = lid;
        if (e39 < 16) {
          let e39_0 = e39;
          wf[546 + e39_0] = pr0[0];
        }
      }
      workgroupBarrier();
    }
    {
      let e40 = lid;
      if (e40 < 16) {
        let e40_0 = e40;
        let a41 = v14 + e40_0 * 1024i + 0 * 1i;
        if (e40_0 < v13 && 0 < v16) { if (a41 >= 0 && a41 < ol0) { put_half(u32(oo0 + (a41 >> 1u)), a41, f16_bits(wf[546 + e40_0])); } }
      }
    }
    workgroupBarrier();
  }
}

// sparsec: kernel intel_bert_4x1 (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 640>;
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
fn rd2(i: i32) -> i32 {
  if (i < 0 || i >= hdr(8u)) { return 0i; }
  let off = hdr(7u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin2(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd2(i);
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
fn rd4(i: i32) -> f32 {
  if (i < 0 || i >= hdr(12u)) { return 0f; }
  let off = hdr(11u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn gatherin4(i: i32, len: i32) -> f32 {
  if (i < 0 || i >= len) { return 0f; }
  return rd4(i);
}
fn rd3(i: i32) -> f32 {
  if (i < 0 || i >= hdr(10u)) { return 0f; }
  let off = hdr(9u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn rd0(i: i32) -> f32 {
  if (i < 0 || i >= hdr(4u)) { return 0f; }
  let off = hdr(3u);
  return bitcast<f32>(ib[u32(off + i)]);
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  var pr0: array<f32, 1>;
  var pr1: array<f32, 1>;
  let p0 = hdr(1u); // m
  let p1 = hdr(2u); // w.nnz
  let oo0 = hdr(13u); // y
  let ol0 = hdr(14u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  let v2: i32 = (p0 + 15i);
  let v3: i32 = floor_div(v2, 16i);
  let v5: i32 = (p0 * 256i);
  {
    let e4 = lid;
    if (e4 < 32) {
      let e4_1 = e4 % 32;
      wi[0 + e4_1] = floor_div(e4_1, 1i);
    }
  }
  let n6 = max(0, v3 - 0i);
  let n7 = max(0, 256i - 0i);
  let tasks = n6 * n7;
  workgroupBarrier();
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g9 = 0i + (task / (n7));
    let g8 = 0i + task % n7;
    let v10: i32 = (g9 * 16i);
    let v11: i32 = (v10 * 1024i);
    let v12: i32 = (p0 - v10);
    let v13: i32 = min(16i, v12);
    let v14: i32 = (g8 * 4i);
    let v15: i32 = (v11 + v14);
    let v16: i32 = (1024i - v14);
    let v17: i32 = min(4i, v16);
    let v18: i32 = (g8 + 1i);
    let v19: i32 = gatherin2(v18, 257i);
    let v20: i32 = gatherin2(g8, 257i);
    let v21: i32 = (v19 - v20);
    let v22: i32 = (v21 + 31i);
    let v23: i32 = floor_div(v22, 32i);
    {
      let e24 = lid;
      pr0[0] = 0f;
    }
    for (var i25: i32 = 0i; i25 < v23; i25 = i25 + 1) {
      let v26: i32 = (i25 * 32i);
      let v27: i32 = (v20 + v26);
      let v28: i32 = (v19 - v27);
      let v29: i32 = min(32i, v28);
      {
        let e30 = lid;
        if (e30 < 32) {
          let e30_1 = e30 % 32;
          wi[32 + e30_1] = ((gatherin1((v27 + wi[0 + e30_1]), p1) * 1i) + floor_mod(e30_1, 1i));
        }
      }
      workgroupBarrier();
      let v33: i32 = (v27 * 4i);
      for (var j32: i32 = 0; j32 < 8; j32 = j32 + 1) {
        let e31 = lid + j32 * 64;
        let e31_0 = (e31 / 32);
        let e31_1 = e31 % 32;
        wf[0 + e31_0 * 32 + e31_1] = gatherin4(select((-1i), (((e31_0 + v10) * 256i) + wi[32 + e31_1]), (((wi[0 + e31_1] < v29) && (wi[32 + e31_1] < 256i)) && ((e31_0 + v10) < p0))), v5);
      }
      for (var j35: i32 = 0; j35 < 2; j35 = j35 + 1) {
        let e34 = lid + j35 * 64;
        let e34_0 = (e34 / 32);
        let e34_1 = e34 % 32;
        wf[512 + e34_0 * 32 + e34_1] = select(0f, rd3((v33 + e34_0 + e34_1 * 4i + 0)), e34_1 < v29);
      }
      workgroupBarrier();
      {
        let dr36 = lid / 4;
        let dc37 = lid % 4;
        pr1[0] = pr0[0];
        for (var k38: i32 = 0; k38 < 32; k38 = k38 + 1) {
          let o39 = wf[0 + (dr36 + 0) * 32 + k38];
          let o40 = wf[512 + dc37 * 32 + k38];
          pr1[0] = pr1[0] + o39 * o40;
        }
      }
      {
        let e41 = lid;
        pr0[0] = pr1[0];
      }
      workgroupBarrier();
    }
    {
      let e42 = lid;
      let e42_0 = (e42 / 4);
      let e42_1 = e42 % 4;
      let a43 = v15 + e42_0 * 1024i + e42_1 * 1i;
      if (e42_0 < v13 && e42_1 < v17) { if (a43 >= 0 && a43 < ol0) { atomicStore(&ob[u32(oo0 + a43)], bitcast<u32>(((0.5f * (pr0[0] + select(0f, rd0((v14 + e42_1)), e42_1 < v17))) * (1f + erf_approx(((pr0[0] + select(0f, rd0((v14 + e42_1)), e42_1 < v17)) * 0.7071067690849304f)))))); } }
    }
  }
}

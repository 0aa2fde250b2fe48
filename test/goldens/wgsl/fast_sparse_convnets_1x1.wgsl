// sparsec: kernel fast_sparse_convnets_1x1 (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 560>;
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
  if (i < 0 || i >= hdr(7u)) { return 0i; }
  let off = hdr(6u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin2(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd2(i);
}
fn rd1(i: i32) -> i32 {
  if (i < 0 || i >= hdr(5u)) { return 0i; }
  let off = hdr(4u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin1(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd1(i);
}
fn rd4(i: i32) -> f32 {
  if (i < 0 || i >= hdr(11u)) { return 0f; }
  let off = hdr(10u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn gatherin4(i: i32, len: i32) -> f32 {
  if (i < 0 || i >= len) { return 0f; }
  return rd4(i);
}
fn rd3(i: i32) -> f32 {
  if (i < 0 || i >= hdr(9u)) { return 0f; }
  let off = hdr(8u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn rd0(i: i32) -> f32 {
  if (i < 0 || i >= hdr(3u)) { return 0f; }
  let off = hdr(2u);
  return bitcast<f32>(ib[u32(off + i)]);
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  var pr0: array<f32, 1>;
  let p0 = hdr(1u); // w.nnz
  let oo0 = hdr(12u); // y
  let ol0 = hdr(13u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  {
    let e1 = lid;
    if (e1 < 32) {
      let e1_1 = e1 % 32;
      wi[0 + e1_1] = floor_div(e1_1, 1i);
    }
  }
  let n2 = max(0, 13i - 0i);
  let n3 = max(0, 512i - 0i);
  let tasks = n2 * n3;
  workgroupBarrier();
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g5 = 0i + (task / (n3));
    let g4 = 0i + task % n3;
    let v6: i32 = (g5 * 16i);
    let v7: i32 = (v6 * 512i);
    let v8: i32 = (196i - v6);
    let v9: i32 = min(16i, v8);
    let v10: i32 = (v7 + g4);
    let v11: i32 = (512i - g4);
    let v12: i32 = min(1i, v11);
    let v13: i32 = (g4 + 1i);
    let v14: i32 = gatherin2(v13, 513i);
    let v15: i32 = gatherin2(g4, 513i);
    let v16: i32 = (v14 - v15);
    let v17: i32 = (v16 + 31i);
    let v18: i32 = floor_div(v17, 32i);
    {
      let e19 = lid;
      if (e19 < 16) {
        let e19_0 = e19;
        wf[544 + e19_0] = 0f;
      }
    }
    workgroupBarrier();
    for (var i20: i32 = 0i; i20 < v18; i20 = i20 + 1) {
      let v21: i32 = (i20 * 32i);
      let v22: i32 = (v15 + v21);
      let v23: i32 = (v14 - v22);
      let v24: i32 = min(32i, v23);
      {
        let e25 = lid;
        if (e25 < 32) {
          let e25_1 = e25 % 32;
          wi[32 + e25_1] = ((gatherin1((v22 + wi[0 + e25_1]), p0) * 1i) + floor_mod(e25_1, 1i));
        }
      }
      workgroupBarrier();
      for (var j27: i32 = 0; j27 < 8; j27 = j27 + 1) {
        let e26 = lid + j27 * 64;
        let e26_0 = (e26 / 32);
        let e26_1 = e26 % 32;
        wf[0 + e26_0 * 32 + e26_1] = gatherin4(select((-1i), (((e26_0 + v6) * 256i) + wi[32 + e26_1]), (((wi[0 + e26_1] < v24) && (wi[32 + e26_1] < 256i)) && ((e26_0 + v6) < 196i))), 50176i);
      }
      {
        let e28 = lid;
        if (e28 < 32) {
          let e28_1 = e28 % 32;
          wf[512 + e28_1] = select(0f, rd3((v22 + 0 + e28_1 + 0)), e28_1 < v24);
        }
      }
      workgroupBarrier();
      {
        pr0[0] = wf[544 + ((select(15, lid + 0, lid + 0 < 16)) / 1)];
        for (var k31: i32 = 0; k31 < 32; k31 = k31 + 1) {
          let o32 = wf[0 + ((select(15, lid + 0, lid + 0 < 16)) / 1) * 32 + k31];
          let o33 = wf[512 + k31];
          pr0[0] = pr0[0] + o32 * o33;
        }
      }
      workgroupBarrier();
      {
        let e34 = lid;
        if (e34 < 16) {
          let e34_0 = e34;
          wf[544 + e34_0] = pr0[0];
        }
      }
      workgroupBarrier();
    }
    {
      let e35 = lid;
      if (e35 < 16) {
        let e35_0 = e35;
        let a36 = v10 + e35_0 * 512i + 0 * 1i;
        if (e35_0 < v9 && 0 < v12) { if (a36 >= 0 && a36 < ol0) { atomicStore(&ob[u32(oo0 + a36)], bitcast<u32>(max((wf[544 + e35_0] + select(0f, rd0((g4 + 0)), 0 < v12)), 0f))); } }
      }
    }
    workgroupBarrier();
  }
}

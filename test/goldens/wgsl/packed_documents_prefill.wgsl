// sparsec: kernel packed_documents_prefill (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 2856>;
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
fn rd4(i: i32) -> i32 {
  if (i < 0 || i >= hdr(18u)) { return 0i; }
  let off = hdr(17u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin4(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd4(i);
}
fn rd5(i: i32) -> f32 {
  if (i < 0 || i >= hdr(20u)) { return 0f; }
  let off = hdr(19u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
fn rd2(i: i32) -> bool {
  if (i < 0 || i >= hdr(14u)) { return false; }
  let off = hdr(13u);
  return (ib[u32(off + i)] != 0u);
}
fn gatherin2(i: i32, len: i32) -> bool {
  if (i < 0 || i >= len) { return false; }
  return rd2(i);
}
fn rd3(i: i32) -> i32 {
  if (i < 0 || i >= hdr(16u)) { return 0i; }
  let off = hdr(15u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin3(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd3(i);
}
fn rd1(i: i32) -> f32 {
  if (i < 0 || i >= hdr(12u)) { return 0f; }
  let off = hdr(11u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
fn rd0(i: i32) -> i32 {
  if (i < 0 || i >= hdr(10u)) { return 0i; }
  let off = hdr(9u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin0(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd0(i);
}
fn rd6(i: i32) -> f32 {
  if (i < 0 || i >= hdr(22u)) { return 0f; }
  let off = hdr(21u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  var pr0: array<f32, 8>;
  var pr1: array<f32, 8>;
  var pr2: array<f32, 4>;
  var pr3: array<f32, 1>;
  var pr4: array<f32, 1>;
  var pr5: array<f32, 1>;
  var pr6: array<f32, 1>;
  let p0 = hdr(1u); // batch
  let p1 = hdr(2u); // kv_len
  let p2 = hdr(3u); // plan.bmul
  let p3 = hdr(4u); // plan.hcount
  let p4 = hdr(5u); // plan.hmul
  let p5 = hdr(6u); // plan.len
  let p6 = hdr(7u); // plan.rows
  let p7 = hdr(8u); // q_len
  let oo0 = hdr(23u); // out
  let ol0 = hdr(24u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  let v8: i32 = (p7 + 7i);
  let v9: i32 = floor_div(v8, 8i);
  let v10: i32 = (p1 - p7);
  let v11: i32 = (p0 * p1);
  let n12 = max(0, p0 - 0i);
  let n13 = max(0, 4i - 0i);
  let n14 = max(0, v9 - 0i);
  let tasks = n12 * n13 * n14;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g17 = 0i + (task / (n14 * n13));
    let g16 = 0i + (task / (n14)) % n13;
    let g15 = 0i + task % n14;
    let v18: i32 = (g17 * 4i);
    let v19: i32 = (g17 * p2);
    let v20: i32 = (v19 * p3);
    let v21: i32 = (g17 * 2i);
    let v22: bool = (g17 >= 0i);
    let v23: bool = (g17 < p0);
    let v24: bool = (v22 && v23);
    let v25: i32 = (g17 * p1);
    let v26: i32 = (v18 + g16);
    let v27: i32 = (v26 * p7);
    let v28: i32 = (g16 * p4);
    let v29: i32 = (v20 + v28);
    let v30: i32 = (v29 * v9);
    let v31: i32 = floor_div(g16, 2i);
    let v32: i32 = (v21 + v31);
    let v33: i32 = (v32 * p1);
    let v34: i32 = (g15 * 8i);
    let v35: i32 = (v27 + v34);
    let v36: i32 = (v35 * 64i);
    let v37: i32 = (p7 - v34);
    let v38: i32 = min(8i, v37);
    let v39: i32 = (v30 + g15);
    let v40: i32 = gatherin4(v39, p6);
    let v41: i32 = (v39 + 1i);
    let v42: i32 = gatherin4(v41, p6);
    let v43: i32 = (v34 + v10);
    for (var j45: i32 = 0; j45 < 8; j45 = j45 + 1) {
      let e44 = lid + j45 * 64;
      let e44_0 = (e44 / 64);
      let e44_1 = e44 % 64;
      wf[2080 + e44_0 * 64 + e44_1] = select(0f, rd5((v36 + e44_0 * 64i + e44_1)), e44_0 < v38);
    }
    {
      let e46 = lid;
      if (e46 < 8) {
        let e46_0 = e46;
        pr3[0] = neg_inf();
        wf[2848 + e46_0] = 0f;
      }
    }
    for (var j48: i32 = 0; j48 < 8; j48 = j48 + 1) {
      let e47 = lid + j48 * 64;
      pr0[j48] = 0f;
    }
    workgroupBarrier();
    for (var i49: i32 = v40; i49 < v42; i49 = i49 + 1) {
      let v50: bool = gatherin2(i49, p5);
      let v51: i32 = gatherin3(i49, p5);
      let v52: i32 = (v51 * 32i);
      let v53: i32 = (v52 + 32i);
      let v54: bool = (v53 <= p1);
      let v55: bool = (v50 && v54);
      let v56: i32 = (v33 + v52);
      let v57: i32 = (v56 * 64i);
      let v58: i32 = (p1 - v52);
      let v59: i32 = min(32i, v58);
      for (var j61: i32 = 0; j61 < 32; j61 = j61 + 1) {
        let e60 = lid + j61 * 64;
        let e60_0 = (e60 / 64);
        let e60_1 = e60 % 64;
        wf[0 + e60_0 * 65 + e60_1] = select(0f, rd1((v57 + e60_0 * 64i + e60_1)), e60_0 < v59);
      }
      workgroupBarrier();
      {
        let dr62 = lid / 32;
        let dc63 = lid % 32;
        pr2[0] = 0f;
        pr2[1] = 0f;
        pr2[2] = 0f;
        pr2[3] = 0f;
        for (var k64: i32 = 0; k64 < 64; k64 = k64 + 1) {
          let o65 = wf[2080 + (dr62 + 0) * 64 + k64];
          let o66 = wf[0 + dc63 * 65 + k64];
          let o67 = wf[2080 + (dr62 + 2) * 64 + k64];
          let o68 = wf[2080 + (dr62 + 4) * 64 + k64];
          let o69 = wf[2080 + (dr62 + 6) * 64 + k64];
          pr2[0] = pr2[0] + o65 * o66;
          pr2[1] = pr2[1] + o67 * o66;
          pr2[2] = pr2[2] + o68 * o66;
          pr2[3] = pr2[3] + o69 * o66;
        }
      }
      if (v55) {
        workgroupBarrier();
        for (var j71: i32 = 0; j71 < 4; j71 = j71 + 1) {
          let e70 = lid + j71 * 64;
          let e70_0 = (e70 / 32);
          let e70_1 = e70 % 32;
          wf[0 + e70_0 * 32 + e70_1] = (pr2[j71] * 0.125f);
        }
      } else {
        workgroupBarrier();
        for (var j73: i32 = 0; j73 < 4; j73 = j73 + 1) {
          let e72 = lid + j73 * 64;
          let e72_0 = (e72 / 32);
          let e72_1 = e72 % 32;
          wf[0 + e72_0 * 32 + e72_1] = select(neg_inf(), (pr2[j73] * 0.125f), ((((e72_1 + v52) <= (e72_0 + v43)) && (gatherin0(select((-1i), (v25 + (e72_0 + v43)), (v24 && (((e72_0 + v43) >= 0i) && ((e72_0 + v43) < p1)))), v11) == gatherin0(select((-1i), (v25 + (e72_1 + v52)), (v24 && (((e72_1 + v52) >= 0i) && ((e72_1 + v52) < p1)))), v11))) && ((e72_1 + v52) < p1)));
        }
      }
      workgroupBarrier();
      {
        let e74 = lid;
        if (e74 < 8) {
          let e74_0 = e74;
          var s75: f32 = neg_inf();
          for (var r76: i32 = 0; r76 < 32; r76 = r76 + 1) { s75 = max(s75, wf[0 + e74_0 * 32 + r76]); }
          pr4[0] = s75;
          wf[2048 + e74_0] = max(pr3[0], pr4[0]);
          wf[2056 + e74_0] = softmax_exp(pr3[0], wf[2048 + e74_0]);
        }
      }
      workgroupBarrier();
      for (var j78: i32 = 0; j78 < 4; j78 = j78 + 1) {
        let e77 = lid + j78 * 64;
        let e77_0 = (e77 / 32);
        let e77_1 = e77 % 32;
        wf[2592 + e77_0 * 32 + e77_1] = softmax_exp(wf[0 + e77_0 * 32 + e77_1], wf[2048 + e77_0]);
      }
      workgroupBarrier();
      {
        let e79 = lid;
        if (e79 < 8) {
          let e79_0 = e79;
          var s80: f32 = 0f;
          for (var r81: i32 = 0; r81 < 32; r81 = r81 + 1) { s80 = s80 + wf[2592 + e79_0 * 32 + r81]; }
          pr5[0] = s80;
          pr6[0] = (wf[2848 + e79_0] * wf[2056 + e79_0] + pr5[0]);
        }
      }
      for (var j83: i32 = 0; j83 < 32; j83 = j83 + 1) {
        let e82 = lid + j83 * 64;
        let e82_0 = (e82 / 64);
        let e82_1 = e82 % 64;
        wf[0 + e82_0 * 64 + e82_1] = select(0f, rd6((v57 + e82_0 * 64i + e82_1)), e82_0 < v59);
      }
      workgroupBarrier();
      {
        let dr84 = lid / 64;
        let dc85 = lid % 64;
        pr1[0] = (pr0[0] * wf[2056 + (dr84 + 0)]);
        pr1[1] = (pr0[1] * wf[2056 + (dr84 + 1)]);
        pr1[2] = (pr0[2] * wf[2056 + (dr84 + 2)]);
        pr1[3] = (pr0[3] * wf[2056 + (dr84 + 3)]);
        pr1[4] = (pr0[4] * wf[2056 + (dr84 + 4)]);
        pr1[5] = (pr0[5] * wf[2056 + (dr84 + 5)]);
        pr1[6] = (pr0[6] * wf[2056 + (dr84 + 6)]);
        pr1[7] = (pr0[7] * wf[2056 + (dr84 + 7)]);
        for (var k86: i32 = 0; k86 < 32; k86 = k86 + 1) {
          let o87 = wf[2592 + (dr84 + 0) * 32 + k86];
          let o88 = wf[0 + k86 * 64 + dc85];
          let o89 = wf[2592 + (dr84 + 1) * 32 + k86];
          let o90 = wf[2592 + (dr84 + 2) * 32 + k86];
          let o91 = wf[2592 + (dr84 + 3) * 32 + k86];
          let o92 = wf[2592 + (dr84 + 4) * 32 + k86];
          let o93 = wf[2592 + (dr84 + 5) * 32 + k86];
          let o94 = wf[2592 + (dr84 + 6) * 32 + k86];
          let o95 = wf[2592 + (dr84 + 7) * 32 + k86];
          pr1[0] = pr1[0] + select(0f, o87 * o88, o87 != 0f);
          pr1[1] = pr1[1] + select(0f, o89 * o88, o89 != 0f);
          pr1[2] = pr1[2] + select(0f, o90 * o88, o90 != 0f);
          pr1[3] = pr1[3] + select(0f, o91 * o88, o91 != 0f);
          pr1[4] = pr1[4] + select(0f, o92 * o88, o92 != 0f);
          pr1[5] = pr1[5] + select(0f, o93 * o88, o93 != 0f);
          pr1[6] = pr1[6] + select(0f, o94 * o88, o94 != 0f);
          pr1[7] = pr1[7] + select(0f, o95 * o88, o95 != 0f);
        }
      }
      {
        let e96 = lid;
        if (e96 < 8) {
          let e96_0 = e96;
          pr3[0] = wf[2048 + e96_0];
          wf[2848 + e96_0] = pr6[0];
        }
      }
      for (var j98: i32 = 0; j98 < 8; j98 = j98 + 1) {
        let e97 = lid + j98 * 64;
        pr0[j98] = pr1[j98];
      }
      workgroupBarrier();
    }
    for (var j100: i32 = 0; j100 < 8; j100 = j100 + 1) {
      let e99 = lid + j100 * 64;
      let e99_0 = (e99 / 64);
      let e99_1 = e99 % 64;
      let a101 = v36 + e99_0 * 64i + e99_1 * 1i;
      if (e99_0 < v38) { if (a101 >= 0 && a101 < ol0) { put_half(u32(oo0 + (a101 >> 1u)), a101, bf16_bits(select(div_rn(pr0[j100], wf[2848 + e99_0]), 0f, (wf[2848 + e99_0] == 0f)))); } }
    }
    workgroupBarrier();
  }
}

// sparsec: kernel biformer_regions (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 2096>;
var<workgroup> wi: array<i32, 16>;
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
fn rd3(i: i32) -> i32 {
  if (i < 0 || i >= hdr(13u)) { return 0i; }
  let off = hdr(12u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin3(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd3(i);
}
fn rd4(i: i32) -> f32 {
  if (i < 0 || i >= hdr(15u)) { return 0f; }
  let off = hdr(14u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn rv4(i: i32) -> vec4<f32> {
  let at = hdr(14u) + i;
  if (i >= 0 && i + 4 <= hdr(15u) && (at & 3) == 0) { return bitcast<vec4<f32>>(ib4[at >> 2u]); }
  return vec4<f32>(rd4(i), rd4(i + 1), rd4(i + 2), rd4(i + 3));
}
fn rd1(i: i32) -> bool {
  if (i < 0 || i >= hdr(9u)) { return false; }
  let off = hdr(8u);
  return (ib[u32(off + i)] != 0u);
}
fn gatherin1(i: i32, len: i32) -> bool {
  if (i < 0 || i >= len) { return false; }
  return rd1(i);
}
fn rd2(i: i32) -> i32 {
  if (i < 0 || i >= hdr(11u)) { return 0i; }
  let off = hdr(10u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin2(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd2(i);
}
fn rd0(i: i32) -> f32 {
  if (i < 0 || i >= hdr(7u)) { return 0f; }
  let off = hdr(6u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn rv0(i: i32) -> vec4<f32> {
  let at = hdr(6u) + i;
  if (i >= 0 && i + 4 <= hdr(7u) && (at & 3) == 0) { return bitcast<vec4<f32>>(ib4[at >> 2u]); }
  return vec4<f32>(rd0(i), rd0(i + 1), rd0(i + 2), rd0(i + 3));
}
fn rd5(i: i32) -> i32 {
  if (i < 0 || i >= hdr(17u)) { return 0i; }
  let off = hdr(16u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn rd6(i: i32) -> i32 {
  if (i < 0 || i >= hdr(19u)) { return 0i; }
  let off = hdr(18u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn member5_6(l: i32, x: i32, lists: i32) -> bool {
  if (l < 0 || l >= lists) { return false; }
  var lo = rd5(l);
  var hi = rd5(l + 1);
  loop {
    if (lo >= hi) { break; }
    let mid = (lo + hi) / 2;
    let v = rd6(mid);
    if (v == x) { return true; }
    if (v < x) { lo = mid + 1; } else { hi = mid; }
  }
  return false;
}
fn rd7(i: i32) -> f32 {
  if (i < 0 || i >= hdr(21u)) { return 0f; }
  let off = hdr(20u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn rv7(i: i32) -> vec4<f32> {
  let at = hdr(20u) + i;
  if (i >= 0 && i + 4 <= hdr(21u) && (at & 3) == 0) { return bitcast<vec4<f32>>(ib4[at >> 2u]); }
  return vec4<f32>(rd7(i), rd7(i + 1), rd7(i + 2), rd7(i + 3));
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  var pr0: array<f32, 8>;
  var pr1: array<f32, 8>;
  var pr2: array<bool, 8>;
  var pr3: array<f32, 8>;
  var pr4: array<f32, 1>;
  var pr5: array<f32, 1>;
  var pr6: array<f32, 1>;
  var pr7: array<f32, 1>;
  let p0 = hdr(1u); // plan.bmul
  let p1 = hdr(2u); // plan.hcount
  let p2 = hdr(3u); // plan.hmul
  let p3 = hdr(4u); // plan.len
  let p4 = hdr(5u); // plan.rows
  let oo0 = hdr(22u); // out
  let ol0 = hdr(23u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  let n5 = max(0, 1i - 0i);
  let n6 = max(0, 2i - 0i);
  let n7 = max(0, 16i - 0i);
  let tasks = n5 * n6 * n7;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g10 = 0i + (task / (n7 * n6));
    let g9 = 0i + (task / (n7)) % n6;
    let g8 = 0i + task % n7;
    let v11: i32 = (g10 * 2i);
    let v12: i32 = (g10 * p0);
    let v13: i32 = (v12 * p1);
    let v14: bool = (g10 >= 0i);
    let v15: bool = (g10 < 1i);
    let v16: bool = (v14 && v15);
    let v17: i32 = (v11 + g9);
    let v18: i32 = (v17 * 256i);
    let v19: i32 = (g9 * p2);
    let v20: i32 = (v13 + v19);
    let v21: i32 = (v20 * 16i);
    let v22: bool = (g9 >= 0i);
    let v23: bool = (g9 < 2i);
    let v24: bool = (v22 && v23);
    let v25: bool = (v16 && v24);
    let v26: i32 = (v17 * 16i);
    let v27: i32 = (g8 * 16i);
    let v28: i32 = (v18 + v27);
    let v29: i32 = (v28 * 32i);
    let v30: i32 = (256i - v27);
    let v31: i32 = min(16i, v30);
    let v32: i32 = (v21 + g8);
    let v33: i32 = gatherin3(v32, p4);
    let v34: i32 = (v32 + 1i);
    let v35: i32 = gatherin3(v34, p4);
    {
      let e36 = lid;
      if (e36 < 16) {
        let e36_0 = e36;
        wi[0 + e36_0] = ((floor_div(floor_div((e36_0 + v27), 16i), 4i) * 4i) + floor_div(floor_mod((e36_0 + v27), 16i), 4i));
      }
    }
    for (var j38: i32 = 0; j38 < 2; j38 = j38 + 1) {
      let e37 = lid + j38 * 64;
      let e37_0 = (e37 / 8);
      let e37_1 = e37 % 8;
      let x39 = select(vec4<f32>(0f), rv4((v29 + e37_0 * 32i + e37_1 * 4)), e37_0 < v31);
      wf[1056 + e37_0 * 32 + e37_1 * 4] = x39.x;
      wf[1056 + e37_0 * 32 + e37_1 * 4 + 1] = x39.y;
      wf[1056 + e37_0 * 32 + e37_1 * 4 + 2] = x39.z;
      wf[1056 + e37_0 * 32 + e37_1 * 4 + 3] = x39.w;
    }
    {
      let e40 = lid;
      if (e40 < 16) {
        let e40_0 = e40;
        pr4[0] = neg_inf();
        wf[2080 + e40_0] = 0f;
      }
    }
    for (var j42: i32 = 0; j42 < 8; j42 = j42 + 1) {
      let e41 = lid + j42 * 64;
      pr0[j42] = 0f;
    }
    workgroupBarrier();
    for (var i43: i32 = v33; i43 < v35; i43 = i43 + 1) {
      let v44: bool = gatherin1(i43, p3);
      let v45: i32 = gatherin2(i43, p3);
      let v46: i32 = (v45 * 32i);
      let v47: i32 = (v46 + 32i);
      let v48: bool = (v47 <= 256i);
      let v49: bool = (v44 && v48);
      let v50: i32 = (v18 + v46);
      let v51: i32 = (v50 * 32i);
      let v52: i32 = (256i - v46);
      let v53: i32 = min(32i, v52);
      for (var j55: i32 = 0; j55 < 4; j55 = j55 + 1) {
        let e54 = lid + j55 * 64;
        let e54_0 = (e54 / 8);
        let e54_1 = e54 % 8;
        let x56 = select(vec4<f32>(0f), rv0((v51 + e54_0 * 32i + e54_1 * 4)), e54_0 < v53);
        wf[0 + e54_0 * 33 + e54_1 * 4] = x56.x;
        wf[0 + e54_0 * 33 + e54_1 * 4 + 1] = x56.y;
        wf[0 + e54_0 * 33 + e54_1 * 4 + 2] = x56.z;
        wf[0 + e54_0 * 33 + e54_1 * 4 + 3] = x56.w;
      }
      workgroupBarrier();
      {
        let dr57 = lid / 32;
        let dc58 = lid % 32;
        pr1[0] = 0f;
        pr1[1] = 0f;
        pr1[2] = 0f;
        pr1[3] = 0f;
        pr1[4] = 0f;
        pr1[5] = 0f;
        pr1[6] = 0f;
        pr1[7] = 0f;
        for (var k59: i32 = 0; k59 < 32; k59 = k59 + 1) {
          let o60 = wf[1056 + (dr57 + 0) * 32 + k59];
          let o61 = wf[0 + dc58 * 33 + k59];
          let o62 = wf[1056 + (dr57 + 2) * 32 + k59];
          let o63 = wf[1056 + (dr57 + 4) * 32 + k59];
          let o64 = wf[1056 + (dr57 + 6) * 32 + k59];
          let o65 = wf[1056 + (dr57 + 8) * 32 + k59];
          let o66 = wf[1056 + (dr57 + 10) * 32 + k59];
          let o67 = wf[1056 + (dr57 + 12) * 32 + k59];
          let o68 = wf[1056 + (dr57 + 14) * 32 + k59];
          pr1[0] = pr1[0] + o60 * o61;
          pr1[1] = pr1[1] + o62 * o61;
          pr1[2] = pr1[2] + o63 * o61;
          pr1[3] = pr1[3] + o64 * o61;
          pr1[4] = pr1[4] + o65 * o61;
          pr1[5] = pr1[5] + o66 * o61;
          pr1[6] = pr1[6] + o67 * o61;
          pr1[7] = pr1[7] + o68 * o61;
        }
      }
      if (v49) {
        workgroupBarrier();
        for (var j70: i32 = 0; j70 < 8; j70 = j70 + 1) {
          let e69 = lid + j70 * 64;
          let e69_0 = (e69 / 32);
          let e69_1 = e69 % 32;
          wf[0 + e69_0 * 32 + e69_1] = (pr1[j70] * 0.1767766922712326f);
        }
      } else {
        for (var j72: i32 = 0; j72 < 8; j72 = j72 + 1) {
          let e71 = lid + j72 * 64;
          let e71_0 = (e71 / 32);
          let e71_1 = e71 % 32;
          pr2[j72] = member5_6(select((-1i), (v26 + wi[0 + e71_0]), (v25 && ((wi[0 + e71_0] >= 0i) && (wi[0 + e71_0] < 16i)))), ((floor_div(floor_div((e71_1 + v46), 16i), 4i) * 4i) + floor_div(floor_mod((e71_1 + v46), 16i), 4i)), 32i);
        }
        workgroupBarrier();
        for (var j72: i32 = 0; j72 < 8; j72 = j72 + 1) {
          let e71 = lid + j72 * 64;
          let e71_0 = (e71 / 32);
          let e71_1 = e71 % 32;
          wf[0 + e71_0 * 32 + e71_1] = select(neg_inf(), (pr1[j72] * 0.1767766922712326f), (pr2[j72] && ((e71_1 + v46) < 256i)));
        }
      }
      workgroupBarrier();
      {
        let e73 = lid;
        if (e73 < 16) {
          let e73_0 = e73;
          var s74: f32 = neg_inf();
          for (var r75: i32 = 0; r75 < 32; r75 = r75 + 1) { s74 = max(s74, wf[0 + e73_0 * 32 + r75]); }
          pr5[0] = s74;
          wf[1024 + e73_0] = max(pr4[0], pr5[0]);
          wf[1040 + e73_0] = softmax_exp(pr4[0], wf[1024 + e73_0]);
        }
      }
      workgroupBarrier();
      for (var j77: i32 = 0; j77 < 8; j77 = j77 + 1) {
        let e76 = lid + j77 * 64;
        let e76_0 = (e76 / 32);
        let e76_1 = e76 % 32;
        wf[1568 + e76_0 * 32 + e76_1] = softmax_exp(wf[0 + e76_0 * 32 + e76_1], wf[1024 + e76_0]);
      }
      workgroupBarrier();
      {
        let e78 = lid;
        if (e78 < 16) {
          let e78_0 = e78;
          var s79: f32 = 0f;
          for (var r80: i32 = 0; r80 < 32; r80 = r80 + 1) { s79 = s79 + wf[1568 + e78_0 * 32 + r80]; }
          pr6[0] = s79;
          pr7[0] = (wf[2080 + e78_0] * wf[1040 + e78_0] + pr6[0]);
        }
      }
      for (var j82: i32 = 0; j82 < 4; j82 = j82 + 1) {
        let e81 = lid + j82 * 64;
        let e81_0 = (e81 / 8);
        let e81_1 = e81 % 8;
        let x83 = select(vec4<f32>(0f), rv7((v51 + e81_0 * 32i + e81_1 * 4)), e81_0 < v53);
        wf[0 + e81_0 * 32 + e81_1 * 4] = x83.x;
        wf[0 + e81_0 * 32 + e81_1 * 4 + 1] = x83.y;
        wf[0 + e81_0 * 32 + e81_1 * 4 + 2] = x83.z;
        wf[0 + e81_0 * 32 + e81_1 * 4 + 3] = x83.w;
      }
      workgroupBarrier();
      {
        let dr84 = lid / 32;
        let dc85 = lid % 32;
        pr3[0] = (pr0[0] * wf[1040 + (dr84 + 0)]);
        pr3[1] = (pr0[1] * wf[1040 + (dr84 + 2)]);
        pr3[2] = (pr0[2] * wf[1040 + (dr84 + 4)]);
        pr3[3] = (pr0[3] * wf[1040 + (dr84 + 6)]);
        pr3[4] = (pr0[4] * wf[1040 + (dr84 + 8)]);
        pr3[5] = (pr0[5] * wf[1040 + (dr84 + 10)]);
        pr3[6] = (pr0[6] * wf[1040 + (dr84 + 12)]);
        pr3[7] = (pr0[7] * wf[1040 + (dr84 + 14)]);
        for (var k86: i32 = 0; k86 < 32; k86 = k86 + 1) {
          let o87 = wf[1568 + (dr84 + 0) * 32 + k86];
          let o88 = wf[0 + k86 * 32 + dc85];
          let o89 = wf[1568 + (dr84 + 2) * 32 + k86];
          let o90 = wf[1568 + (dr84 + 4) * 32 + k86];
          let o91 = wf[1568 + (dr84 + 6) * 32 + k86];
          let o92 = wf[1568 + (dr84 + 8) * 32 + k86];
          let o93 = wf[1568 + (dr84 + 10) * 32 + k86];
          let o94 = wf[1568 + (dr84 + 12) * 32 + k86];
          let o95 = wf[1568 + (dr84 + 14) * 32 + k86];
          pr3[0] = pr3[0] + select(0f, o87 * o88, o87 != 0f);
          pr3[1] = pr3[1] + select(0f, o89 * o88, o89 != 0f);
          pr3[2] = pr3[2] + select(0f, o90 * o88, o90 != 0f);
          pr3[3] = pr3[3] + select(0f, o91 * o88, o91 != 0f);
          pr3[4] = pr3[4] + select(0f, o92 * o88, o92 != 0f);
          pr3[5] = pr3[5] + select(0f, o93 * o88, o93 != 0f);
          pr3[6] = pr3[6] + select(0f, o94 * o88, o94 != 0f);
          pr3[7] = pr3[7] + select(0f, o95 * o88, o95 != 0f);
        }
      }
      {
        let e96 = lid;
        if (e96 < 16) {
          let e96_0 = e96;
          pr4[0] = wf[1024 + e96_0];
          wf[2080 + e96_0] = pr7[0];
        }
      }
      for (var j98: i32 = 0; j98 < 8; j98 = j98 + 1) {
        let e97 = lid + j98 * 64;
        pr0[j98] = pr3[j98];
      }
      workgroupBarrier();
    }
    for (var j100: i32 = 0; j100 < 8; j100 = j100 + 1) {
      let e99 = lid + j100 * 64;
      let e99_0 = (e99 / 32);
      let e99_1 = e99 % 32;
      let a101 = v29 + e99_0 * 32i + e99_1 * 1i;
      if (e99_0 < v31) { if (a101 >= 0 && a101 < ol0) { atomicStore(&ob[u32(oo0 + a101)], bitcast<u32>(select(div_rn(pr0[j100], wf[2080 + e99_0]), 0f, (wf[2080 + e99_0] == 0f)))); } }
    }
    workgroupBarrier();
  }
}

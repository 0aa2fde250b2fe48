// sparsec: kernel nsa_window (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 3632>;
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
fn rd1(i: i32) -> f32 {
  if (i < 0 || i >= hdr(6u)) { return 0f; }
  let off = hdr(5u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
fn rd0(i: i32) -> f32 {
  if (i < 0 || i >= hdr(4u)) { return 0f; }
  let off = hdr(3u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
fn rd2(i: i32) -> f32 {
  if (i < 0 || i >= hdr(8u)) { return 0f; }
  let off = hdr(7u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  var pr0: array<f32, 16>;
  var pr1: array<f32, 16>;
  var pr2: array<f32, 8>;
  var pr3: array<f32, 1>;
  var pr4: array<f32, 1>;
  var pr5: array<f32, 1>;
  var pr6: array<f32, 1>;
  let p0 = hdr(1u); // kv_len
  let p1 = hdr(2u); // q_len
  let oo0 = hdr(9u); // lse
  let ol0 = hdr(10u);
  let oo1 = hdr(11u); // out
  let ol1 = hdr(12u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  let v2: i32 = (p1 + 15i);
  let v3: i32 = floor_div(v2, 16i);
  let v4: i32 = (p0 - p1);
  let v5: i32 = (p0 - 1i);
  let n6 = max(0, 1i - 0i);
  let n7 = max(0, 8i - 0i);
  let n8 = max(0, v3 - 0i);
  let tasks = n6 * n7 * n8;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g11 = 0i + (task / (n8 * n7));
    let g10 = 0i + (task / (n8)) % n7;
    let g9 = 0i + task % n8;
    let v12: i32 = (g11 * 8i);
    let v13: i32 = (g11 * 2i);
    let v14: i32 = (v12 + g10);
    let v15: i32 = (v14 * p1);
    let v16: i32 = floor_div(g10, 4i);
    let v17: i32 = (v13 + v16);
    let v18: i32 = (v17 * p0);
    let v19: i32 = (g9 * 16i);
    let v20: i32 = (v15 + v19);
    let v21: i32 = (v20 * 64i);
    let v22: i32 = (p1 - v19);
    let v23: i32 = min(16i, v22);
    let v24: i32 = (v19 + v4);
    let v25: i32 = (v24 + (-127i));
    let v26: i32 = max(0i, v25);
    let v27: i32 = floor_div(v26, 32i);
    let v28: i32 = (v24 + 16i);
    let v29: i32 = min(p0, v28);
    let v30: i32 = (v29 - 1i);
    let v31: i32 = min(v5, v30);
    let v32: i32 = floor_div(v31, 32i);
    let v33: i32 = (v32 + 1i);
    let v34: i32 = max(v27, v33);
    let v35: i32 = (v30 + (-127i));
    for (var j37: i32 = 0; j37 < 16; j37 = j37 + 1) {
      let e36 = lid + j37 * 64;
      let e36_0 = (e36 / 64);
      let e36_1 = e36 % 64;
      wf[2080 + e36_0 * 64 + e36_1] = select(0f, rd1((v21 + e36_0 * 64i + e36_1)), e36_0 < v23);
    }
    {
      let e38 = lid;
      if (e38 < 16) {
        let e38_0 = e38;
        pr3[0] = neg_inf();
        wf[3616 + e38_0] = 0f;
      }
    }
    for (var j40: i32 = 0; j40 < 16; j40 = j40 + 1) {
      let e39 = lid + j40 * 64;
      pr0[j40] = 0f;
    }
    workgroupBarrier();
    for (var i41: i32 = v27; i41 < v34; i41 = i41 + 1) {
      let v42: i32 = (i41 * 32i);
      let v43: bool = (v35 <= v42);
      let v44: i32 = (v42 + 32i);
      let v45: i32 = min(p0, v44);
      let v46: i32 = (v45 - 1i);
      let v47: bool = (v46 <= v24);
      let v48: bool = (v43 && v47);
      let v49: bool = (v44 <= p0);
      let v50: bool = (v48 && v49);
      let v51: i32 = (v18 + v42);
      let v52: i32 = (v51 * 64i);
      let v53: i32 = (p0 - v42);
      let v54: i32 = min(32i, v53);
      for (var j56: i32 = 0; j56 < 32; j56 = j56 + 1) {
        let e55 = lid + j56 * 64;
        let e55_0 = (e55 / 64);
        let e55_1 = e55 % 64;
        wf[0 + e55_0 * 65 + e55_1] = select(0f, rd0((v52 + e55_0 * 64i + e55_1)), e55_0 < v54);
      }
      workgroupBarrier();
      {
        let dr57 = lid / 32;
        let dc58 = lid % 32;
        pr2[0] = 0f;
        pr2[1] = 0f;
        pr2[2] = 0f;
        pr2[3] = 0f;
        pr2[4] = 0f;
        pr2[5] = 0f;
        pr2[6] = 0f;
        pr2[7] = 0f;
        for (var k59: i32 = 0; k59 < 64; k59 = k59 + 1) {
          let o60 = wf[2080 + (dr57 + 0) * 64 + k59];
          let o61 = wf[0 + dc58 * 65 + k59];
          let o62 = wf[2080 + (dr57 + 2) * 64 + k59];
          let o63 = wf[2080 + (dr57 + 4) * 64 + k59];
          let o64 = wf[2080 + (dr57 + 6) * 64 + k59];
          let o65 = wf[2080 + (dr57 + 8) * 64 + k59];
          let o66 = wf[2080 + (dr57 + 10) * 64 + k59];
          let o67 = wf[2080 + (dr57 + 12) * 64 + k59];
          let o68 = wf[2080 + (dr57 + 14) * 64 + k59];
          pr2[0] = pr2[0] + o60 * o61;
          pr2[1] = pr2[1] + o62 * o61;
          pr2[2] = pr2[2] + o63 * o61;
          pr2[3] = pr2[3] + o64 * o61;
          pr2[4] = pr2[4] + o65 * o61;
          pr2[5] = pr2[5] + o66 * o61;
          pr2[6] = pr2[6] + o67 * o61;
          pr2[7] = pr2[7] + o68 * o61;
        }
      }
      if (v50) {
        workgroupBarrier();
        for (var j70: i32 = 0; j70 < 8; j70 = j70 + 1) {
          let e69 = lid + j70 * 64;
          let e69_0 = (e69 / 32);
          let e69_1 = e69 % 32;
          wf[0 + e69_0 * 32 + e69_1] = (pr2[j70] * 0.125f);
        }
      } else {
        workgroupBarrier();
        for (var j72: i32 = 0; j72 < 8; j72 = j72 + 1) {
          let e71 = lid + j72 * 64;
          let e71_0 = (e71 / 32);
          let e71_1 = e71 % 32;
          wf[0 + e71_0 * 32 + e71_1] = select(neg_inf(), (pr2[j72] * 0.125f), ((((e71_1 + v42) <= (e71_0 + v24)) && (((e71_0 + v24) - (e71_1 + v42)) < 128i)) && ((e71_1 + v42) < p0)));
        }
      }
      workgroupBarrier();
      {
        let e73 = lid;
        if (e73 < 16) {
          let e73_0 = e73;
          var s74: f32 = neg_inf();
          for (var r75: i32 = 0; r75 < 32; r75 = r75 + 1) { s74 = max(s74, wf[0 + e73_0 * 32 + r75]); }
          pr4[0] = s74;
          wf[2048 + e73_0] = max(pr3[0], pr4[0]);
          wf[2064 + e73_0] = softmax_exp(pr3[0], wf[2048 + e73_0]);
        }
      }
      workgroupBarrier();
      for (var j77: i32 = 0; j77 < 8; j77 = j77 + 1) {
        let e76 = lid + j77 * 64;
        let e76_0 = (e76 / 32);
        let e76_1 = e76 % 32;
        wf[3104 + e76_0 * 32 + e76_1] = softmax_exp(wf[0 + e76_0 * 32 + e76_1], wf[2048 + e76_0]);
      }
      workgroupBarrier();
      {
        let e78 = lid;
        if (e78 < 16) {
          let e78_0 = e78;
          var s79: f32 = 0f;
          for (var r80: i32 = 0; r80 < 32; r80 = r80 + 1) { s79 = s79 + wf[3104 + e78_0 * 32 + r80]; }
          pr5[0] = s79;
          pr6[0] = (wf[3616 + e78_0] * wf[2064 + e78_0] + pr5[0]);
        }
      }
      for (var j82: i32 = 0; j82 < 32; j82 = j82 + 1) {
        let e81 = lid + j82 * 64;
        let e81_0 = (e81 / 64);
        let e81_1 = e81 % 64;
        wf[0 + e81_0 * 64 + e81_1] = select(0f, rd2((v52 + e81_0 * 64i + e81_1)), e81_0 < v54);
      }
      workgroupBarrier();
      {
        let dr83 = lid / 64;
        let dc84 = lid % 64;
        pr1[0] = (pr0[0] * wf[2064 + (dr83 + 0)]);
        pr1[1] = (pr0[1] * wf[2064 + (dr83 + 1)]);
        pr1[2] = (pr0[2] * wf[2064 + (dr83 + 2)]);
        pr1[3] = (pr0[3] * wf[2064 + (dr83 + 3)]);
        pr1[4] = (pr0[4] * wf[2064 + (dr83 + 4)]);
        pr1[5] = (pr0[5] * wf[2064 + (dr83 + 5)]);
        pr1[6] = (pr0[6] * wf[2064 + (dr83 + 6)]);
        pr1[7] = (pr0[7] * wf[2064 + (dr83 + 7)]);
        pr1[8] = (pr0[8] * wf[2064 + (dr83 + 8)]);
        pr1[9] = (pr0[9] * wf[2064 + (dr83 + 9)]);
        pr1[10] = (pr0[10] * wf[2064 + (dr83 + 10)]);
        pr1[11] = (pr0[11] * wf[2064 + (dr83 + 11)]);
        pr1[12] = (pr0[12] * wf[2064 + (dr83 + 12)]);
        pr1[13] = (pr0[13] * wf[2064 + (dr83 + 13)]);
        pr1[14] = (pr0[14] * wf[2064 + (dr83 + 14)]);
        pr1[15] = (pr0[15] * wf[2064 + (dr83 + 15)]);
        for (var k85: i32 = 0; k85 < 32; k85 = k85 + 1) {
          let o86 = wf[3104 + (dr83 + 0) * 32 + k85];
          let o87 = wf[0 + k85 * 64 + dc84];
          let o88 = wf[3104 + (dr83 + 1) * 32 + k85];
          let o89 = wf[3104 + (dr83 + 2) * 32 + k85];
          let o90 = wf[3104 + (dr83 + 3) * 32 + k85];
          let o91 = wf[3104 + (dr83 + 4) * 32 + k85];
          let o92 = wf[3104 + (dr83 + 5) * 32 + k85];
          let o93 = wf[3104 + (dr83 + 6) * 32 + k85];
          let o94 = wf[3104 + (dr83 + 7) * 32 + k85];
          let o95 = wf[3104 + (dr83 + 8) * 32 + k85];
          let o96 = wf[3104 + (dr83 + 9) * 32 + k85];
          let o97 = wf[3104 + (dr83 + 10) * 32 + k85];
          let o98 = wf[3104 + (dr83 + 11) * 32 + k85];
          let o99 = wf[3104 + (dr83 + 12) * 32 + k85];
          let o100 = wf[3104 + (dr83 + 13) * 32 + k85];
          let o101 = wf[3104 + (dr83 + 14) * 32 + k85];
          let o102 = wf[3104 + (dr83 + 15) * 32 + k85];
          pr1[0] = pr1[0] + select(0f, o86 * o87, o86 != 0f);
          pr1[1] = pr1[1] + select(0f, o88 * o87, o88 != 0f);
          pr1[2] = pr1[2] + select(0f, o89 * o87, o89 != 0f);
          pr1[3] = pr1[3] + select(0f, o90 * o87, o90 != 0f);
          pr1[4] = pr1[4] + select(0f, o91 * o87, o91 != 0f);
          pr1[5] = pr1[5] + select(0f, o92 * o87, o92 != 0f);
          pr1[6] = pr1[6] + select(0f, o93 * o87, o93 != 0f);
          pr1[7] = pr1[7] + select(0f, o94 * o87, o94 != 0f);
          pr1[8] = pr1[8] + select(0f, o95 * o87, o95 != 0f);
          pr1[9] = pr1[9] + select(0f, o96 * o87, o96 != 0f);
          pr1[10] = pr1[10] + select(0f, o97 * o87, o97 != 0f);
          pr1[11] = pr1[11] + select(0f, o98 * o87, o98 != 0f);
          pr1[12] = pr1[12] + select(0f, o99 * o87, o99 != 0f);
          pr1[13] = pr1[13] + select(0f, o100 * o87, o100 != 0f);
          pr1[14] = pr1[14] + select(0f, o101 * o87, o101 != 0f);
          pr1[15] = pr1[15] + select(0f, o102 * o87, o102 != 0f);
        }
      }
      {
        let e103 = lid;
        if (e103 < 16) {
          let e103_0 = e103;
          pr3[0] = wf[2048 + e103_0];
          wf[3616 + e103_0] = pr6[0];
        }
      }
      for (var j105: i32 = 0; j105 < 16; j105 = j105 + 1) {
        let e104 = lid + j105 * 64;
        pr0[j105] = pr1[j105];
      }
      workgroupBarrier();
    }
    for (var j107: i32 = 0; j107 < 16; j107 = j107 + 1) {
      let e106 = lid + j107 * 64;
      let e106_0 = (e106 / 64);
      let e106_1 = e106 % 64;
      let a108 = v21 + e106_0 * 64i + e106_1 * 1i;
      if (e106_0 < v23) { if (a108 >= 0 && a108 < ol1) { put_half(u32(oo1 + (a108 >> 1u)), a108, bf16_bits(select(div_rn(pr0[j107], wf[3616 + e106_0]), 0f, (wf[3616 + e106_0] == 0f)))); } }
    }
    {
      let e109 = lid;
      if (e109 < 16) {
        let e109_0 = e109;
        let a110 = v20 + e109_0 * 1i + 0 * 1i;
        if (e109_0 < v23) { if (a110 >= 0 && a110 < ol0) { atomicStore(&ob[u32(oo0 + a110)], bitcast<u32>(select((pr3[0] + log_nan(wf[3616 + e109_0])), neg_inf(), (wf[3616 + e109_0] == 0f)))); } }
      }
    }
    workgroupBarrier();
  }
}

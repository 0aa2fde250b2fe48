// sparsec: kernel mqa_decode (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 4096>;
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
  return unpack2x16float(ib[u32(off + (i >> 1u))])[i & 1];
}
fn rd0(i: i32) -> f32 {
  if (i < 0 || i >= hdr(4u)) { return 0f; }
  let off = hdr(3u);
  return unpack2x16float(ib[u32(off + (i >> 1u))])[i & 1];
}
fn rd2(i: i32) -> f32 {
  if (i < 0 || i >= hdr(8u)) { return 0f; }
  let off = hdr(7u);
  return unpack2x16float(ib[u32(off + (i >> 1u))])[i & 1];
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>, @builtin(num_workgroups) nwg_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  let nwg = i32(nwg_u.x);
  var pr0: array<f32, 16>;
  var pr1: array<f32, 16>;
  var pr2: array<f32, 16>;
  var pr3: array<f32, 16>;
  var pr4: array<f32, 4>;
  var pr5: array<f32, 1>;
  var pr6: array<f32, 1>;
  var pr7: array<f32, 1>;
  var pr8: array<f32, 1>;
  var pr9: array<f32, 1>;
  var pr10: array<f32, 1>;
  var pr11: array<f32, 1>;
  let p0 = hdr(1u); // batch
  let p1 = hdr(2u); // kv_len
  let oo0 = hdr(9u); // lse
  let ol0 = hdr(10u);
  let oo1 = hdr(11u); // out
  let ol1 = hdr(12u);
  let v2: i32 = (p1 - 1i);
  let n3 = max(0, p0 - 0i);
  let n4 = max(0, 1i - 0i);
  let n5 = max(0, 1i - 0i);
  let tasks = n3 * n4 * n5;
  let n6 = max(0, 8i - 0i);
  let sbf = tasks * 8256 + wid * 280;
  let sbi = tasks * 1 + wid * 1;
  for (var item: i32 = wid; item < tasks * n6; item = item + nwg) {
    let task = item / n6;
    let stf = task * 8256;
    let sti = task * 1;
    let g9 = 0i + (task / (n5 * n4));
    let g8 = 0i + (task / (n5)) % n4;
    let g7 = 0i + task % n5;
    let v10: i32 = (g9 * 8i);
    let v11: i32 = (g8 * 8i);
    let v12: i32 = (v10 + v11);
    let v13: i32 = (g9 + g8);
    let v14: i32 = (v13 * p1);
    let v15: i32 = (g7 + v2);
    let v16: i32 = (v15 + 1i);
    let v17: i32 = min(p1, v16);
    let v18: i32 = (v17 - 1i);
    let v19: i32 = min(v2, v18);
    let v20: i32 = floor_div(v19, 32i);
    let v21: i32 = (v20 + 1i);
    let v22: i32 = max(0i, v21);
    let v23: i32 = (v22 + 7i);
    let v24: i32 = floor_div(v23, 8i);
    let v25: i32 = (v12 + g7);
    let v26: i32 = (v25 * 128i);
    let v27: i32 = (1i - g7);
    let v28: i32 = min(1i, v27);
    let g29 = 0i + item % n6;
    let v30: i32 = (g29 * 1024i);
    let v31: i32 = (g29 * v24);
    let v32: i32 = (v31 + v24);
    let v33: i32 = min(v22, v32);
    {
      let e34 = lid;
      if (e34 < 8) {
        let e34_0 = e34;
        pr5[0] = neg_inf();
        sf[sbf + 256 + e34_0] = 0f;
      }
    }
    for (var j36: i32 = 0; j36 < 16; j36 = j36 + 1) {
      let e35 = lid + j36 * 64;
      pr0[j36] = 0f;
    }
    storageBarrier();
    for (var i37: i32 = v31; i37 < v33; i37 = i37 + 1) {
      let v38: i32 = (i37 * 32i);
      let v39: bool = (0i <= v38);
      let v40: i32 = (v38 + 32i);
      let v41: i32 = min(p1, v40);
      let v42: i32 = (v41 - 1i);
      let v43: bool = (v42 <= v15);
      let v44: bool = (v39 && v43);
      let v45: bool = (v40 <= p1);
      let v46: bool = (v44 && v45);
      let v47: i32 = (v14 + v38);
      let v48: i32 = (v47 * 128i);
      let v49: i32 = (p1 - v38);
      let v50: i32 = min(32i, v49);
      {
        let dr51 = lid / 32;
        let dc52 = lid % 32;
        pr4[0] = 0f;
        pr4[1] = 0f;
        pr4[2] = 0f;
        pr4[3] = 0f;
        for (var k53: i32 = 0; k53 < 128; k53 = k53 + 1) {
          let o54 = select(0f, rd1((v26 + (((dr51 + 0) * 128 + k53) / 128 % 8) * 128i + 0 * 128i + (((dr51 + 0) * 128 + k53) / 1 % 128))), 0 < v28);
          let o55 = select(0f, rd0((v48 + dc52 * 128i + k53)), dc52 < v50);
          let o56 = select(0f, rd1((v26 + (((dr51 + 2) * 128 + k53) / 128 % 8) * 128i + 0 * 128i + (((dr51 + 2) * 128 + k53) / 1 % 128))), 0 < v28);
          let o57 = select(0f, rd1((v26 + (((dr51 + 4) * 128 + k53) / 128 % 8) * 128i + 0 * 128i + (((dr51 + 4) * 128 + k53) / 1 % 128))), 0 < v28);
          let o58 = select(0f, rd1((v26 + (((dr51 + 6) * 128 + k53) / 128 % 8) * 128i + 0 * 128i + (((dr51 + 6) * 128 + k53) / 1 % 128))), 0 < v28);
          pr4[0] = pr4[0] + o54 * o55;
          pr4[1] = pr4[1] + o56 * o55;
          pr4[2] = pr4[2] + o57 * o55;
          pr4[3] = pr4[3] + o58 * o55;
        }
      }
      if (v46) {
        for (var j60: i32 = 0; j60 < 4; j60 = j60 + 1) {
          let e59 = lid + j60 * 64;
          let e59_0 = (e59 / 32);
          let e59_1 = e59 % 32;
          wf[0 + e59_0 * 32 + e59_1] = (pr4[j60] * 0.0883883461356163f);
        }
      } else {
        for (var j62: i32 = 0; j62 < 4; j62 = j62 + 1) {
          let e61 = lid + j62 * 64;
          let e61_0 = (e61 / 32);
          let e61_1 = e61 % 32;
          wf[0 + e61_0 * 32 + e61_1] = select(neg_inf(), (pr4[j62] * 0.0883883461356163f), (((e61_1 + v38) <= (floor_mod(e61_0, 1i) + v15)) && ((e61_1 + v38) < p1)));
        }
      }
      workgroupBarrier();
      {
        let e63 = lid;
        if (e63 < 8) {
          let e63_0 = e63;
          var s64: f32 = neg_inf();
          for (var r65: i32 = 0; r65 < 32; r65 = r65 + 1) { s64 = max(s64, wf[0 + e63_0 * 32 + r65]); }
          pr6[0] = s64;
          sf[sbf + 264 + e63_0] = max(pr5[0], pr6[0]);
          sf[sbf + 272 + e63_0] = softmax_exp(pr5[0], sf[sbf + 264 + e63_0]);
        }
      }
      storageBarrier();
      for (var j67: i32 = 0; j67 < 4; j67 = j67 + 1) {
        let e66 = lid + j67 * 64;
        let e66_0 = (e66 / 32);
        let e66_1 = e66 % 32;
        sf[sbf + 0 + e66_0 * 32 + e66_1] = softmax_exp(wf[0 + e66_0 * 32 + e66_1], sf[sbf + 264 + e66_0]);
      }
      storageBarrier();
      {
        let e68 = lid;
        if (e68 < 8) {
          let e68_0 = e68;
          var s69: f32 = 0f;
          for (var r70: i32 = 0; r70 < 32; r70 = r70 + 1) { s69 = s69 + sf[sbf + 0 + e68_0 * 32 + r70]; }
          pr7[0] = s69;
          pr8[0] = (sf[sbf + 256 + e68_0] * sf[sbf + 272 + e68_0] + pr7[0]);
        }
      }
      workgroupBarrier();
      for (var j72: i32 = 0; j72 < 64; j72 = j72 + 1) {
        let e71 = lid + j72 * 64;
        let e71_0 = (e71 / 128);
        let e71_1 = e71 % 128;
        wf[0 + e71_0 * 128 + e71_1] = select(0f, rd2((v48 + e71_0 * 128i + e71_1)), e71_0 < v50);
      }
      workgroupBarrier();
      {
        pr1[0] = (pr0[0] * sf[sbf + 272 + 0]);
        pr1[1] = (pr0[1] * sf[sbf + 272 + 0]);
        pr1[2] = (pr0[2] * sf[sbf + 272 + 1]);
        pr1[3] = (pr0[3] * sf[sbf + 272 + 1]);
        pr1[4] = (pr0[4] * sf[sbf + 272 + 2]);
        pr1[5] = (pr0[5] * sf[sbf + 272 + 2]);
        pr1[6] = (pr0[6] * sf[sbf + 272 + 3]);
        pr1[7] = (pr0[7] * sf[sbf + 272 + 3]);
        pr1[8] = (pr0[8] * sf[sbf + 272 + 4]);
        pr1[9] = (pr0[9] * sf[sbf + 272 + 4]);
        pr1[10] = (pr0[10] * sf[sbf + 272 + 5]);
        pr1[11] = (pr0[11] * sf[sbf + 272 + 5]);
        pr1[12] = (pr0[12] * sf[sbf + 272 + 6]);
        pr1[13] = (pr0[13] * sf[sbf + 272 + 6]);
        pr1[14] = (pr0[14] * sf[sbf + 272 + 7]);
        pr1[15] = (pr0[15] * sf[sbf + 272 + 7]);
        for (var k75: i32 = 0; k75 < 32; k75 = k75 + 1) {
          let o76 = sf[sbf + 0 + k75];
          let o77 = wf[0 + k75 * 128 + (lid + 0)];
          let o78 = wf[0 + k75 * 128 + (lid + 64)];
          let o79 = sf[sbf + 0 + 1 * 32 + k75];
          let o80 = sf[sbf + 0 + 2 * 32 + k75];
          let o81 = sf[sbf + 0 + 3 * 32 + k75];
          let o82 = sf[sbf + 0 + 4 * 32 + k75];
          let o83 = sf[sbf + 0 + 5 * 32 + k75];
          let o84 = sf[sbf + 0 + 6 * 32 + k75];
          let o85 = sf[sbf + 0 + 7 * 32 + k75];
          pr1[0] = pr1[0] + select(0f, o76 * o77, o76 != 0f);
          pr1[1] = pr1[1] + select(0f, o76 * o78, o76 != 0f);
          pr1[2] = pr1[2] + select(0f, o79 * o77, o79 != 0f);
          pr1[3] = pr1[3] + select(0f, o79 * o78, o79 != 0f);
          pr1[4] = pr1[4] + select(0f, o80 * o77, o80 != 0f);
          pr1[5] = pr1[5] + select(0f, o80 * o78, o80 != 0f);
          pr1[6] = pr1[6] + select(0f, o81 * o77, o81 != 0f);
          pr1[7] = pr1[7] + select(0f, o81 * o78, o81 != 0f);
          pr1[8] = pr1[8] + select(0f, o82 * o77, o82 != 0f);
          pr1[9] = pr1[9] + select(0f, o82 * o78, o82 != 0f);
          pr1[10] = pr1[10] + select(0f, o83 * o77, o83 != 0f);
          pr1[11] = pr1[11] + select(0f, o83 * o78, o83 != 0f);
          pr1[12] = pr1[12] + select(0f, o84 * o77, o84 != 0f);
          pr1[13] = pr1[13] + select(0f, o84 * o78, o84 != 0f);
          pr1[14] = pr1[14] + select(0f, o85 * o77, o85 != 0f);
          pr1[15] = pr1[15] + select(0f, o85 * o78, o85 != 0f);
        }
      }
      {
        let e86 = lid;
        if (e86 < 8) {
          let e86_0 = e86;
          pr5[0] = sf[sbf + 264 + e86_0];
          sf[sbf + 256 + e86_0] = pr8[0];
        }
      }
      for (var j88: i32 = 0; j88 < 16; j88 = j88 + 1) {
        let e87 = lid + j88 * 64;
        pr0[j88] = pr1[j88];
      }
      storageBarrier();
      workgroupBarrier();
    }
    let v92: i32 = (g29 * 8i);
    for (var j90: i32 = 0; j90 < 16; j90 = j90 + 1) {
      let e89 = lid + j90 * 64;
      let e89_0 = (e89 / 128);
      let e89_1 = e89 % 128;
      let a91 = v30 + e89_0 * 128i + e89_1 * 1i;
      if (a91 >= 0 && a91 < 8192) { sf[stf + 0 + a91] = select(div_rn(pr0[j90], sf[sbf + 256 + e89_0]), 0f, (sf[sbf + 256 + e89_0] == 0f)); }
    }
    storageBarrier();
    {
      let e93 = lid;
      if (e93 < 8) {
        let e93_0 = e93;
        let a94 = v92 + e93_0 * 1i + 0 * 1i;
        if (a94 >= 0 && a94 < 64) { sf[stf + 8192 + a94] = select((pr5[0] + log_nan(sf[sbf + 256 + e93_0])), neg_inf(), (sf[sbf + 256 + e93_0] == 0f)); }
      }
    }
    storageBarrier();
  }
}
@compute @workgroup_size(64)
fn merge(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>, @builtin(num_workgroups) nwg_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  let nwg = i32(nwg_u.x);
  var pr0: array<f32, 16>;
  var pr1: array<f32, 16>;
  var pr2: array<f32, 16>;
  var pr3: array<f32, 16>;
  var pr4: array<f32, 4>;
  var pr5: array<f32, 1>;
  var pr6: array<f32, 1>;
  var pr7: array<f32, 1>;
  var pr8: array<f32, 1>;
  var pr9: array<f32, 1>;
  var pr10: array<f32, 1>;
  var pr11: array<f32, 1>;
  let p0 = hdr(1u); // batch
  let p1 = hdr(2u); // kv_len
  let oo0 = hdr(9u); // lse
  let ol0 = hdr(10u);
  let oo1 = hdr(11u); // out
  let ol1 = hdr(12u);
  let v2: i32 = (p1 - 1i);
  let n3 = max(0, p0 - 0i);
  let n4 = max(0, 1i - 0i);
  let n5 = max(0, 1i - 0i);
  let tasks = n3 * n4 * n5;
  let sbf = tasks * 8256 + wid * 280;
  let sbi = tasks * 1 + wid * 1;
  for (var item: i32 = wid; item < tasks; item = item + nwg) {
    let task = item;
    let stf = task * 8256;
    let sti = task * 1;
    let g8 = 0i + (task / (n5 * n4));
    let g7 = 0i + (task / (n5)) % n4;
    let g6 = 0i + task % n5;
    let v9: i32 = (g8 * 8i);
    let v10: i32 = (g7 * 8i);
    let v11: i32 = (v9 + v10);
    let v12: i32 = (g8 + g7);
    let v13: i32 = (v12 * p1);
    let v14: i32 = (g6 + v2);
    let v15: i32 = (v14 + 1i);
    let v16: i32 = min(p1, v15);
    let v17: i32 = (v16 - 1i);
    let v18: i32 = min(v2, v17);
    let v19: i32 = floor_div(v18, 32i);
    let v20: i32 = (v19 + 1i);
    let v21: i32 = max(0i, v20);
    let v22: i32 = (v21 + 7i);
    let v23: i32 = floor_div(v22, 8i);
    let v24: i32 = (v11 + g6);
    let v25: i32 = (v24 * 128i);
    let v26: i32 = (1i - g6);
    let v27: i32 = min(1i, v26);
    {
      let e28 = lid;
      if (e28 < 8) {
        let e28_0 = e28;
        pr9[0] = neg_inf();
        wf[0 + e28_0] = 0f;
      }
    }
    for (var j30: i32 = 0; j30 < 16; j30 = j30 + 1) {
      let e29 = lid + j30 * 64;
      pr2[j30] = 0f;
    }
    workgroupBarrier();
    for (var i31: i32 = 0i; i31 < 8i; i31 = i31 + 1) {
      let v32: i32 = (i31 * 8i);
      let v34: i32 = (i31 * 1024i);
      {
        let e33 = lid;
        if (e33 < 8) {
          let e33_0 = e33;
          pr10[0] = max(pr9[0], select(0f, sf[stf + 8192 + clamp((v32 + e33_0 + 0), 0, 63)], (v32 + e33_0 + 0) >= 0 && (v32 + e33_0 + 0) < 64));
          wf[8 + e33_0] = softmax_exp(pr9[0], pr10[0]);
          wf[16 + e33_0] = softmax_exp(select(0f, sf[stf + 8192 + clamp((v32 + e33_0 + 0), 0, 63)], (v32 + e33_0 + 0) >= 0 && (v32 + e33_0 + 0) < 64), pr10[0]);
          pr11[0] = (wf[0 + e33_0] * wf[8 + e33_0] + wf[16 + e33_0]);
        }
      }
      workgroupBarrier();
      for (var j36: i32 = 0; j36 < 16; j36 = j36 + 1) {
        let e35 = lid + j36 * 64;
        let e35_0 = (e35 / 128);
        let e35_1 = e35 % 128;
        pr3[j36] = (pr2[j36] * wf[8 + e35_0] + (select(0f, sf[stf + 0 + clamp((v34 + e35_0 * 128i + e35_1), 0, 8191)], (v34 + e35_0 * 128i + e35_1) >= 0 && (v34 + e35_0 * 128i + e35_1) < 8192) * wf[16 + e35_0]));
      }
      {
        let e37 = lid;
        if (e37 < 8) {
          let e37_0 = e37;
          pr9[0] = pr10[0];
          wf[0 + e37_0] = pr11[0];
        }
      }
      for (var j39: i32 = 0; j39 < 16; j39 = j39 + 1) {
        let e38 = lid + j39 * 64;
        pr2[j39] = pr3[j39];
      }
      storageBarrier();
      workgroupBarrier();
    }
    for (var j41: i32 = 0; j41 < 16; j41 = j41 + 1) {
      let e40 = lid + j41 * 64;
      let e40_0 = (e40 / 128);
      let e40_2 = e40 % 128;
      let a42 = v25 + e40_0 * 128i + 0 * 128i + e40_2 * 1i;
      if (0 < v27) { if (a42 >= 0 && a42 < ol1) { put_half(u32(oo1 + (a42 >> 1u)), a42, f16_bits(select(div_rn(pr2[j41], wf[0 + e40_0]), 0f, (wf[0 + e40_0] == 0f)))); } }
    }
    {
      let e43 = lid;
      if (e43 < 8) {
        let e43_0 = e43;
        let a44 = v24 + e43_0 * 1i + 0 * 1i + 0 * 1i;
        if (0 < v27) { if (a44 >= 0 && a44 < ol0) { atomicStore(&ob[u32(oo0 + a44)], bitcast<u32>(select((pr9[0] + log_nan(wf[0 + e43_0])), neg_inf(), (wf[0 + e43_0] == 0f)))); } }
      }
    }
    workgroupBarrier();
  }
}

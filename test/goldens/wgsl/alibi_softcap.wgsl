// sparsec: kernel alibi_softcap (generated; do not edit)
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
fn rd2(i: i32) -> f32 {
  if (i < 0 || i >= hdr(8u)) { return 0f; }
  let off = hdr(7u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn gatherin2(i: i32, len: i32) -> f32 {
  if (i < 0 || i >= len) { return 0f; }
  return rd2(i);
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
fn rd3(i: i32) -> f32 {
  if (i < 0 || i >= hdr(10u)) { return 0f; }
  let off = hdr(9u);
  return unpack2x16float(ib[u32(off + (i >> 1u))])[i & 1];
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  var pr0: array<f32, 32>;
  var pr1: array<f32, 32>;
  var pr2: array<f32, 8>;
  var pr3: array<f32, 8>;
  var pr4: array<f32, 1>;
  var pr5: array<f32, 1>;
  var pr6: array<f32, 1>;
  var pr7: array<f32, 1>;
  let p0 = hdr(1u); // kv_len
  let p1 = hdr(2u); // q_len
  let oo0 = hdr(11u); // out
  let ol0 = hdr(12u);
  let sbf = wid * 560;
  let sbi = wid * 1;
  let v2: i32 = (p1 + 15i);
  let v3: i32 = floor_div(v2, 16i);
  let v4: i32 = (p0 - 1i);
  let v5: i32 = (p0 - p1);
  let n6 = max(0, 1i - 0i);
  let n7 = max(0, 8i - 0i);
  let n8 = max(0, v3 - 0i);
  let tasks = n6 * n7 * n8;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g11 = 0i + (task / (n8 * n7));
    let g10 = 0i + (task / (n8)) % n7;
    let g9 = 0i + task % n8;
    let v12: i32 = (g11 * 8i);
    let v13: i32 = (v12 + g10);
    let v14: i32 = (v13 * p1);
    let v15: i32 = (v13 * p0);
    let v16: f32 = gatherin2(g10, 8i);
    let v17: i32 = (g9 * 16i);
    let v18: i32 = (v14 + v17);
    let v19: i32 = (v18 * 128i);
    let v20: i32 = (p1 - v17);
    let v21: i32 = min(16i, v20);
    let v22: i32 = (v17 + v5);
    let v23: i32 = (v22 + 16i);
    let v24: i32 = min(p0, v23);
    let v25: i32 = (v24 - 1i);
    let v26: i32 = min(v4, v25);
    let v27: i32 = floor_div(v26, 32i);
    let v28: i32 = (v27 + 1i);
    let v29: i32 = max(0i, v28);
    {
      let e30 = lid;
      if (e30 < 16) {
        let e30_0 = e30;
        pr4[0] = neg_inf();
        sf[sbf + 512 + e30_0] = 0f;
      }
    }
    for (var j32: i32 = 0; j32 < 32; j32 = j32 + 1) {
      let e31 = lid + j32 * 64;
      pr0[j32] = 0f;
    }
    storageBarrier();
    for (var i33: i32 = 0i; i33 < v29; i33 = i33 + 1) {
      let v34: i32 = (i33 * 32i);
      let v35: bool = (0i <= v34);
      let v36: i32 = (v34 + 32i);
      let v37: i32 = min(p0, v36);
      let v38: i32 = (v37 - 1i);
      let v39: bool = (v38 <= v22);
      let v40: bool = (v35 && v39);
      let v41: bool = (v36 <= p0);
      let v42: bool = (v40 && v41);
      let v43: i32 = (v15 + v34);
      let v44: i32 = (v43 * 128i);
      let v45: i32 = (p0 - v34);
      let v46: i32 = min(32i, v45);
      {
        let dr47 = lid / 32;
        let dc48 = lid % 32;
        pr2[0] = 0f;
        pr2[1] = 0f;
        pr2[2] = 0f;
        pr2[3] = 0f;
        pr2[4] = 0f;
        pr2[5] = 0f;
        pr2[6] = 0f;
        pr2[7] = 0f;
        for (var k49: i32 = 0; k49 < 128; k49 = k49 + 1) {
          let o50 = select(0f, rd1((v19 + (dr47 + 0) * 128i + k49)), (dr47 + 0) < v21);
          let o51 = select(0f, rd0((v44 + dc48 * 128i + k49)), dc48 < v46);
          let o52 = select(0f, rd1((v19 + (dr47 + 2) * 128i + k49)), (dr47 + 2) < v21);
          let o53 = select(0f, rd1((v19 + (dr47 + 4) * 128i + k49)), (dr47 + 4) < v21);
          let o54 = select(0f, rd1((v19 + (dr47 + 6) * 128i + k49)), (dr47 + 6) < v21);
          let o55 = select(0f, rd1((v19 + (dr47 + 8) * 128i + k49)), (dr47 + 8) < v21);
          let o56 = select(0f, rd1((v19 + (dr47 + 10) * 128i + k49)), (dr47 + 10) < v21);
          let o57 = select(0f, rd1((v19 + (dr47 + 12) * 128i + k49)), (dr47 + 12) < v21);
          let o58 = select(0f, rd1((v19 + (dr47 + 14) * 128i + k49)), (dr47 + 14) < v21);
          pr2[0] = pr2[0] + o50 * o51;
          pr2[1] = pr2[1] + o52 * o51;
          pr2[2] = pr2[2] + o53 * o51;
          pr2[3] = pr2[3] + o54 * o51;
          pr2[4] = pr2[4] + o55 * o51;
          pr2[5] = pr2[5] + o56 * o51;
          pr2[6] = pr2[6] + o57 * o51;
          pr2[7] = pr2[7] + o58 * o51;
        }
      }
      for (var j60: i32 = 0; j60 < 8; j60 = j60 + 1) {
        let e59 = lid + j60 * 64;
        let e59_0 = (e59 / 32);
        let e59_1 = e59 % 32;
        pr3[j60] = (30f * tanh_safe(div_rn(((pr2[j60] * 0.0883883461356163f) - (v16 * f32(((e59_0 + v22) - (e59_1 + v34))))), 30f)));
      }
      if (v42) {
        for (var j62: i32 = 0; j62 < 8; j62 = j62 + 1) {
          let e61 = lid + j62 * 64;
          let e61_0 = (e61 / 32);
          let e61_1 = e61 % 32;
          wf[0 + e61_0 * 32 + e61_1] = pr3[j62];
        }
      } else {
        for (var j64: i32 = 0; j64 < 8; j64 = j64 + 1) {
          let e63 = lid + j64 * 64;
          let e63_0 = (e63 / 32);
          let e63_1 = e63 % 32;
          wf[0 + e63_0 * 32 + e63_1] = select(neg_inf(), pr3[j64], (((e63_1 + v34) <= (e63_0 + v22)) && ((e63_1 + v34) < p0)));
        }
      }
      workgroupBarrier();
      {
        let e65 = lid;
        if (e65 < 16) {
          let e65_0 = e65;
          var s66: f32 = neg_inf();
          for (var r67: i32 = 0; r67 < 32; r67 = r67 + 1) { s66 = max(s66, wf[0 + e65_0 * 32 + r67]); }
          pr5[0] = s66;
          sf[sbf + 528 + e65_0] = max(pr4[0], pr5[0]);
          sf[sbf + 544 + e65_0] = softmax_exp(pr4[0], sf[sbf + 528 + e65_0]);
        }
      }
      storageBarrier();
      for (var j69: i32 = 0; j69 < 8; j69 = j69 + 1) {
        let e68 = lid + j69 * 64;
        let e68_0 = (e68 / 32);
        let e68_1 = e68 % 32;
        sf[sbf + 0 + e68_0 * 32 + e68_1] = softmax_exp(wf[0 + e68_0 * 32 + e68_1], sf[sbf + 528 + e68_0]);
      }
      storageBarrier();
      {
        let e70 = lid;
        if (e70 < 16) {
          let e70_0 = e70;
          var s71: f32 = 0f;
          for (var r72: i32 = 0; r72 < 32; r72 = r72 + 1) { s71 = s71 + sf[sbf + 0 + e70_0 * 32 + r72]; }
          pr6[0] = s71;
          pr7[0] = (sf[sbf + 512 + e70_0] * sf[sbf + 544 + e70_0] + pr6[0]);
        }
      }
      workgroupBarrier();
      for (var j74: i32 = 0; j74 < 64; j74 = j74 + 1) {
        let e73 = lid + j74 * 64;
        let e73_0 = (e73 / 128);
        let e73_1 = e73 % 128;
        wf[0 + e73_0 * 128 + e73_1] = select(0f, rd3((v44 + e73_0 * 128i + e73_1)), e73_0 < v46);
      }
      workgroupBarrier();
      {
        pr1[0] = (pr0[0] * sf[sbf + 544 + 0]);
        pr1[1] = (pr0[1] * sf[sbf + 544 + 0]);
        pr1[2] = (pr0[2] * sf[sbf + 544 + 1]);
        pr1[3] = (pr0[3] * sf[sbf + 544 + 1]);
        pr1[4] = (pr0[4] * sf[sbf + 544 + 2]);
        pr1[5] = (pr0[5] * sf[sbf + 544 + 2]);
        pr1[6] = (pr0[6] * sf[sbf + 544 + 3]);
        pr1[7] = (pr0[7] * sf[sbf + 544 + 3]);
        pr1[8] = (pr0[8] * sf[sbf + 544 + 4]);
        pr1[9] = (pr0[9] * sf[sbf + 544 + 4]);
        pr1[10] = (pr0[10] * sf[sbf + 544 + 5]);
        pr1[11] = (pr0[11] * sf[sbf + 544 + 5]);
        pr1[12] = (pr0[12] * sf[sbf + 544 + 6]);
        pr1[13] = (pr0[13] * sf[sbf + 544 + 6]);
        pr1[14] = (pr0[14] * sf[sbf + 544 + 7]);
        pr1[15] = (pr0[15] * sf[sbf + 544 + 7]);
        pr1[16] = (pr0[16] * sf[sbf + 544 + 8]);
        pr1[17] = (pr0[17] * sf[sbf + 544 + 8]);
        pr1[18] = (pr0[18] * sf[sbf + 544 + 9]);
        pr1[19] = (pr0[19] * sf[sbf + 544 + 9]);
        pr1[20] = (pr0[20] * sf[sbf + 544 + 10]);
        pr1[21] = (pr0[21] * sf[sbf + 544 + 10]);
        pr1[22] = (pr0[22] * sf[sbf + 544 + 11]);
        pr1[23] = (pr0[23] * sf[sbf + 544 + 11]);
        pr1[24] = (pr0[24] * sf[sbf + 544 + 12]);
        pr1[25] = (pr0[25] * sf[sbf + 544 + 12]);
        pr1[26] = (pr0[26] * sf[sbf + 544 + 13]);
        pr1[27] = (pr0[27] * sf[sbf + 544 + 13]);
        pr1[28] = (pr0[28] * sf[sbf + 544 + 14]);
        pr1[29] = (pr0[29] * sf[sbf + 544 + 14]);
        pr1[30] = (pr0[30] * sf[sbf + 544 + 15]);
        pr1[31] = (pr0[31] * sf[sbf + 544 + 15]);
        for (var k77: i32 = 0; k77 < 32; k77 = k77 + 1) {
          let o78 = sf[sbf + 0 + k77];
          let o79 = wf[0 + k77 * 128 + (lid + 0)];
          let o80 = wf[0 + k77 * 128 + (lid + 64)];
          let o81 = sf[sbf + 0 + 1 * 32 + k77];
          let o82 = sf[sbf + 0 + 2 * 32 + k77];
          let o83 = sf[sbf + 0 + 3 * 32 + k77];
          let o84 = sf[sbf + 0 + 4 * 32 + k77];
          let o85 = sf[sbf + 0 + 5 * 32 + k77];
          let o86 = sf[sbf + 0 + 6 * 32 + k77];
          let o87 = sf[sbf + 0 + 7 * 32 + k77];
          let o88 = sf[sbf + 0 + 8 * 32 + k77];
          let o89 = sf[sbf + 0 + 9 * 32 + k77];
          let o90 = sf[sbf + 0 + 10 * 32 + k77];
          let o91 = sf[sbf + 0 + 11 * 32 + k77];
          let o92 = sf[sbf + 0 + 12 * 32 + k77];
          let o93 = sf[sbf + 0 + 13 * 32 + k77];
          let o94 = sf[sbf + 0 + 14 * 32 + k77];
          let o95 = sf[sbf + 0 + 15 * 32 + k77];
          pr1[0] = pr1[0] + select(0f, o78 * o79, o78 != 0f);
          pr1[1] = pr1[1] + select(0f, o78 * o80, o78 != 0f);
          pr1[2] = pr1[2] + select(0f, o81 * o79, o81 != 0f);
          pr1[3] = pr1[3] + select(0f, o81 * o80, o81 != 0f);
          pr1[4] = pr1[4] + select(0f, o82 * o79, o82 != 0f);
          pr1[5] = pr1[5] + select(0f, o82 * o80, o82 != 0f);
          pr1[6] = pr1[6] + select(0f, o83 * o79, o83 != 0f);
          pr1[7] = pr1[7] + select(0f, o83 * o80, o83 != 0f);
          pr1[8] = pr1[8] + select(0f, o84 * o79, o84 != 0f);
          pr1[9] = pr1[9] + select(0f, o84 * o80, o84 != 0f);
          pr1[10] = pr1[10] + select(0f, o85 * o79, o85 != 0f);
          pr1[11] = pr1[11] + select(0f, o85 * o80, o85 != 0f);
          pr1[12] = pr1[12] + select(0f, o86 * o79, o86 != 0f);
          pr1[13] = pr1[13] + select(0f, o86 * o80, o86 != 0f);
          pr1[14] = pr1[14] + select(0f, o87 * o79, o87 != 0f);
          pr1[15] = pr1[15] + select(0f, o87 * o80, o87 != 0f);
          pr1[16] = pr1[16] + select(0f, o88 * o79, o88 != 0f);
          pr1[17] = pr1[17] + select(0f, o88 * o80, o88 != 0f);
          pr1[18] = pr1[18] + select(0f, o89 * o79, o89 != 0f);
          pr1[19] = pr1[19] + select(0f, o89 * o80, o89 != 0f);
          pr1[20] = pr1[20] + select(0f, o90 * o79, o90 != 0f);
          pr1[21] = pr1[21] + select(0f, o90 * o80, o90 != 0f);
          pr1[22] = pr1[22] + select(0f, o91 * o79, o91 != 0f);
          pr1[23] = pr1[23] + select(0f, o91 * o80, o91 != 0f);
          pr1[24] = pr1[24] + select(0f, o92 * o79, o92 != 0f);
          pr1[25] = pr1[25] + select(0f, o92 * o80, o92 != 0f);
          pr1[26] = pr1[26] + select(0f, o93 * o79, o93 != 0f);
          pr1[27] = pr1[27] + select(0f, o93 * o80, o93 != 0f);
          pr1[28] = pr1[28] + select(0f, o94 * o79, o94 != 0f);
          pr1[29] = pr1[29] + select(0f, o94 * o80, o94 != 0f);
          pr1[30] = pr1[30] + select(0f, o95 * o79, o95 != 0f);
          pr1[31] = pr1[31] + select(0f, o95 * o80, o95 != 0f);
        }
      }
      {
        let e96 = lid;
        if (e96 < 16) {
          let e96_0 = e96;
          pr4[0] = sf[sbf + 528 + e96_0];
          sf[sbf + 512 + e96_0] = pr7[0];
        }
      }
      for (var j98: i32 = 0; j98 < 32; j98 = j98 + 1) {
        let e97 = lid + j98 * 64;
        pr0[j98] = pr1[j98];
      }
      storageBarrier();
      workgroupBarrier();
    }
    for (var j100: i32 = 0; j100 < 32; j100 = j100 + 1) {
      let e99 = lid + j100 * 64;
      let e99_0 = (e99 / 128);
      let e99_1 = e99 % 128;
      let a101 = v19 + e99_0 * 128i + e99_1 * 1i;
      if (e99_0 < v21) { if (a101 >= 0 && a101 < ol0) { put_half(u32(oo0 + (a101 >> 1u)), a101, f16_bits(select(div_rn(pr0[j100], sf[sbf + 512 + e99_0]), 0f, (sf[sbf + 512 + e99_0] == 0f)))); } }
    }
    storageBarrier();
  }
}

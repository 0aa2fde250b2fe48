// sparsec: kernel gqa_prefill (generated; do not edit)
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
  let oo0 = hdr(9u); // out
  let ol0 = hdr(10u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  let v2: i32 = (p1 + 3i);
  let v3: i32 = floor_div(v2, 4i);
  let v4: i32 = (p1 * 64i);
  let v5: i32 = (p0 - 1i);
  let v6: i32 = (p0 - p1);
  let n7 = max(0, 1i - 0i);
  let n8 = max(0, 4i - 0i);
  let n9 = max(0, v3 - 0i);
  let tasks = n7 * n8 * n9;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g12 = 0i + (task / (n9 * n8));
    let g11 = 0i + (task / (n9)) % n8;
    let g10 = 0i + task % n9;
    let v13: i32 = (g12 * 16i);
    let v14: i32 = (g12 * 4i);
    let v15: i32 = (g11 * 4i);
    let v16: i32 = (v13 + v15);
    let v17: i32 = (v16 * p1);
    let v18: i32 = (v14 + g11);
    let v19: i32 = (v18 * p0);
    let v20: i32 = (g10 * 4i);
    let v21: i32 = (v17 + v20);
    let v22: i32 = (v21 * 64i);
    let v23: i32 = (p1 - v20);
    let v24: i32 = min(4i, v23);
    let v25: i32 = (v20 + v6);
    let v26: i32 = (v25 + 4i);
    let v27: i32 = min(p0, v26);
    let v28: i32 = (v27 - 1i);
    let v29: i32 = min(v5, v28);
    let v30: i32 = floor_div(v29, 32i);
    let v31: i32 = (v30 + 1i);
    let v32: i32 = max(0i, v31);
    for (var j34: i32 = 0; j34 < 16; j34 = j34 + 1) {
      let e33 = lid + j34 * 64;
      let e33_0 = (e33 / 256);
      let e33_1 = (e33 / 64) % 4;
      let e33_2 = e33 % 64;
      wf[2080 + e33_0 * 256 + e33_1 * 64 + e33_2] = select(0f, rd1((v22 + e33_0 * v4 + e33_1 * 64i + e33_2)), e33_1 < v24);
    }
    {
      let e35 = lid;
      if (e35 < 16) {
        let e35_0 = e35;
        pr3[0] = neg_inf();
        wf[3616 + e35_0] = 0f;
      }
    }
    for (var j37: i32 = 0; j37 < 16; j37 = j37 + 1) {
      let e36 = lid + j37 * 64;
      pr0[j37] = 0f;
    }
    workgroupBarrier();
    for (var i38: i32 = 0i; i38 < v32; i38 = i38 + 1) {
      let v39: i32 = (i38 * 32i);
      let v40: bool = (0i <= v39);
      let v41: i32 = (v39 + 32i);
      let v42: i32 = min(p0, v41);
      let v43: i32 = (v42 - 1i);
      let v44: bool = (v43 <= v25);
      let v45: bool = (v40 && v44);
      let v46: bool = (v41 <= p0);
      let v47: bool = (v45 && v46);
      let v48: i32 = (v19 + v39);
      let v49: i32 = (v48 * 64i);
      let v50: i32 = (p0 - v39);
      let v51: i32 = min(32i, v50);
      for (var j53: i32 = 0; j53 < 32; j53 = j53 + 1) {
        let e52 = lid + j53 * 64;
        let e52_0 = (e52 / 64);
        let e52_1 = e52 % 64;
        wf[0 + e52_0 * 65 + e52_1] = select(0f, rd0((v49 + e52_0 * 64i + e52_1)), e52_0 < v51);
      }
      workgroupBarrier();
      {
        let dr54 = lid / 32;
        let dc55 = lid % 32;
        pr2[0] = 0f;
        pr2[1] = 0f;
        pr2[2] = 0f;
        pr2[3] = 0f;
        pr2[4] = 0f;
        pr2[5] = 0f;
        pr2[6] = 0f;
        pr2[7] = 0f;
        for (var k56: i32 = 0; k56 < 64; k56 = k56 + 1) {
          let o57 = wf[2080 + (dr54 + 0) * 64 + k56];
          let o58 = wf[0 + dc55 * 65 + k56];
          let o59 = wf[2080 + (dr54 + 2) * 64 + k56];
          let o60 = wf[2080 + (dr54 + 4) * 64 + k56];
          let o61 = wf[2080 + (dr54 + 6) * 64 + k56];
          let o62 = wf[2080 + (dr54 + 8) * 64 + k56];
          let o63 = wf[2080 + (dr54 + 10) * 64 + k56];
          let o64 = wf[2080 + (dr54 + 12) * 64 + k56];
          let o65 = wf[2080 + (dr54 + 14) * 64 + k56];
          pr2[0] = pr2[0] + o57 * o58;
          pr2[1] = pr2[1] + o59 * o58;
          pr2[2] = pr2[2] + o60 * o58;
          pr2[3] = pr2[3] + o61 * o58;
          pr2[4] = pr2[4] + o62 * o58;
          pr2[5] = pr2[5] + o63 * o58;
          pr2[6] = pr2[6] + o64 * o58;
          pr2[7] = pr2[7] + o65 * o58;
        }
      }
      if (v47) {
        workgroupBarrier();
        for (var j67: i32 = 0; j67 < 8; j67 = j67 + 1) {
          let e66 = lid + j67 * 64;
          let e66_0 = (e66 / 32);
          let e66_1 = e66 % 32;
          wf[0 + e66_0 * 32 + e66_1] = (pr2[j67] * 0.125f);
        }
      } else {
        workgroupBarrier();
        for (var j69: i32 = 0; j69 < 8; j69 = j69 + 1) {
          let e68 = lid + j69 * 64;
          let e68_0 = (e68 / 32);
          let e68_1 = e68 % 32;
          wf[0 + e68_0 * 32 + e68_1] = select(neg_inf(), (pr2[j69] * 0.125f), (((e68_1 + v39) <= (floor_mod(e68_0, 4i) + v25)) && ((e68_1 + v39) < p0)));
        }
      }
      workgroupBarrier();
      {
        let e70 = lid;
        if (e70 < 16) {
          let e70_0 = e70;
          var s71: f32 = neg_inf();
          for (var r72: i32 = 0; r72 < 32; r72 = r72 + 1) { s71 = max(s71, wf[0 + e70_0 * 32 + r72]); }
          pr4[0] = s71;
          wf[2048 + e70_0] = max(pr3[0], pr4[0]);
          wf[2064 + e70_0] = softmax_exp(pr3[0], wf[2048 + e70_0]);
        }
      }
      workgroupBarrier();
      for (var j74: i32 = 0; j74 < 8; j74 = j74 + 1) {
        let e73 = lid + j74 * 64;
        let e73_0 = (e73 / 32);
        let e73_1 = e73 % 32;
        wf[3104 + e73_0 * 32 + e73_1] = softmax_exp(wf[0 + e73_0 * 32 + e73_1], wf[2048 + e73_0]);
      }
      workgroupBarrier();
      {
        let e75 = lid;
        if (e75 < 16) {
          let e75_0 = e75;
          var s76: f32 = 0f;
          for (var r77: i32 = 0; r77 < 32; r77 = r77 + 1) { s76 = s76 + wf[3104 + e75_0 * 32 + r77]; }
          pr5[0] = s76;
          pr6[0] = (wf[3616 + e75_0] * wf[2064 + e75_0] + pr5[0]);
        }
      }
      for (var j79: i32 = 0; j79 < 32; j79 = j79 + 1) {
        let e78 = lid + j79 * 64;
        let e78_0 = (e78 / 64);
        let e78_1 = e78 % 64;
        wf[0 + e78_0 * 64 + e78_1] = select(0f, rd2((v49 + e78_0 * 64i + e78_1)), e78_0 < v51);
      }
      workgroupBarrier();
      {
        let dr80 = lid / 64;
        let dc81 = lid % 64;
        pr1[0] = (pr0[0] * wf[2064 + (dr80 + 0)]);
        pr1[1] = (pr0[1] * wf[2064 + (dr80 + 1)]);
        pr1[2] = (pr0[2] * wf[2064 + (dr80 + 2)]);
        pr1[3] = (pr0[3] * wf[2064 + (dr80 + 3)]);
        pr1[4] = (pr0[4] * wf[2064 + (dr80 + 4)]);
        pr1[5] = (pr0[5] * wf[2064 + (dr80 + 5)]);
        pr1[6] = (pr0[6] * wf[2064 + (dr80 + 6)]);
        pr1[7] = (pr0[7] * wf[2064 + (dr80 + 7)]);
        pr1[8] = (pr0[8] * wf[2064 + (dr80 + 8)]);
        pr1[9] = (pr0[9] * wf[2064 + (dr80 + 9)]);
        pr1[10] = (pr0[10] * wf[2064 + (dr80 + 10)]);
        pr1[11] = (pr0[11] * wf[2064 + (dr80 + 11)]);
        pr1[12] = (pr0[12] * wf[2064 + (dr80 + 12)]);
        pr1[13] = (pr0[13] * wf[2064 + (dr80 + 13)]);
        pr1[14] = (pr0[14] * wf[2064 + (dr80 + 14)]);
        pr1[15] = (pr0[15] * wf[2064 + (dr80 + 15)]);
        for (var k82: i32 = 0; k82 < 32; k82 = k82 + 1) {
          let o83 = wf[3104 + (dr80 + 0) * 32 + k82];
          let o84 = wf[0 + k82 * 64 + dc81];
          let o85 = wf[3104 + (dr80 + 1) * 32 + k82];
          let o86 = wf[3104 + (dr80 + 2) * 32 + k82];
          let o87 = wf[3104 + (dr80 + 3) * 32 + k82];
          let o88 = wf[3104 + (dr80 + 4) * 32 + k82];
          let o89 = wf[3104 + (dr80 + 5) * 32 + k82];
          let o90 = wf[3104 + (dr80 + 6) * 32 + k82];
          let o91 = wf[3104 + (dr80 + 7) * 32 + k82];
          let o92 = wf[3104 + (dr80 + 8) * 32 + k82];
          let o93 = wf[3104 + (dr80 + 9) * 32 + k82];
          let o94 = wf[3104 + (dr80 + 10) * 32 + k82];
          let o95 = wf[3104 + (dr80 + 11) * 32 + k82];
          let o96 = wf[3104 + (dr80 + 12) * 32 + k82];
          let o97 = wf[3104 + (dr80 + 13) * 32 + k82];
          let o98 = wf[3104 + (dr80 + 14) * 32 + k82];
          let o99 = wf[3104 + (dr80 + 15) * 32 + k82];
          pr1[0] = pr1[0] + select(0f, o83 * o84, o83 != 0f);
          pr1[1] = pr1[1] + select(0f, o85 * o84, o85 != 0f);
          pr1[2] = pr1[2] + select(0f, o86 * o84, o86 != 0f);
          pr1[3] = pr1[3] + select(0f, o87 * o84, o87 != 0f);
          pr1[4] = pr1[4] + select(0f, o88 * o84, o88 != 0f);
          pr1[5] = pr1[5] + select(0f, o89 * o84, o89 != 0f);
          pr1[6] = pr1[6] + select(0f, o90 * o84, o90 != 0f);
          pr1[7] = pr1[7] + select(0f, o91 * o84, o91 != 0f);
          pr1[8] = pr1[8] + select(0f, o92 * o84, o92 != 0f);
          pr1[9] = pr1[9] + select(0f, o93 * o84, o93 != 0f);
          pr1[10] = pr1[10] + select(0f, o94 * o84, o94 != 0f);
          pr1[11] = pr1[11] + select(0f, o95 * o84, o95 != 0f);
          pr1[12] = pr1[12] + select(0f, o96 * o84, o96 != 0f);
          pr1[13] = pr1[13] + select(0f, o97 * o84, o97 != 0f);
          pr1[14] = pr1[14] + select(0f, o98 * o84, o98 != 0f);
          pr1[15] = pr1[15] + select(0f, o99 * o84, o99 != 0f);
        }
      }
      {
        let e100 = lid;
        if (e100 < 16) {
          let e100_0 = e100;
          pr3[0] = wf[2048 + e100_0];
          wf[3616 + e100_0] = pr6[0];
        }
      }
      for (var j102: i32 = 0; j102 < 16; j102 = j102 + 1) {
        let e101 = lid + j102 * 64;
        pr0[j102] = pr1[j102];
      }
      workgroupBarrier();
    }
    for (var j104: i32 = 0; j104 < 16; j104 = j104 + 1) {
      let e103 = lid + j104 * 64;
      let e103_0 = (e103 / 256);
      let e103_1 = (e103 / 64) % 4;
      let e103_2 = e103 % 64;
      let a105 = v22 + e103_0 * v4 + e103_1 * 64i + e103_2 * 1i;
      if (e103_1 < v24) { if (a105 >= 0 && a105 < ol0) { put_half(u32(oo0 + (a105 >> 1u)), a105, bf16_bits(select(div_rn(pr0[j104], wf[3616 + e103_0 * 4 + e103_1]), 0f, (wf[3616 + e103_0 * 4 + e103_1] == 0f)))); } }
    }
    workgroupBarrier();
  }
}

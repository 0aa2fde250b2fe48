// sparsec: kernel nsa_window (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 3632>;
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
  let v2: i32 = (p1 + 3i);
  let v3: i32 = floor_div(v2, 4i);
  let v4: i32 = (p1 * 64i);
  let v5: i32 = (p0 - p1);
  let v6: i32 = (p0 - 1i);
  let n7 = max(0, 1i - 0i);
  let n8 = max(0, 2i - 0i);
  let n9 = max(0, v3 - 0i);
  let tasks = n7 * n8 * n9;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g12 = 0i + (task / (n9 * n8));
    let g11 = 0i + (task / (n9)) % n8;
    let g10 = 0i + task % n9;
    let v13: i32 = (g12 * 8i);
    let v14: i32 = (g12 * 2i);
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
    let v25: i32 = (v20 + v5);
    let v26: i32 = (v25 + (-127i));
    let v27: i32 = max(0i, v26);
    let v28: i32 = floor_div(v27, 32i);
    let v29: i32 = (v25 + 4i);
    let v30: i32 = min(p0, v29);
    let v31: i32 = (v30 - 1i);
    let v32: i32 = min(v6, v31);
    let v33: i32 = floor_div(v32, 32i);
    let v34: i32 = (v33 + 1i);
    let v35: i32 = max(v28, v34);
    let v36: i32 = (v31 + (-127i));
    for (var j38: i32 = 0; j38 < 16; j38 = j38 + 1) {
      let e37 = lid + j38 * 64;
      let e37_0 = (e37 / 256);
      let e37_1 = (e37 / 64) % 4;
      let e37_2 = e37 % 64;
      wf[2080 + e37_0 * 256 + e37_1 * 64 + e37_2] = select(0f, rd1((v22 + e37_0 * v4 + e37_1 * 64i + e37_2)), e37_1 < v24);
    }
    {
      let e39 = lid;
      if (e39 < 16) {
        let e39_0 = e39;
        wi[0 + e39_0] = (floor_mod(e39_0, 4i) + v25);
        pr3[0] = neg_inf();
        wf[3616 + e39_0] = 0f;
      }
    }
    for (var j41: i32 = 0; j41 < 16; j41 = j41 + 1) {
      let e40 = lid + j41 * 64;
      pr0[j41] = 0f;
    }
    workgroupBarrier();
    for (var i42: i32 = v28; i42 < v35; i42 = i42 + 1) {
      let v43: i32 = (i42 * 32i);
      let v44: bool = (v36 <= v43);
      let v45: i32 = (v43 + 32i);
      let v46: i32 = min(p0, v45);
      let v47: i32 = (v46 - 1i);
      let v48: bool = (v47 <= v25);
      let v49: bool = (v44 && v48);
      let v50: bool = (v45 <= p0);
      let v51: bool = (v49 && v50);
      let v52: i32 = (v19 + v43);
      let v53: i32 = (v52 * 64i);
      let v54: i32 = (p0 - v43);
      let v55: i32 = min(32i, v54);
      for (var j57: i32 = 0; j57 < 32; j57 = j57 + 1) {
        let e56 = lid + j57 * 64;
        let e56_0 = (e56 / 64);
        let e56_1 = e56 % 64;
        wf[0 + e56_0 * 65 + e56_1] = select(0f, rd0((v53 + e56_0 * 64i + e56_1)), e56_0 < v55);
      }
      workgroupBarrier();
      {
        let dr58 = lid / 32;
        let dc59 = lid % 32;
        pr2[0] = 0f;
        pr2[1] = 0f;
        pr2[2] = 0f;
        pr2[3] = 0f;
        pr2[4] = 0f;
        pr2[5] = 0f;
        pr2[6] = 0f;
        pr2[7] = 0f;
        for (var k60: i32 = 0; k60 < 64; k60 = k60 + 1) {
          let o61 = wf[2080 + (dr58 + 0) * 64 + k60];
          let o62 = wf[0 + dc59 * 65 + k60];
          let o63 = wf[2080 + (dr58 + 2) * 64 + k60];
          let o64 = wf[2080 + (dr58 + 4) * 64 + k60];
          let o65 = wf[2080 + (dr58 + 6) * 64 + k60];
          let o66 = wf[2080 + (dr58 + 8) * 64 + k60];
          let o67 = wf[2080 + (dr58 + 10) * 64 + k60];
          let o68 = wf[2080 + (dr58 + 12) * 64 + k60];
          let o69 = wf[2080 + (dr58 + 14) * 64 + k60];
          pr2[0] = pr2[0] + o61 * o62;
          pr2[1] = pr2[1] + o63 * o62;
          pr2[2] = pr2[2] + o64 * o62;
          pr2[3] = pr2[3] + o65 * o62;
          pr2[4] = pr2[4] + o66 * o62;
          pr2[5] = pr2[5] + o67 * o62;
          pr2[6] = pr2[6] + o68 * o62;
          pr2[7] = pr2[7] + o69 * o62;
        }
      }
      if (v51) {
        workgroupBarrier();
        for (var j71: i32 = 0; j71 < 8; j71 = j71 + 1) {
          let e70 = lid + j71 * 64;
          let e70_0 = (e70 / 32);
          let e70_1 = e70 % 32;
          wf[0 + e70_0 * 32 + e70_1] = (pr2[j71] * 0.125f);
        }
      } else {
        workgroupBarrier();
        for (var j73: i32 = 0; j73 < 8; j73 = j73 + 1) {
          let e72 = lid + j73 * 64;
          let e72_0 = (e72 / 32);
          let e72_1 = e72 % 32;
          wf[0 + e72_0 * 32 + e72_1] = select(neg_inf(), (pr2[j73] * 0.125f), ((((e72_1 + v43) <= wi[0 + e72_0]) && ((wi[0 + e72_0] - (e72_1 + v43)) < 128i)) && ((e72_1 + v43) < p0)));
        }
      }
      workgroupBarrier();
      {
        let e74 = lid;
        if (e74 < 16) {
          let e74_0 = e74;
          var s75: f32 = neg_inf();
          for (var r76: i32 = 0; r76 < 32; r76 = r76 + 1) { s75 = max(s75, wf[0 + e74_0 * 32 + r76]); }
          pr4[0] = s75;
          wf[2048 + e74_0] = max(pr3[0], pr4[0]);
          wf[2064 + e74_0] = softmax_exp(pr3[0], wf[2048 + e74_0]);
        }
      }
      workgroupBarrier();
      for (var j78: i32 = 0; j78 < 8; j78 = j78 + 1) {
        let e77 = lid + j78 * 64;
        let e77_0 = (e77 / 32);
        let e77_1 = e77 % 32;
        wf[3104 + e77_0 * 32 + e77_1] = softmax_exp(wf[0 + e77_0 * 32 + e77_1], wf[2048 + e77_0]);
      }
      workgroupBarrier();
      {
        let e79 = lid;
        if (e79 < 16) {
          let e79_0 = e79;
          var s80: f32 = 0f;
          for (var r81: i32 = 0; r81 < 32; r81 = r81 + 1) { s80 = s80 + wf[3104 + e79_0 * 32 + r81]; }
          pr5[0] = s80;
          pr6[0] = (wf[3616 + e79_0] * wf[2064 + e79_0] + pr5[0]);
        }
      }
      for (var j83: i32 = 0; j83 < 32; j83 = j83 + 1) {
        let e82 = lid + j83 * 64;
        let e82_0 = (e82 / 64);
        let e82_1 = e82 % 64;
        wf[0 + e82_0 * 64 + e82_1] = select(0f, rd2((v53 + e82_0 * 64i + e82_1)), e82_0 < v55);
      }
      workgroupBarrier();
      {
        let dr84 = lid / 64;
        let dc85 = lid % 64;
        pr1[0] = (pr0[0] * wf[2064 + (dr84 + 0)]);
        pr1[1] = (pr0[1] * wf[2064 + (dr84 + 1)]);
        pr1[2] = (pr0[2] * wf[2064 + (dr84 + 2)]);
        pr1[3] = (pr0[3] * wf[2064 + (dr84 + 3)]);
        pr1[4] = (pr0[4] * wf[2064 + (dr84 + 4)]);
        pr1[5] = (pr0[5] * wf[2064 + (dr84 + 5)]);
        pr1[6] = (pr0[6] * wf[2064 + (dr84 + 6)]);
        pr1[7] = (pr0[7] * wf[2064 + (dr84 + 7)]);
        pr1[8] = (pr0[8] * wf[2064 + (dr84 + 8)]);
        pr1[9] = (pr0[9] * wf[2064 + (dr84 + 9)]);
        pr1[10] = (pr0[10] * wf[2064 + (dr84 + 10)]);
        pr1[11] = (pr0[11] * wf[2064 + (dr84 + 11)]);
        pr1[12] = (pr0[12] * wf[2064 + (dr84 + 12)]);
        pr1[13] = (pr0[13] * wf[2064 + (dr84 + 13)]);
        pr1[14] = (pr0[14] * wf[2064 + (dr84 + 14)]);
        pr1[15] = (pr0[15] * wf[2064 + (dr84 + 15)]);
        for (var k86: i32 = 0; k86 < 32; k86 = k86 + 1) {
          let o87 = wf[3104 + (dr84 + 0) * 32 + k86];
          let o88 = wf[0 + k86 * 64 + dc85];
          let o89 = wf[3104 + (dr84 + 1) * 32 + k86];
          let o90 = wf[3104 + (dr84 + 2) * 32 + k86];
          let o91 = wf[3104 + (dr84 + 3) * 32 + k86];
          let o92 = wf[3104 + (dr84 + 4) * 32 + k86];
          let o93 = wf[3104 + (dr84 + 5) * 32 + k86];
          let o94 = wf[3104 + (dr84 + 6) * 32 + k86];
          let o95 = wf[3104 + (dr84 + 7) * 32 + k86];
          let o96 = wf[3104 + (dr84 + 8) * 32 + k86];
          let o97 = wf[3104 + (dr84 + 9) * 32 + k86];
          let o98 = wf[3104 + (dr84 + 10) * 32 + k86];
          let o99 = wf[3104 + (dr84 + 11) * 32 + k86];
          let o100 = wf[3104 + (dr84 + 12) * 32 + k86];
          let o101 = wf[3104 + (dr84 + 13) * 32 + k86];
          let o102 = wf[3104 + (dr84 + 14) * 32 + k86];
          let o103 = wf[3104 + (dr84 + 15) * 32 + k86];
          pr1[0] = pr1[0] + select(0f, o87 * o88, o87 != 0f);
          pr1[1] = pr1[1] + select(0f, o89 * o88, o89 != 0f);
          pr1[2] = pr1[2] + select(0f, o90 * o88, o90 != 0f);
          pr1[3] = pr1[3] + select(0f, o91 * o88, o91 != 0f);
          pr1[4] = pr1[4] + select(0f, o92 * o88, o92 != 0f);
          pr1[5] = pr1[5] + select(0f, o93 * o88, o93 != 0f);
          pr1[6] = pr1[6] + select(0f, o94 * o88, o94 != 0f);
          pr1[7] = pr1[7] + select(0f, o95 * o88, o95 != 0f);
          pr1[8] = pr1[8] + select(0f, o96 * o88, o96 != 0f);
          pr1[9] = pr1[9] + select(0f, o97 * o88, o97 != 0f);
          pr1[10] = pr1[10] + select(0f, o98 * o88, o98 != 0f);
          pr1[11] = pr1[11] + select(0f, o99 * o88, o99 != 0f);
          pr1[12] = pr1[12] + select(0f, o100 * o88, o100 != 0f);
          pr1[13] = pr1[13] + select(0f, o101 * o88, o101 != 0f);
          pr1[14] = pr1[14] + select(0f, o102 * o88, o102 != 0f);
          pr1[15] = pr1[15] + select(0f, o103 * o88, o103 != 0f);
        }
      }
      {
        let e104 = lid;
        if (e104 < 16) {
          let e104_0 = e104;
          pr3[0] = wf[2048 + e104_0];
          wf[3616 + e104_0] = pr6[0];
        }
      }
      for (var j106: i32 = 0; j106 < 16; j106 = j106 + 1) {
        let e105 = lid + j106 * 64;
        pr0[j106] = pr1[j106];
      }
      workgroupBarrier();
    }
    for (var j108: i32 = 0; j108 < 16; j108 = j108 + 1) {
      let e107 = lid + j108 * 64;
      let e107_0 = (e107 / 256);
      let e107_1 = (e107 / 64) % 4;
      let e107_2 = e107 % 64;
      let a109 = v22 + e107_0 * v4 + e107_1 * 64i + e107_2 * 1i;
      if (e107_1 < v24) { if (a109 >= 0 && a109 < ol1) { put_half(u32(oo1 + (a109 >> 1u)), a109, bf16_bits(select(div_rn(pr0[j108], wf[3616 + e107_0 * 4 + e107_1]), 0f, (wf[3616 + e107_0 * 4 + e107_1] == 0f)))); } }
    }
    {
      let e110 = lid;
      if (e110 < 16) {
        let e110_0 = (e110 / 4);
        let e110_1 = e110 % 4;
        let a111 = v21 + e110_0 * p1 + e110_1 * 1i + 0 * 1i;
        if (e110_1 < v24) { if (a111 >= 0 && a111 < ol0) { atomicStore(&ob[u32(oo0 + a111)], bitcast<u32>(select((pr3[0] + log_nan(wf[3616 + e110_0 * 4 + e110_1])), neg_inf(), (wf[3616 + e110_0 * 4 + e110_1] == 0f)))); } }
      }
    }
    workgroupBarrier();
  }
}

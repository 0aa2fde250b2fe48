// sparsec: kernel streaming_prefill (generated; do not edit)
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
fn rd3(i: i32) -> i32 {
  if (i < 0 || i >= hdr(15u)) { return 0i; }
  let off = hdr(14u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin3(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd3(i);
}
fn rd4(i: i32) -> f32 {
  if (i < 0 || i >= hdr(17u)) { return 0f; }
  let off = hdr(16u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn rv4(i: i32) -> vec4<f32> {
  let at = hdr(16u) + i;
  if (i >= 0 && i + 4 <= hdr(17u) && (at & 3) == 0) { return bitcast<vec4<f32>>(ib4[at >> 2u]); }
  return vec4<f32>(rd4(i), rd4(i + 1), rd4(i + 2), rd4(i + 3));
}
fn rd1(i: i32) -> bool {
  if (i < 0 || i >= hdr(11u)) { return false; }
  let off = hdr(10u);
  return (ib[u32(off + i)] != 0u);
}
fn gatherin1(i: i32, len: i32) -> bool {
  if (i < 0 || i >= len) { return false; }
  return rd1(i);
}
fn rd2(i: i32) -> i32 {
  if (i < 0 || i >= hdr(13u)) { return 0i; }
  let off = hdr(12u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin2(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd2(i);
}
fn rd0(i: i32) -> f32 {
  if (i < 0 || i >= hdr(9u)) { return 0f; }
  let off = hdr(8u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn rv0(i: i32) -> vec4<f32> {
  let at = hdr(8u) + i;
  if (i >= 0 && i + 4 <= hdr(9u) && (at & 3) == 0) { return bitcast<vec4<f32>>(ib4[at >> 2u]); }
  return vec4<f32>(rd0(i), rd0(i + 1), rd0(i + 2), rd0(i + 3));
}
fn rd5(i: i32) -> f32 {
  if (i < 0 || i >= hdr(19u)) { return 0f; }
  let off = hdr(18u);
  return bitcast<f32>(ib[u32(off + i)]);
}
fn rv5(i: i32) -> vec4<f32> {
  let at = hdr(18u) + i;
  if (i >= 0 && i + 4 <= hdr(19u) && (at & 3) == 0) { return bitcast<vec4<f32>>(ib4[at >> 2u]); }
  return vec4<f32>(rd5(i), rd5(i + 1), rd5(i + 2), rd5(i + 3));
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
  let p1 = hdr(2u); // plan.bmul
  let p2 = hdr(3u); // plan.hcount
  let p3 = hdr(4u); // plan.hmul
  let p4 = hdr(5u); // plan.len
  let p5 = hdr(6u); // plan.rows
  let p6 = hdr(7u); // q_len
  let oo0 = hdr(20u); // out
  let ol0 = hdr(21u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  let v7: i32 = (p6 + 15i);
  let v8: i32 = floor_div(v7, 16i);
  let v9: i32 = (p0 - p6);
  let n10 = max(0, 1i - 0i);
  let n11 = max(0, 8i - 0i);
  let n12 = max(0, v8 - 0i);
  let tasks = n10 * n11 * n12;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g15 = 0i + (task / (n12 * n11));
    let g14 = 0i + (task / (n12)) % n11;
    let g13 = 0i + task % n12;
    let v16: i32 = (g15 * 8i);
    let v17: i32 = (g15 * p1);
    let v18: i32 = (v17 * p2);
    let v19: i32 = (g15 * 2i);
    let v20: i32 = (v16 + g14);
    let v21: i32 = (v20 * p6);
    let v22: i32 = (g14 * p3);
    let v23: i32 = (v18 + v22);
    let v24: i32 = (v23 * v8);
    let v25: i32 = floor_div(g14, 4i);
    let v26: i32 = (v19 + v25);
    let v27: i32 = (v26 * p0);
    let v28: i32 = (g13 * 16i);
    let v29: i32 = (v21 + v28);
    let v30: i32 = (v29 * 64i);
    let v31: i32 = (p6 - v28);
    let v32: i32 = min(16i, v31);
    let v33: i32 = (v24 + g13);
    let v34: i32 = gatherin3(v33, p5);
    let v35: i32 = (v33 + 1i);
    let v36: i32 = gatherin3(v35, p5);
    let v37: i32 = (v28 + v9);
    for (var j39: i32 = 0; j39 < 4; j39 = j39 + 1) {
      let e38 = lid + j39 * 64;
      let e38_0 = (e38 / 16);
      let e38_1 = e38 % 16;
      let x40 = select(vec4<f32>(0f), rv4((v30 + e38_0 * 64i + e38_1 * 4)), e38_0 < v32);
      wf[2080 + e38_0 * 64 + e38_1 * 4] = x40.x;
      wf[2080 + e38_0 * 64 + e38_1 * 4 + 1] = x40.y;
      wf[2080 + e38_0 * 64 + e38_1 * 4 + 2] = x40.z;
      wf[2080 + e38_0 * 64 + e38_1 * 4 + 3] = x40.w;
    }
    {
      let e41 = lid;
      if (e41 < 16) {
        let e41_0 = e41;
        pr3[0] = neg_inf();
        wf[3616 + e41_0] = 0f;
      }
    }
    for (var j43: i32 = 0; j43 < 16; j43 = j43 + 1) {
      let e42 = lid + j43 * 64;
      pr0[j43] = 0f;
    }
    workgroupBarrier();
    for (var i44: i32 = v34; i44 < v36; i44 = i44 + 1) {
      let v45: bool = gatherin1(i44, p4);
      let v46: i32 = gatherin2(i44, p4);
      let v47: i32 = (v46 * 32i);
      let v48: i32 = (v47 + 32i);
      let v49: bool = (v48 <= p0);
      let v50: bool = (v45 && v49);
      let v51: i32 = (v27 + v47);
      let v52: i32 = (v51 * 64i);
      let v53: i32 = (p0 - v47);
      let v54: i32 = min(32i, v53);
      for (var j56: i32 = 0; j56 < 8; j56 = j56 + 1) {
        let e55 = lid + j56 * 64;
        let e55_0 = (e55 / 16);
        let e55_1 = e55 % 16;
        let x57 = select(vec4<f32>(0f), rv0((v52 + e55_0 * 64i + e55_1 * 4)), e55_0 < v54);
        wf[0 + e55_0 * 65 + e55_1 * 4] = x57.x;
        wf[0 + e55_0 * 65 + e55_1 * 4 + 1] = x57.y;
        wf[0 + e55_0 * 65 + e55_1 * 4 + 2] = x57.z;
        wf[0 + e55_0 * 65 + e55_1 * 4 + 3] = x57.w;
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
      if (v50) {
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
          wf[0 + e72_0 * 32 + e72_1] = select(neg_inf(), (pr2[j73] * 0.125f), ((((e72_1 + v47) <= (e72_0 + v37)) && (((e72_1 + v47) < 4i) || (((e72_0 + v37) - (e72_1 + v47)) < 128i))) && ((e72_1 + v47) < p0)));
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
      for (var j83: i32 = 0; j83 < 8; j83 = j83 + 1) {
        let e82 = lid + j83 * 64;
        let e82_0 = (e82 / 16);
        let e82_1 = e82 % 16;
        let x84 = select(vec4<f32>(0f), rv5((v52 + e82_0 * 64i + e82_1 * 4)), e82_0 < v54);
        wf[0 + e82_0 * 64 + e82_1 * 4] = x84.x;
        wf[0 + e82_0 * 64 + e82_1 * 4 + 1] = x84.y;
        wf[0 + e82_0 * 64 + e82_1 * 4 + 2] = x84.z;
        wf[0 + e82_0 * 64 + e82_1 * 4 + 3] = x84.w;
      }
      workgroupBarrier();
      {
        let dr85 = lid / 64;
        let dc86 = lid % 64;
        pr1[0] = (pr0[0] * wf[2064 + (dr85 + 0)]);
        pr1[1] = (pr0[1] * wf[2064 + (dr85 + 1)]);
        pr1[2] = (pr0[2] * wf[2064 + (dr85 + 2)]);
        pr1[3] = (pr0[3] * wf[2064 + (dr85 + 3)]);
        pr1[4] = (pr0[4] * wf[2064 + (dr85 + 4)]);
        pr1[5] = (pr0[5] * wf[2064 + (dr85 + 5)]);
        pr1[6] = (pr0[6] * wf[2064 + (dr85 + 6)]);
        pr1[7] = (pr0[7] * wf[2064 + (dr85 + 7)]);
        pr1[8] = (pr0[8] * wf[2064 + (dr85 + 8)]);
        pr1[9] = (pr0[9] * wf[2064 + (dr85 + 9)]);
        pr1[10] = (pr0[10] * wf[2064 + (dr85 + 10)]);
        pr1[11] = (pr0[11] * wf[2064 + (dr85 + 11)]);
        pr1[12] = (pr0[12] * wf[2064 + (dr85 + 12)]);
        pr1[13] = (pr0[13] * wf[2064 + (dr85 + 13)]);
        pr1[14] = (pr0[14] * wf[2064 + (dr85 + 14)]);
        pr1[15] = (pr0[15] * wf[2064 + (dr85 + 15)]);
        for (var k87: i32 = 0; k87 < 32; k87 = k87 + 1) {
          let o88 = wf[3104 + (dr85 + 0) * 32 + k87];
          let o89 = wf[0 + k87 * 64 + dc86];
          let o90 = wf[3104 + (dr85 + 1) * 32 + k87];
          let o91 = wf[3104 + (dr85 + 2) * 32 + k87];
          let o92 = wf[3104 + (dr85 + 3) * 32 + k87];
          let o93 = wf[3104 + (dr85 + 4) * 32 + k87];
          let o94 = wf[3104 + (dr85 + 5) * 32 + k87];
          let o95 = wf[3104 + (dr85 + 6) * 32 + k87];
          let o96 = wf[3104 + (dr85 + 7) * 32 + k87];
          let o97 = wf[3104 + (dr85 + 8) * 32 + k87];
          let o98 = wf[3104 + (dr85 + 9) * 32 + k87];
          let o99 = wf[3104 + (dr85 + 10) * 32 + k87];
          let o100 = wf[3104 + (dr85 + 11) * 32 + k87];
          let o101 = wf[3104 + (dr85 + 12) * 32 + k87];
          let o102 = wf[3104 + (dr85 + 13) * 32 + k87];
          let o103 = wf[3104 + (dr85 + 14) * 32 + k87];
          let o104 = wf[3104 + (dr85 + 15) * 32 + k87];
          pr1[0] = pr1[0] + select(0f, o88 * o89, o88 != 0f);
          pr1[1] = pr1[1] + select(0f, o90 * o89, o90 != 0f);
          pr1[2] = pr1[2] + select(0f, o91 * o89, o91 != 0f);
          pr1[3] = pr1[3] + select(0f, o92 * o89, o92 != 0f);
          pr1[4] = pr1[4] + select(0f, o93 * o89, o93 != 0f);
          pr1[5] = pr1[5] + select(0f, o94 * o89, o94 != 0f);
          pr1[6] = pr1[6] + select(0f, o95 * o89, o95 != 0f);
          pr1[7] = pr1[7] + select(0f, o96 * o89, o96 != 0f);
          pr1[8] = pr1[8] + select(0f, o97 * o89, o97 != 0f);
          pr1[9] = pr1[9] + select(0f, o98 * o89, o98 != 0f);
          pr1[10] = pr1[10] + select(0f, o99 * o89, o99 != 0f);
          pr1[11] = pr1[11] + select(0f, o100 * o89, o100 != 0f);
          pr1[12] = pr1[12] + select(0f, o101 * o89, o101 != 0f);
          pr1[13] = pr1[13] + select(0f, o102 * o89, o102 != 0f);
          pr1[14] = pr1[14] + select(0f, o103 * o89, o103 != 0f);
          pr1[15] = pr1[15] + select(0f, o104 * o89, o104 != 0f);
        }
      }
      {
        let e105 = lid;
        if (e105 < 16) {
          let e105_0 = e105;
          pr3[0] = wf[2048 + e105_0];
          wf[3616 + e105_0] = pr6[0];
        }
      }
      for (var j107: i32 = 0; j107 < 16; j107 = j107 + 1) {
        let e106 = lid + j107 * 64;
        pr0[j107] = pr1[j107];
      }
      workgroupBarrier();
    }
    for (var j109: i32 = 0; j109 < 16; j109 = j109 + 1) {
      let e108 = lid + j109 * 64;
      let e108_0 = (e108 / 64);
      let e108_1 = e108 % 64;
      let a110 = v30 + e108_0 * 64i + e108_1 * 1i;
      if (e108_0 < v32) { if (a110 >= 0 && a110 < ol0) { atomicStore(&ob[u32(oo0 + a110)], bitcast<u32>(select(div_rn(pr0[j109], wf[3616 + e108_0]), 0f, (wf[3616 + e108_0] == 0f)))); } }
    }
    workgroupBarrier();
  }
}

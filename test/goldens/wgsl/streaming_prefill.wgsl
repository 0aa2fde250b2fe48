// sparsec: kernel streaming_prefill (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 2468>;
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
  var pr0: array<f32, 4>;
  var pr1: array<f32, 4>;
  var pr2: array<f32, 2>;
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
  let v7: i32 = (p6 + 3i);
  let v8: i32 = floor_div(v7, 4i);
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
    let v28: i32 = (g13 * 4i);
    let v29: i32 = (v21 + v28);
    let v30: i32 = (v29 * 64i);
    let v31: i32 = (p6 - v28);
    let v32: i32 = min(4i, v31);
    let v33: i32 = (v24 + g13);
    let v34: i32 = gatherin3(v33, p5);
    let v35: i32 = (v33 + 1i);
    let v36: i32 = gatherin3(v35, p5);
    let v37: i32 = (v28 + v9);
    {
      let e38 = lid;
      let e38_0 = (e38 / 16);
      let e38_1 = e38 % 16;
      let x39 = select(vec4<f32>(0f), rv4((v30 + e38_0 * 64i + e38_1 * 4)), e38_0 < v32);
      wf[2080 + e38_0 * 64 + e38_1 * 4] = x39.x;
      wf[2080 + e38_0 * 64 + e38_1 * 4 + 1] = x39.y;
      wf[2080 + e38_0 * 64 + e38_1 * 4 + 2] = x39.z;
      wf[2080 + e38_0 * 64 + e38_1 * 4 + 3] = x39.w;
    }
    {
      let e40 = lid;
      if (e40 < 4) {
        let e40_0 = e40;
        pr3[0] = neg_inf();
        wf[2464 + e40_0] = 0f;
      }
    }
    for (var j42: i32 = 0; j42 < 4; j42 = j42 + 1) {
      let e41 = lid + j42 * 64;
      pr0[j42] = 0f;
    }
    workgroupBarrier();
    for (var i43: i32 = v34; i43 < v36; i43 = i43 + 1) {
      let v44: bool = gatherin1(i43, p4);
      let v45: i32 = gatherin2(i43, p4);
      let v46: i32 = (v45 * 32i);
      let v47: i32 = (v46 + 32i);
      let v48: bool = (v47 <= p0);
      let v49: bool = (v44 && v48);
      let v50: i32 = (v27 + v46);
      let v51: i32 = (v50 * 64i);
      let v52: i32 = (p0 - v46);
      let v53: i32 = min(32i, v52);
      for (var j55: i32 = 0; j55 < 8; j55 = j55 + 1) {
        let e54 = lid + j55 * 64;
        let e54_0 = (e54 / 16);
        let e54_1 = e54 % 16;
        let x56 = select(vec4<f32>(0f), rv0((v51 + e54_0 * 64i + e54_1 * 4)), e54_0 < v53);
        wf[0 + e54_0 * 65 + e54_1 * 4] = x56.x;
        wf[0 + e54_0 * 65 + e54_1 * 4 + 1] = x56.y;
        wf[0 + e54_0 * 65 + e54_1 * 4 + 2] = x56.z;
        wf[0 + e54_0 * 65 + e54_1 * 4 + 3] = x56.w;
      }
      workgroupBarrier();
      {
        let dr57 = lid / 32;
        let dc58 = lid % 32;
        pr2[0] = 0f;
        pr2[1] = 0f;
        for (var k59: i32 = 0; k59 < 64; k59 = k59 + 1) {
          let o60 = wf[2080 + (dr57 + 0) * 64 + k59];
          let o61 = wf[0 + dc58 * 65 + k59];
          let o62 = wf[2080 + (dr57 + 2) * 64 + k59];
          pr2[0] = pr2[0] + o60 * o61;
          pr2[1] = pr2[1] + o62 * o61;
        }
      }
      if (v49) {
        workgroupBarrier();
        for (var j64: i32 = 0; j64 < 2; j64 = j64 + 1) {
          let e63 = lid + j64 * 64;
          let e63_0 = (e63 / 32);
          let e63_1 = e63 % 32;
          wf[0 + e63_0 * 32 + e63_1] = (pr2[j64] * 0.125f);
        }
      } else {
        workgroupBarrier();
        for (var j66: i32 = 0; j66 < 2; j66 = j66 + 1) {
          let e65 = lid + j66 * 64;
          let e65_0 = (e65 / 32);
          let e65_1 = e65 % 32;
          wf[0 + e65_0 * 32 + e65_1] = select(neg_inf(), (pr2[j66] * 0.125f), ((((e65_1 + v46) <= (e65_0 + v37)) && (((e65_1 + v46) < 4i) || (((e65_0 + v37) - (e65_1 + v46)) < 128i))) && ((e65_1 + v46) < p0)));
        }
      }
      workgroupBarrier();
      {
        let e67 = lid;
        if (e67 < 4) {
          let e67_0 = e67;
          var s68: f32 = neg_inf();
          for (var r69: i32 = 0; r69 < 32; r69 = r69 + 1) { s68 = max(s68, wf[0 + e67_0 * 32 + r69]); }
          pr4[0] = s68;
          wf[2048 + e67_0] = max(pr3[0], pr4[0]);
          wf[2052 + e67_0] = softmax_exp(pr3[0], wf[2048 + e67_0]);
        }
      }
      workgroupBarrier();
      for (var j71: i32 = 0; j71 < 2; j71 = j71 + 1) {
        let e70 = lid + j71 * 64;
        let e70_0 = (e70 / 32);
        let e70_1 = e70 % 32;
        wf[2336 + e70_0 * 32 + e70_1] = softmax_exp(wf[0 + e70_0 * 32 + e70_1], wf[2048 + e70_0]);
      }
      workgroupBarrier();
      {
        let e72 = lid;
        if (e72 < 4) {
          let e72_0 = e72;
          var s73: f32 = 0f;
          for (var r74: i32 = 0; r74 < 32; r74 = r74 + 1) { s73 = s73 + wf[2336 + e72_0 * 32 + r74]; }
          pr5[0] = s73;
          pr6[0] = (wf[2464 + e72_0] * wf[2052 + e72_0] + pr5[0]);
        }
      }
      for (var j76: i32 = 0; j76 < 8; j76 = j76 + 1) {
        let e75 = lid + j76 * 64;
        let e75_0 = (e75 / 16);
        let e75_1 = e75 % 16;
        let x77 = select(vec4<f32>(0f), rv5((v51 + e75_0 * 64i + e75_1 * 4)), e75_0 < v53);
        wf[0 + e75_0 * 64 + e75_1 * 4] = x77.x;
        wf[0 + e75_0 * 64 + e75_1 * 4 + 1] = x77.y;
        wf[0 + e75_0 * 64 + e75_1 * 4 + 2] = x77.z;
        wf[0 + e75_0 * 64 + e75_1 * 4 + 3] = x77.w;
      }
      workgroupBarrier();
      {
        let dr78 = lid / 64;
        let dc79 = lid % 64;
        pr1[0] = (pr0[0] * wf[2052 + (dr78 + 0)]);
        pr1[1] = (pr0[1] * wf[2052 + (dr78 + 1)]);
        pr1[2] = (pr0[2] * wf[2052 + (dr78 + 2)]);
        pr1[3] = (pr0[3] * wf[2052 + (dr78 + 3)]);
        for (var k80: i32 = 0; k80 < 32; k80 = k80 + 1) {
          let o81 = wf[2336 + (dr78 + 0) * 32 + k80];
          let o82 = wf[0 + k80 * 64 + dc79];
          let o83 = wf[2336 + (dr78 + 1) * 32 + k80];
          let o84 = wf[2336 + (dr78 + 2) * 32 + k80];
          let o85 = wf[2336 + (dr78 + 3) * 32 + k80];
          pr1[0] = pr1[0] + select(0f, o81 * o82, o81 != 0f);
          pr1[1] = pr1[1] + select(0f, o83 * o82, o83 != 0f);
          pr1[2] = pr1[2] + select(0f, o84 * o82, o84 != 0f);
          pr1[3] = pr1[3] + select(0f, o85 * o82, o85 != 0f);
        }
      }
      {
        let e86 = lid;
        if (e86 < 4) {
          let e86_0 = e86;
          pr3[0] = wf[2048 + e86_0];
          wf[2464 + e86_0] = pr6[0];
        }
      }
      for (var j88: i32 = 0; j88 < 4; j88 = j88 + 1) {
        let e87 = lid + j88 * 64;
        pr0[j88] = pr1[j88];
      }
      workgroupBarrier();
    }
    for (var j90: i32 = 0; j90 < 4; j90 = j90 + 1) {
      let e89 = lid + j90 * 64;
      let e89_0 = (e89 / 64);
      let e89_1 = e89 % 64;
      let a91 = v30 + e89_0 * 64i + e89_1 * 1i;
      if (e89_0 < v32) { if (a91 >= 0 && a91 < ol0) { atomicStore(&ob[u32(oo0 + a91)], bitcast<u32>(select(div_rn(pr0[j90], wf[2464 + e89_0]), 0f, (wf[2464 + e89_0] == 0f)))); } }
    }
    workgroupBarrier();
  }
}

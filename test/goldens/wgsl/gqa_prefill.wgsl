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
  let v2: i32 = (p1 + 15i);
  let v3: i32 = floor_div(v2, 16i);
  let v4: i32 = (p0 - 1i);
  let v5: i32 = (p0 - p1);
  let n6 = max(0, 1i - 0i);
  let n7 = max(0, 16i - 0i);
  let n8 = max(0, v3 - 0i);
  let tasks = n6 * n7 * n8;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g11 = 0i + (task / (n8 * n7));
    let g10 = 0i + (task / (n8)) % n7;
    let g9 = 0i + task % n8;
    let v12: i32 = (g11 * 16i);
    let v13: i32 = (g11 * 4i);
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
    let v24: i32 = (v19 + v5);
    let v25: i32 = (v24 + 16i);
    let v26: i32 = min(p0, v25);
    let v27: i32 = (v26 - 1i);
    let v28: i32 = min(v4, v27);
    let v29: i32 = floor_div(v28, 32i);
    let v30: i32 = (v29 + 1i);
    let v31: i32 = max(0i, v30);
    for (var j33: i32 = 0; j33 < 16; j33 = j33 + 1) {
      let e32 = lid + j33 * 64;
      let e32_0 = (e32 / 64);
      let e32_1 = e32 % 64;
      wf[2080 + e32_0 * 64 + e32_1] = select(0f, rd1((v21 + e32_0 * 64i + e32_1)), e32_0 < v23);
    }
    {
      let e34 = lid;
      if (e34 < 16) {
        let e34_0 = e34;
        pr3[0] = neg_inf();
        wf[3616 + e34_0] = 0f;
      }
    }
    for (var j36: i32 = 0; j36 < 16; j36 = j36 + 1) {
      let e35 = lid + j36 * 64;
      pr0[j36] = 0f;
    }
    workgroupBarrier();
    for (var i37: i32 = 0i; i37 < v31; i37 = i37 + 1) {
      let v38: i32 = (i37 * 32i);
      let v39: bool = (0i <= v38);
      let v40: i32 = (v38 + 32i);
      let v41: i32 = min(p0, v40);
      let v42: i32 = (v41 - 1i);
      let v43: bool = (v42 <= v24);
      let v44: bool = (v39 && v43);
      let v45: bool = (v40 <= p0);
      let v46: bool = (v44 && v45);
      let v47: i32 = (v18 + v38);
      let v48: i32 = (v47 * 64i);
      let v49: i32 = (p0 - v38);
      let v50: i32 = min(32i, v49);
      for (var j52: i32 = 0; j52 < 32; j52 = j52 + 1) {
        let e51 = lid + j52 * 64;
        let e51_0 = (e51 / 64);
        let e51_1 = e51 % 64;
        wf[0 + e51_0 * 65 + e51_1] = select(0f, rd0((v48 + e51_0 * 64i + e51_1)), e51_0 < v50);
      }
      workgroupBarrier();
      {
        let dr53 = lid / 32;
        let dc54 = lid % 32;
        pr2[0] = 0f;
        pr2[1] = 0f;
        pr2[2] = 0f;
        pr2[3] = 0f;
        pr2[4] = 0f;
        pr2[5] = 0f;
        pr2[6] = 0f;
        pr2[7] = 0f;
        for (var k55: i32 = 0; k55 < 64; k55 = k55 + 1) {
          let o56 = wf[2080 + (dr53 + 0) * 64 + k55];
          let o57 = wf[0 + dc54 * 65 + k55];
          let o58 = wf[2080 + (dr53 + 2) * 64 + k55];
          let o59 = wf[2080 + (dr53 + 4) * 64 + k55];
          let o60 = wf[2080 + (dr53 + 6) * 64 + k55];
          let o61 = wf[2080 + (dr53 + 8) * 64 + k55];
          let o62 = wf[2080 + (dr53 + 10) * 64 + k55];
          let o63 = wf[2080 + (dr53 + 12) * 64 + k55];
          let o64 = wf[2080 + (dr53 + 14) * 64 + k55];
          pr2[0] = pr2[0] + o56 * o57;
          pr2[1] = pr2[1] + o58 * o57;
          pr2[2] = pr2[2] + o59 * o57;
          pr2[3] = pr2[3] + o60 * o57;
          pr2[4] = pr2[4] + o61 * o57;
          pr2[5] = pr2[5] + o62 * o57;
          pr2[6] = pr2[6] + o63 * o57;
          pr2[7] = pr2[7] + o64 * o57;
        }
      }
      if (v46) {
        workgroupBarrier();
        for (var j66: i32 = 0; j66 < 8; j66 = j66 + 1) {
          let e65 = lid + j66 * 64;
          let e65_0 = (e65 / 32);
          let e65_1 = e65 % 32;
          wf[0 + e65_0 * 32 + e65_1] = (pr2[j66] * 0.125f);
        }
      } else {
        workgroupBarrier();
        for (var j68: i32 = 0; j68 < 8; j68 = j68 + 1) {
          let e67 = lid + j68 * 64;
          let e67_0 = (e67 / 32);
          let e67_1 = e67 % 32;
          wf[0 + e67_0 * 32 + e67_1] = select(neg_inf(), (pr2[j68] * 0.125f), (((e67_1 + v38) <= (e67_0 + v24)) && ((e67_1 + v38) < p0)));
        }
      }
      workgroupBarrier();
      {
        let e69 = lid;
        if (e69 < 16) {
          let e69_0 = e69;
          var s70: f32 = neg_inf();
          for (var r71: i32 = 0; r71 < 32; r71 = r71 + 1) { s70 = max(s70, wf[0 + e69_0 * 32 + r71]); }
          pr4[0] = s70;
          wf[2048 + e69_0] = max(pr3[0], pr4[0]);
          wf[2064 + e69_0] = softmax_exp(pr3[0], wf[2048 + e69_0]);
        }
      }
      workgroupBarrier();
      for (var j73: i32 = 0; j73 < 8; j73 = j73 + 1) {
        let e72 = lid + j73 * 64;
        let e72_0 = (e72 / 32);
        let e72_1 = e72 % 32;
        wf[3104 + e72_0 * 32 + e72_1] = softmax_exp(wf[0 + e72_0 * 32 + e72_1], wf[2048 + e72_0]);
      }
      workgroupBarrier();
      {
        let e74 = lid;
        if (e74 < 16) {
          let e74_0 = e74;
          var s75: f32 = 0f;
          for (var r76: i32 = 0; r76 < 32; r76 = r76 + 1) { s75 = s75 + wf[3104 + e74_0 * 32 + r76]; }
          pr5[0] = s75;
          pr6[0] = (wf[3616 + e74_0] * wf[2064 + e74_0] + pr5[0]);
        }
      }
      for (var j78: i32 = 0; j78 < 32; j78 = j78 + 1) {
        let e77 = lid + j78 * 64;
        let e77_0 = (e77 / 64);
        let e77_1 = e77 % 64;
        wf[0 + e77_0 * 64 + e77_1] = select(0f, rd2((v48 + e77_0 * 64i + e77_1)), e77_0 < v50);
      }
      workgroupBarrier();
      {
        let dr79 = lid / 64;
        let dc80 = lid % 64;
        pr1[0] = (pr0[0] * wf[2064 + (dr79 + 0)]);
        pr1[1] = (pr0[1] * wf[2064 + (dr79 + 1)]);
        pr1[2] = (pr0[2] * wf[2064 + (dr79 + 2)]);
        pr1[3] = (pr0[3] * wf[2064 + (dr79 + 3)]);
        pr1[4] = (pr0[4] * wf[2064 + (dr79 + 4)]);
        pr1[5] = (pr0[5] * wf[2064 + (dr79 + 5)]);
        pr1[6] = (pr0[6] * wf[2064 + (dr79 + 6)]);
        pr1[7] = (pr0[7] * wf[2064 + (dr79 + 7)]);
        pr1[8] = (pr0[8] * wf[2064 + (dr79 + 8)]);
        pr1[9] = (pr0[9] * wf[2064 + (dr79 + 9)]);
        pr1[10] = (pr0[10] * wf[2064 + (dr79 + 10)]);
        pr1[11] = (pr0[11] * wf[2064 + (dr79 + 11)]);
        pr1[12] = (pr0[12] * wf[2064 + (dr79 + 12)]);
        pr1[13] = (pr0[13] * wf[2064 + (dr79 + 13)]);
        pr1[14] = (pr0[14] * wf[2064 + (dr79 + 14)]);
        pr1[15] = (pr0[15] * wf[2064 + (dr79 + 15)]);
        for (var k81: i32 = 0; k81 < 32; k81 = k81 + 1) {
          let o82 = wf[3104 + (dr79 + 0) * 32 + k81];
          let o83 = wf[0 + k81 * 64 + dc80];
          let o84 = wf[3104 + (dr79 + 1) * 32 + k81];
          let o85 = wf[3104 + (dr79 + 2) * 32 + k81];
          let o86 = wf[3104 + (dr79 + 3) * 32 + k81];
          let o87 = wf[3104 + (dr79 + 4) * 32 + k81];
          let o88 = wf[3104 + (dr79 + 5) * 32 + k81];
          let o89 = wf[3104 + (dr79 + 6) * 32 + k81];
          let o90 = wf[3104 + (dr79 + 7) * 32 + k81];
          let o91 = wf[3104 + (dr79 + 8) * 32 + k81];
          let o92 = wf[3104 + (dr79 + 9) * 32 + k81];
          let o93 = wf[3104 + (dr79 + 10) * 32 + k81];
          let o94 = wf[3104 + (dr79 + 11) * 32 + k81];
          let o95 = wf[3104 + (dr79 + 12) * 32 + k81];
          let o96 = wf[3104 + (dr79 + 13) * 32 + k81];
          let o97 = wf[3104 + (dr79 + 14) * 32 + k81];
          let o98 = wf[3104 + (dr79 + 15) * 32 + k81];
          pr1[0] = pr1[0] + select(0f, o82 * o83, o82 != 0f);
          pr1[1] = pr1[1] + select(0f, o84 * o83, o84 != 0f);
          pr1[2] = pr1[2] + select(0f, o85 * o83, o85 != 0f);
          pr1[3] = pr1[3] + select(0f, o86 * o83, o86 != 0f);
          pr1[4] = pr1[4] + select(0f, o87 * o83, o87 != 0f);
          pr1[5] = pr1[5] + select(0f, o88 * o83, o88 != 0f);
          pr1[6] = pr1[6] + select(0f, o89 * o83, o89 != 0f);
          pr1[7] = pr1[7] + select(0f, o90 * o83, o90 != 0f);
          pr1[8] = pr1[8] + select(0f, o91 * o83, o91 != 0f);
          pr1[9] = pr1[9] + select(0f, o92 * o83, o92 != 0f);
          pr1[10] = pr1[10] + select(0f, o93 * o83, o93 != 0f);
          pr1[11] = pr1[11] + select(0f, o94 * o83, o94 != 0f);
          pr1[12] = pr1[12] + select(0f, o95 * o83, o95 != 0f);
          pr1[13] = pr1[13] + select(0f, o96 * o83, o96 != 0f);
          pr1[14] = pr1[14] + select(0f, o97 * o83, o97 != 0f);
          pr1[15] = pr1[15] + select(0f, o98 * o83, o98 != 0f);
        }
      }
      {
        let e99 = lid;
        if (e99 < 16) {
          let e99_0 = e99;
          pr3[0] = wf[2048 + e99_0];
          wf[3616 + e99_0] = pr6[0];
        }
      }
      for (var j101: i32 = 0; j101 < 16; j101 = j101 + 1) {
        let e100 = lid + j101 * 64;
        pr0[j101] = pr1[j101];
      }
      workgroupBarrier();
    }
    for (var j103: i32 = 0; j103 < 16; j103 = j103 + 1) {
      let e102 = lid + j103 * 64;
      let e102_0 = (e102 / 64);
      let e102_1 = e102 % 64;
      let a104 = v21 + e102_0 * 64i + e102_1 * 1i;
      if (e102_0 < v23) { if (a104 >= 0 && a104 < ol0) { put_half(u32(oo0 + (a104 >> 1u)), a104, bf16_bits(select(div_rn(pr0[j103], wf[3616 + e102_0]), 0f, (wf[3616 + e102_0] == 0f)))); } }
    }
    workgroupBarrier();
  }
}

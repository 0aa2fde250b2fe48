// sparsec: kernel lm_infinite_decode (generated; do not edit)
@group(0) @binding(0) var<storage, read> ib: array<u32>;
@group(0) @binding(1) var<storage, read_write> ob: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> sf: array<f32>;
@group(0) @binding(3) var<storage, read_write> si: array<i32>;
@group(0) @binding(4) var<storage, read> ib4: array<vec4<u32>>;
var<workgroup> wf: array<f32, 2211>;
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
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
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
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
fn rd5(i: i32) -> f32 {
  if (i < 0 || i >= hdr(19u)) { return 0f; }
  let off = hdr(18u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>, @builtin(num_workgroups) nwg_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  let nwg = i32(nwg_u.x);
  var pr0: array<f32, 1>;
  var pr1: array<f32, 1>;
  var pr2: array<f32, 1>;
  var pr3: array<f32, 1>;
  var pr4: array<f32, 1>;
  var pr5: array<f32, 1>;
  var pr6: array<f32, 1>;
  var pr7: array<f32, 1>;
  var pr8: array<f32, 1>;
  var pr9: array<f32, 1>;
  var pr10: array<f32, 1>;
  let p0 = hdr(1u); // batch
  let p1 = hdr(2u); // kv_len
  let p2 = hdr(3u); // plan.bmul
  let p3 = hdr(4u); // plan.hcount
  let p4 = hdr(5u); // plan.hmul
  let p5 = hdr(6u); // plan.len
  let p6 = hdr(7u); // plan.rows
  let oo0 = hdr(20u); // lse
  let ol0 = hdr(21u);
  let oo1 = hdr(22u); // out
  let ol1 = hdr(23u);
  let v7: i32 = (p1 - 1i);
  let n8 = max(0, p0 - 0i);
  let n9 = max(0, 8i - 0i);
  let n10 = max(0, 1i - 0i);
  let tasks = n8 * n9 * n10;
  let n11 = max(0, 8i - 0i);
  let sbf = tasks * 520 + wid * 1;
  let sbi = tasks * 1 + wid * 1;
  for (var item: i32 = wid; item < tasks * n11; item = item + nwg) {
    let task = item / n11;
    let stf = task * 520;
    let sti = task * 1;
    let g14 = 0i + (task / (n10 * n9));
    let g13 = 0i + (task / (n10)) % n9;
    let g12 = 0i + task % n10;
    let v15: i32 = (g14 * p2);
    let v16: i32 = (v15 * p3);
    let v17: i32 = (g14 * 8i);
    let v18: i32 = (g13 * p4);
    let v19: i32 = (v16 + v18);
    let v20: i32 = (v17 + g13);
    let v21: i32 = (v20 * p1);
    let v22: i32 = (v19 + g12);
    let v23: i32 = gatherin3(v22, p6);
    let v24: i32 = (v22 + 1i);
    let v25: i32 = gatherin3(v24, p6);
    let v26: i32 = (v25 - v23);
    let v27: i32 = (v26 + 7i);
    let v28: i32 = floor_div(v27, 8i);
    let v29: i32 = (v20 + g12);
    let v30: i32 = (v29 * 64i);
    let v31: i32 = (1i - g12);
    let v32: i32 = min(1i, v31);
    let v33: i32 = (g12 + v7);
    {
      let e34 = lid;
      let e34_1 = e34 % 64;
      wf[2080 + e34_1] = select(0f, rd4((v30 + 0 * 64i + e34_1)), 0 < v32);
    }
    let g35 = 0i + item % n11;
    let v36: i32 = (g35 * 64i);
    let v37: i32 = (g35 * v28);
    let v38: i32 = (v23 + v37);
    let v39: i32 = (v38 + v28);
    let v40: i32 = min(v25, v39);
    {
      let e41 = lid;
      if (e41 < 1) {
        pr4[0] = neg_inf();
        wf[2208 + 0] = 0f;
      }
    }
    {
      let e42 = lid;
      let e42_1 = e42 % 64;
      wf[2144 + e42_1] = 0f;
    }
    workgroupBarrier();
    for (var i43: i32 = v38; i43 < v40; i43 = i43 + 1) {
      let v44: bool = gatherin1(i43, p5);
      let v45: i32 = gatherin2(i43, p5);
      let v46: i32 = (v45 * 32i);
      let v47: i32 = (v46 + 32i);
      let v48: bool = (v47 <= p1);
      let v49: bool = (v44 && v48);
      let v50: i32 = (v21 + v46);
      let v51: i32 = (v50 * 64i);
      let v52: i32 = (p1 - v46);
      let v53: i32 = min(32i, v52);
      for (var j55: i32 = 0; j55 < 32; j55 = j55 + 1) {
        let e54 = lid + j55 * 64;
        let e54_0 = (e54 / 64);
        let e54_1 = e54 % 64;
        wf[0 + e54_0 * 65 + e54_1] = select(0f, rd0((v51 + e54_0 * 64i + e54_1)), e54_0 < v53);
      }
      workgroupBarrier();
      {
        pr3[0] = 0f;
        for (var k58: i32 = 0; k58 < 64; k58 = k58 + 1) {
          let o59 = wf[2080 + k58];
          let o60 = wf[0 + ((select(31, lid + 0, lid + 0 < 32)) % 32) * 65 + k58];
          pr3[0] = pr3[0] + o59 * o60;
        }
      }
      if (v49) {
        workgroupBarrier();
        {
          let e61 = lid;
          if (e61 < 32) {
            let e61_1 = e61 % 32;
            wf[0 + e61_1] = (pr3[0] * 0.125f);
          }
        }
      } else {
        workgroupBarrier();
        {
          let e62 = lid;
          if (e62 < 32) {
            let e62_1 = e62 % 32;
            wf[0 + e62_1] = select(neg_inf(), (pr3[0] * 0.125f), ((((e62_1 + v46) <= (0 + v33)) && (((e62_1 + v46) < 10i) || (((0 + v33) - (e62_1 + v46)) < 96i))) && ((e62_1 + v46) < p1)));
          }
        }
      }
      workgroupBarrier();
      {
        let e63 = lid;
        if (e63 < 1) {
          var s64: f32 = neg_inf();
          for (var r65: i32 = 0; r65 < 32; r65 = r65 + 1) { s64 = max(s64, wf[0 + r65]); }
          pr5[0] = s64;
          wf[2209 + 0] = max(pr4[0], pr5[0]);
          wf[2210 + 0] = softmax_exp(pr4[0], wf[2209 + 0]);
        }
      }
      workgroupBarrier();
      {
        let e66 = lid;
        if (e66 < 32) {
          let e66_1 = e66 % 32;
          wf[2048 + e66_1] = softmax_exp(wf[0 + e66_1], wf[2209 + 0]);
        }
      }
      workgroupBarrier();
      {
        let e67 = lid;
        if (e67 < 1) {
          var s68: f32 = 0f;
          for (var r69: i32 = 0; r69 < 32; r69 = r69 + 1) { s68 = s68 + wf[2048 + r69]; }
          pr6[0] = s68;
          pr7[0] = (wf[2208 + 0] * wf[2210 + 0] + pr6[0]);
        }
      }
      for (var j71: i32 = 0; j71 < 32; j71 = j71 + 1) {
        let e70 = lid + j71 * 64;
        let e70_0 = (e70 / 64);
        let e70_1 = e70 % 64;
        wf[0 + e70_0 * 64 + e70_1] = select(0f, rd5((v51 + e70_0 * 64i + e70_1)), e70_0 < v53);
      }
      workgroupBarrier();
      {
        let dr72 = lid / 64;
        let dc73 = lid % 64;
        pr0[0] = (wf[2144 + dc73] * wf[2210 + 0]);
        for (var k74: i32 = 0; k74 < 32; k74 = k74 + 1) {
          let o75 = wf[2048 + k74];
          let o76 = wf[0 + k74 * 64 + dc73];
          pr0[0] = pr0[0] + select(0f, o75 * o76, o75 != 0f);
        }
      }
      {
        let e77 = lid;
        if (e77 < 1) {
          pr4[0] = wf[2209 + 0];
          wf[2208 + 0] = pr7[0];
        }
      }
      workgroupBarrier();
      {
        let e78 = lid;
        let e78_1 = e78 % 64;
        wf[2144 + e78_1] = pr0[0];
      }
      workgroupBarrier();
    }
    {
      let e79 = lid;
      let e79_1 = e79 % 64;
      let a80 = v36 + 0 * 64i + e79_1 * 1i;
      if (a80 >= 0 && a80 < 512) { sf[stf + 0 + a80] = select(div_rn(wf[2144 + e79_1], wf[2208 + 0]), 0f, (wf[2208 + 0] == 0f)); }
    }
    {
      let e81 = lid;
      if (e81 < 1) {
        let a82 = g35 + 0 * 1i + 0 * 1i;
        if (a82 >= 0 && a82 < 8) { sf[stf + 512 + a82] = select((pr4[0] + log_nan(wf[2208 + 0])), neg_inf(), (wf[2208 + 0] == 0f)); }
      }
    }
    storageBarrier();
    workgroupBarrier();
  }
}
@compute @workgroup_size(64)
fn merge(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>, @builtin(num_workgroups) nwg_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  let nwg = i32(nwg_u.x);
  var pr0: array<f32, 1>;
  var pr1: array<f32, 1>;
  var pr2: array<f32, 1>;
  var pr3: array<f32, 1>;
  var pr4: array<f32, 1>;
  var pr5: array<f32, 1>;
  var pr6: array<f32, 1>;
  var pr7: array<f32, 1>;
  var pr8: array<f32, 1>;
  var pr9: array<f32, 1>;
  var pr10: array<f32, 1>;
  let p0 = hdr(1u); // batch
  let p1 = hdr(2u); // kv_len
  let p2 = hdr(3u); // plan.bmul
  let p3 = hdr(4u); // plan.hcount
  let p4 = hdr(5u); // plan.hmul
  let p5 = hdr(6u); // plan.len
  let p6 = hdr(7u); // plan.rows
  let oo0 = hdr(20u); // lse
  let ol0 = hdr(21u);
  let oo1 = hdr(22u); // out
  let ol1 = hdr(23u);
  let v7: i32 = (p1 - 1i);
  let n8 = max(0, p0 - 0i);
  let n9 = max(0, 8i - 0i);
  let n10 = max(0, 1i - 0i);
  let tasks = n8 * n9 * n10;
  let sbf = tasks * 520 + wid * 1;
  let sbi = tasks * 1 + wid * 1;
  for (var item: i32 = wid; item < tasks; item = item + nwg) {
    let task = item;
    let stf = task * 520;
    let sti = task * 1;
    let g13 = 0i + (task / (n10 * n9));
    let g12 = 0i + (task / (n10)) % n9;
    let g11 = 0i + task % n10;
    let v14: i32 = (g13 * p2);
    let v15: i32 = (v14 * p3);
    let v16: i32 = (g13 * 8i);
    let v17: i32 = (g12 * p4);
    let v18: i32 = (v15 + v17);
    let v19: i32 = (v16 + g12);
    let v20: i32 = (v19 * p1);
    let v21: i32 = (v18 + g11);
    let v22: i32 = gatherin3(v21, p6);
    let v23: i32 = (v21 + 1i);
    let v24: i32 = gatherin3(v23, p6);
    let v25: i32 = (v24 - v22);
    let v26: i32 = (v25 + 7i);
    let v27: i32 = floor_div(v26, 8i);
    let v28: i32 = (v19 + g11);
    let v29: i32 = (v28 * 64i);
    let v30: i32 = (1i - g11);
    let v31: i32 = min(1i, v30);
    let v32: i32 = (g11 + v7);
    {
      let e33 = lid;
      if (e33 < 1) {
        pr8[0] = neg_inf();
        wf[0 + 0] = 0f;
      }
    }
    {
      let e34 = lid;
      pr1[0] = 0f;
    }
    workgroupBarrier();
    for (var i35: i32 = 0i; i35 < 8i; i35 = i35 + 1) {
      let v37: i32 = (i35 * 64i);
      {
        let e36 = lid;
        if (e36 < 1) {
          pr9[0] = max(pr8[0], select(0f, sf[stf + 512 + clamp((i35 + 0 + 0), 0, 7)], (i35 + 0 + 0) >= 0 && (i35 + 0 + 0) < 8));
          wf[1 + 0] = softmax_exp(pr8[0], pr9[0]);
          wf[2 + 0] = softmax_exp(select(0f, sf[stf + 512 + clamp((i35 + 0 + 0), 0, 7)], (i35 + 0 + 0) >= 0 && (i35 + 0 + 0) < 8), pr9[0]);
          pr10[0] = (wf[0 + 0] * wf[1 + 0] + wf[2 + 0]);
        }
      }
      workgroupBarrier();
      {
        let e38 = lid;
        let e38_1 = e38 % 64;
        pr2[0] = (pr1[0] * wf[1 + 0] + (select(0f, sf[stf + 0 + clamp((v37 + 0 * 64i + e38_1), 0, 511)], (v37 + 0 * 64i + e38_1) >= 0 && (v37 + 0 * 64i + e38_1) < 512) * wf[2 + 0]));
      }
      {
        let e39 = lid;
        if (e39 < 1) {
          pr8[0] = pr9[0];
          wf[0 + 0] = pr10[0];
        }
      }
      {
        let e40 = lid;
        pr1[0] = pr2[0];
      }
      storageBarrier();
      workgroupBarrier();
    }
    {
      let e41 = lid;
      let e41_1 = e41 % 64;
      let a42 = v29 + 0 * 64i + e41_1 * 1i;
      if (0 < v31) { if (a42 >= 0 && a42 < ol1) { put_half(u32(oo1 + (a42 >> 1u)), a42, bf16_bits(select(div_rn(pr1[0], wf[0 + 0]), 0f, (wf[0 + 0] == 0f)))); } }
    }
    {
      let e43 = lid;
      if (e43 < 1) {
        let a44 = v28 + 0 * 1i + 0 * 1i;
        if (0 < v31) { if (a44 >= 0 && a44 < ol0) { atomicStore(&ob[u32(oo0 + a44)], bitcast<u32>(select((pr8[0] + log_nan(wf[0 + 0])), neg_inf(), (wf[0 + 0] == 0f)))); } }
      }
    }
    workgroupBarrier();
  }
}

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
  var pr0: array<f32, 2>;
  var pr1: array<f32, 2>;
  var pr2: array<f32, 2>;
  var pr3: array<f32, 2>;
  var pr4: array<f32, 1>;
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
  let n4 = max(0, 8i - 0i);
  let n5 = max(0, 1i - 0i);
  let tasks = n3 * n4 * n5;
  let n6 = max(0, 8i - 0i);
  let sbf = tasks * 1032 + wid * 35;
  let sbi = tasks * 1 + wid * 1;
  for (var item: i32 = wid; item < tasks * n6; item = item + nwg) {
    let task = item / n6;
    let stf = task * 1032;
    let sti = task * 1;
    let g9 = 0i + (task / (n5 * n4));
    let g8 = 0i + (task / (n5)) % n4;
    let g7 = 0i + task % n5;
    let v10: i32 = (g9 * 8i);
    let v11: i32 = (v10 + g8);
    let v12: i32 = floor_div(g8, 8i);
    let v13: i32 = (g9 + v12);
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
    let v25: i32 = (v11 + g7);
    let v26: i32 = (v25 * 128i);
    let v27: i32 = (1i - g7);
    let v28: i32 = min(1i, v27);
    let g29 = 0i + item % n6;
    let v30: i32 = (g29 * 128i);
    let v31: i32 = (g29 * v24);
    let v32: i32 = (v31 + v24);
    let v33: i32 = min(v22, v32);
    {
      let e34 = lid;
      if (e34 < 1) {
        pr5[0] = neg_inf();
        sf[sbf + 32 + 0] = 0f;
      }
    }
    for (var j36: i32 = 0; j36 < 2; j36 = j36 + 1) {
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
        pr4[0] = 0f;
        for (var k53: i32 = 0; k53 < 128; k53 = k53 + 1) {
          let o54 = select(0f, rd1((v26 + ((select(31, lid + 0, lid + 0 < 32)) / 32) * 128i + k53)), ((select(31, lid + 0, lid + 0 < 32)) / 32) < v28);
          let o55 = select(0f, rd0((v48 + ((select(31, lid + 0, lid + 0 < 32)) % 32) * 128i + k53)), ((select(31, lid + 0, lid + 0 < 32)) % 32) < v50);
          pr4[0] = pr4[0] + o54 * o55;
        }
      }
      if (v46) {
        {
          let e56 = lid;
          if (e56 < 32) {
            let e56_1 = e56 % 32;
            wf[0 + e56_1] = (pr4[0] * 0.0883883461356163f);
          }
        }
      } else {
        {
          let e57 = lid;
          if (e57 < 32) {
            let e57_1 = e57 % 32;
            wf[0 + e57_1] = select(neg_inf(), (pr4[0] * 0.0883883461356163f), (((e57_1 + v38) <= (0 + v15)) && ((e57_1 + v38) < p1)));
          }
        }
      }
      workgroupBarrier();
      {
        let e58 = lid;
        if (e58 < 1) {
          var s59: f32 = neg_inf();
          for (var r60: i32 = 0; r60 < 32; r60 = r60 + 1) { s59 = max(s59, wf[0 + r60]); }
          pr6[0] = s59;
          sf[sbf + 33 + 0] = max(pr5[0], pr6[0]);
          sf[sbf + 34 + 0] = softmax_exp(pr5[0], sf[sbf + 33 + 0]);
        }
      }
      storageBarrier();
      {
        let e61 = lid;
        if (e61 < 32) {
          let e61_1 = e61 % 32;
          sf[sbf + 0 + e61_1] = softmax_exp(wf[0 + e61_1], sf[sbf + 33 + 0]);
        }
      }
      storageBarrier();
      {
        let e62 = lid;
        if (e62 < 1) {
          var s63: f32 = 0f;
          for (var r64: i32 = 0; r64 < 32; r64 = r64 + 1) { s63 = s63 + sf[sbf + 0 + r64]; }
          pr7[0] = s63;
          pr8[0] = (sf[sbf + 32 + 0] * sf[sbf + 34 + 0] + pr7[0]);
        }
      }
      workgroupBarrier();
      for (var j66: i32 = 0; j66 < 64; j66 = j66 + 1) {
        let e65 = lid + j66 * 64;
        let e65_0 = (e65 / 128);
        let e65_1 = e65 % 128;
        wf[0 + e65_0 * 128 + e65_1] = select(0f, rd2((v48 + e65_0 * 128i + e65_1)), e65_0 < v50);
      }
      workgroupBarrier();
      {
        pr1[0] = (pr0[0] * sf[sbf + 34 + 0]);
        pr1[1] = (pr0[1] * sf[sbf + 34 + 0]);
        for (var k69: i32 = 0; k69 < 32; k69 = k69 + 1) {
          let o70 = sf[sbf + 0 + k69];
          let o71 = wf[0 + k69 * 128 + (lid + 0)];
          let o72 = wf[0 + k69 * 128 + (lid + 64)];
          pr1[0] = pr1[0] + select(0f, o70 * o71, o70 != 0f);
          pr1[1] = pr1[1] + select(0f, o70 * o72, o70 != 0f);
        }
      }
      {
        let e73 = lid;
        if (e73 < 1) {
          pr5[0] = sf[sbf + 33 + 0];
          sf[sbf + 32 + 0] = pr8[0];
        }
      }
      for (var j75: i32 = 0; j75 < 2; j75 = j75 + 1) {
        let e74 = lid + j75 * 64;
        pr0[j75] = pr1[j75];
      }
      storageBarrier();
      workgroupBarrier();
    }
    for (var j77: i32 = 0; j77 < 2; j77 = j77 + 1) {
      let e76 = lid + j77 * 64;
      let e76_1 = e76 % 128;
      let a78 = v30 + 0 * 128i + e76_1 * 1i;
      if (a78 >= 0 && a78 < 1024) { sf[stf + 0 + a78] = select(div_rn(pr0[j77], sf[sbf + 32 + 0]), 0f, (sf[sbf + 32 + 0] == 0f)); }
    }
    storageBarrier();
    {
      let e79 = lid;
      if (e79 < 1) {
        let a80 = g29 + 0 * 1i + 0 * 1i;
        if (a80 >= 0 && a80 < 8) { sf[stf + 1024 + a80] = select((pr5[0] + log_nan(sf[sbf + 32 + 0])), neg_inf(), (sf[sbf + 32 + 0] == 0f)); }
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
  var pr0: array<f32, 2>;
  var pr1: array<f32, 2>;
  var pr2: array<f32, 2>;
  var pr3: array<f32, 2>;
  var pr4: array<f32, 1>;
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
  let n4 = max(0, 8i - 0i);
  let n5 = max(0, 1i - 0i);
  let tasks = n3 * n4 * n5;
  let sbf = tasks * 1032 + wid * 35;
  let sbi = tasks * 1 + wid * 1;
  for (var item: i32 = wid; item < tasks; item = item + nwg) {
    let task = item;
    let stf = task * 1032;
    let sti = task * 1;
    let g8 = 0i + (task / (n5 * n4));
    let g7 = 0i + (task / (n5)) % n4;
    let g6 = 0i + task % n5;
    let v9: i32 = (g8 * 8i);
    let v10: i32 = (v9 + g7);
    let v11: i32 = floor_div(g7, 8i);
    let v12: i32 = (g8 + v11);
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
    let v24: i32 = (v10 + g6);
    let v25: i32 = (v24 * 128i);
    let v26: i32 = (1i - g6);
    let v27: i32 = min(1i, v26);
    {
      let e28 = lid;
      if (e28 < 1) {
        pr9[0] = neg_inf();
        wf[0 + 0] = 0f;
      }
    }
    for (var j30: i32 = 0; j30 < 2; j30 = j30 + 1) {
      let e29 = lid + j30 * 64;
      pr2[j30] = 0f;
    }
    workgroupBarrier();
    for (var i31: i32 = 0i; i31 < 8i; i31 = i31 + 1) {
      let v33: i32 = (i31 * 128i);
      {
        let e32 = lid;
        if (e32 < 1) {
          pr10[0] = max(pr9[0], select(0f, sf[stf + 1024 + clamp((i31 + 0 + 0), 0, 7)], (i31 + 0 + 0) >= 0 && (i31 + 0 + 0) < 8));
          wf[1 + 0] = softmax_exp(pr9[0], pr10[0]);
          wf[2 + 0] = softmax_exp(select(0f, sf[stf + 1024 + clamp((i31 + 0 + 0), 0, 7)], (i31 + 0 + 0) >= 0 && (i31 + 0 + 0) < 8), pr10[0]);
          pr11[0] = (wf[0 + 0] * wf[1 + 0] + wf[2 + 0]);
        }
      }
      workgroupBarrier();
      for (var j35: i32 = 0; j35 < 2; j35 = j35 + 1) {
        let e34 = lid + j35 * 64;
        let e34_1 = e34 % 128;
        pr3[j35] = (pr2[j35] * wf[1 + 0] + (select(0f, sf[stf + 0 + clamp((v33 + 0 * 128i + e34_1), 0, 1023)], (v33 + 0 * 128i + e34_1) >= 0 && (v33 + 0 * 128i + e34_1) < 1024) * wf[2 + 0]));
      }
      {
        let e36 = lid;
        if (e36 < 1) {
          pr9[0] = pr10[0];
          wf[0 + 0] = pr11[0];
        }
      }
      for (var j38: i32 = 0; j38 < 2; j38 = j38 + 1) {
        let e37 = lid + j38 * 64;
        pr2[j38] = pr3[j38];
      }
      storageBarrier();
      workgroupBarrier();
    }
    for (var j40: i32 = 0; j40 < 2; j40 = j40 + 1) {
      let e39 = lid + j40 * 64;
      let e39_1 = e39 % 128;
      let a41 = v25 + 0 * 128i + e39_1 * 1i;
      if (0 < v27) { if (a41 >= 0 && a41 < ol1) { put_half(u32(oo1 + (a41 >> 1u)), a41, f16_bits(select(div_rn(pr2[j40], wf[0 + 0]), 0f, (wf[0 + 0] == 0f)))); } }
    }
    {
      let e42 = lid;
      if (e42 < 1) {
        let a43 = v24 + 0 * 1i + 0 * 1i;
        if (0 < v27) { if (a43 >= 0 && a43 < ol0) { atomicStore(&ob[u32(oo0 + a43)], bitcast<u32>(select((pr9[0] + log_nan(wf[0 + 0])), neg_inf(), (wf[0 + 0] == 0f)))); } }
      }
    }
    workgroupBarrier();
  }
}

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
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
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
  let sbf = wid * 1067;
  let sbi = wid * 1;
  let v2: i32 = (p1 - 1i);
  let n3 = max(0, p0 - 0i);
  let n4 = max(0, 8i - 0i);
  let n5 = max(0, 1i - 0i);
  let tasks = n3 * n4 * n5;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
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
    for (var i28: i32 = 0i; i28 < 8i; i28 = i28 + 1) {
      let v29: i32 = (i28 * 128i);
      let v30: i32 = (i28 * v23);
      let v31: i32 = (v30 + v23);
      let v32: i32 = min(v21, v31);
      {
        let e33 = lid;
        if (e33 < 1) {
          pr5[0] = neg_inf();
          sf[sbf + 1064 + 0] = 0f;
        }
      }
      for (var j35: i32 = 0; j35 < 2; j35 = j35 + 1) {
        let e34 = lid + j35 * 64;
        pr0[j35] = 0f;
      }
      storageBarrier();
      for (var i36: i32 = v30; i36 < v32; i36 = i36 + 1) {
        let v37: i32 = (i36 * 32i);
        let v38: bool = (0i <= v37);
        let v39: i32 = (v37 + 32i);
        let v40: i32 = min(p1, v39);
        let v41: i32 = (v40 - 1i);
        let v42: bool = (v41 <= v14);
        let v43: bool = (v38 && v42);
        let v44: bool = (v39 <= p1);
        let v45: bool = (v43 && v44);
        let v46: i32 = (v13 + v37);
        let v47: i32 = (v46 * 128i);
        let v48: i32 = (p1 - v37);
        let v49: i32 = min(32i, v48);
        {
          pr4[0] = 0f;
          for (var k52: i32 = 0; k52 < 128; k52 = k52 + 1) {
            let o53 = select(0f, rd1((v25 + ((select(31, lid + 0, lid + 0 < 32)) / 32) * 128i + k52)), ((select(31, lid + 0, lid + 0 < 32)) / 32) < v27);
            let o54 = select(0f, rd0((v47 + ((select(31, lid + 0, lid + 0 < 32)) % 32) * 128i + k52)), ((select(31, lid + 0, lid + 0 < 32)) % 32) < v49);
            pr4[0] = pr4[0] + o53 * o54;
          }
        }
        if (v45) {
          {
            let e55 = lid;
            if (e55 < 32) {
              let e55_1 = e55 % 32;
              wf[0 + e55_1] = (pr4[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            let e56 = lid;
            if (e56 < 32) {
              let e56_1 = e56 % 32;
              wf[0 + e56_1] = select(neg_inf(), (pr4[0] * 0.0883883461356163f), (((e56_1 + v37) <= (0 + v14)) && ((e56_1 + v37) < p1)));
            }
          }
        }
        workgroupBarrier();
        {
          let e57 = lid;
          if (e57 < 1) {
            var s58: f32 = neg_inf();
            for (var r59: i32 = 0; r59 < 32; r59 = r59 + 1) { s58 = max(s58, wf[0 + r59]); }
            pr6[0] = s58;
            sf[sbf + 1065 + 0] = max(pr5[0], pr6[0]);
            sf[sbf + 1066 + 0] = softmax_exp(pr5[0], sf[sbf + 1065 + 0]);
          }
        }
        storageBarrier();
        {
          let e60 = lid;
          if (e60 < 32) {
            let e60_1 = e60 % 32;
            sf[sbf + 1032 + e60_1] = softmax_exp(wf[0 + e60_1], sf[sbf + 1065 + 0]);
          }
        }
        storageBarrier();
        {
          let e61 = lid;
          if (e61 < 1) {
            var s62: f32 = 0f;
            for (var r63: i32 = 0; r63 < 32; r63 = r63 + 1) { s62 = s62 + sf[sbf + 1032 + r63]; }
            pr7[0] = s62;
            pr8[0] = (sf[sbf + 1064 + 0] * sf[sbf + 1066 + 0] + pr7[0]);
          }
        }
        workgroupBarrier();
        for (var j65: i32 = 0; j65 < 64; j65 = j65 + 1) {
          let e64 = lid + j65 * 64;
          let e64_0 = (e64 / 128);
          let e64_1 = e64 % 128;
          wf[0 + e64_0 * 128 + e64_1] = select(0f, rd2((v47 + e64_0 * 128i + e64_1)), e64_0 < v49);
        }
        workgroupBarrier();
        {
          pr1[0] = (pr0[0] * sf[sbf + 1066 + 0]);
          pr1[1] = (pr0[1] * sf[sbf + 1066 + 0]);
          for (var k68: i32 = 0; k68 < 32; k68 = k68 + 1) {
            let o69 = sf[sbf + 1032 + k68];
            let o70 = wf[0 + k68 * 128 + (lid + 0)];
            let o71 = wf[0 + k68 * 128 + (lid + 64)];
            pr1[0] = pr1[0] + select(0f, o69 * o70, o69 != 0f);
            pr1[1] = pr1[1] + select(0f, o69 * o71, o69 != 0f);
          }
        }
        {
          let e72 = lid;
          if (e72 < 1) {
            pr5[0] = sf[sbf + 1065 + 0];
            sf[sbf + 1064 + 0] = pr8[0];
          }
        }
        for (var j74: i32 = 0; j74 < 2; j74 = j74 + 1) {
          let e73 = lid + j74 * 64;
          pr0[j74] = pr1[j74];
        }
        storageBarrier();
        workgroupBarrier();
      }
      for (var j76: i32 = 0; j76 < 2; j76 = j76 + 1) {
        let e75 = lid + j76 * 64;
        let e75_1 = e75 % 128;
        let a77 = v29 + 0 * 128i + e75_1 * 1i;
        if (a77 >= 0 && a77 < 1024) { sf[sbf + 0 + a77] = select(div_rn(pr0[j76], sf[sbf + 1064 + 0]), 0f, (sf[sbf + 1064 + 0] == 0f)); }
      }
      {
        let e78 = lid;
        if (e78 < 1) {
          let a79 = i28 + 0 * 1i + 0 * 1i;
          if (a79 >= 0 && a79 < 8) { sf[sbf + 1024 + a79] = select((pr5[0] + log_nan(sf[sbf + 1064 + 0])), neg_inf(), (sf[sbf + 1064 + 0] == 0f)); }
        }
      }
      storageBarrier();
    }
    {
      let e80 = lid;
      if (e80 < 1) {
        pr9[0] = neg_inf();
        wf[0 + 0] = 0f;
      }
    }
    for (var j82: i32 = 0; j82 < 2; j82 = j82 + 1) {
      let e81 = lid + j82 * 64;
      pr2[j82] = 0f;
    }
    workgroupBarrier();
    for (var i83: i32 = 0i; i83 < 8i; i83 = i83 + 1) {
      let v85: i32 = (i83 * 128i);
      {
        let e84 = lid;
        if (e84 < 1) {
          pr10[0] = max(pr9[0], select(0f, sf[sbf + 1024 + clamp((i83 + 0 + 0), 0, 7)], (i83 + 0 + 0) >= 0 && (i83 + 0 + 0) < 8));
          wf[1 + 0] = softmax_exp(pr9[0], pr10[0]);
          wf[2 + 0] = softmax_exp(select(0f, sf[sbf + 1024 + clamp((i83 + 0 + 0), 0, 7)], (i83 + 0 + 0) >= 0 && (i83 + 0 + 0) < 8), pr10[0]);
          pr11[0] = (wf[0 + 0] * wf[1 + 0] + wf[2 + 0]);
        }
      }
      workgroupBarrier();
      for (var j87: i32 = 0; j87 < 2; j87 = j87 + 1) {
        let e86 = lid + j87 * 64;
        let e86_1 = e86 % 128;
        pr3[j87] = (pr2[j87] * wf[1 + 0] + (select(0f, sf[sbf + 0 + clamp((v85 + 0 * 128i + e86_1), 0, 1023)], (v85 + 0 * 128i + e86_1) >= 0 && (v85 + 0 * 128i + e86_1) < 1024) * wf[2 + 0]));
      }
      {
        let e88 = lid;
        if (e88 < 1) {
          pr9[0] = pr10[0];
          wf[0 + 0] = pr11[0];
        }
      }
      for (var j90: i32 = 0; j90 < 2; j90 = j90 + 1) {
        let e89 = lid + j90 * 64;
        pr2[j90] = pr3[j90];
      }
      storageBarrier();
      workgroupBarrier();
    }
    for (var j92: i32 = 0; j92 < 2; j92 = j92 + 1) {
      let e91 = lid + j92 * 64;
      let e91_1 = e91 % 128;
      let a93 = v25 + 0 * 128i + e91_1 * 1i;
      if (0 < v27) { if (a93 >= 0 && a93 < ol1) { put_half(u32(oo1 + (a93 >> 1u)), a93, f16_bits(select(div_rn(pr2[j92], wf[0 + 0]), 0f, (wf[0 + 0] == 0f)))); } }
    }
    {
      let e94 = lid;
      if (e94 < 1) {
        let a95 = v24 + 0 * 1i + 0 * 1i;
        if (0 < v27) { if (a95 >= 0 && a95 < ol0) { atomicStore(&ob[u32(oo0 + a95)], bitcast<u32>(select((pr9[0] + log_nan(wf[0 + 0])), neg_inf(), (wf[0 + 0] == 0f)))); } }
      }
    }
    workgroupBarrier();
  }
}

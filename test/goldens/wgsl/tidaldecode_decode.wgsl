// sparsec: kernel tidaldecode_decode (generated; do not edit)
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
fn rd3(i: i32) -> i32 {
  if (i < 0 || i >= hdr(15u)) { return 0i; }
  let off = hdr(14u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin3(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd3(i);
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
fn rd4(i: i32) -> f32 {
  if (i < 0 || i >= hdr(17u)) { return 0f; }
  let off = hdr(16u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
fn rd0(i: i32) -> f32 {
  if (i < 0 || i >= hdr(9u)) { return 0f; }
  let off = hdr(8u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
fn rd5(i: i32) -> i32 {
  if (i < 0 || i >= hdr(19u)) { return 0i; }
  let off = hdr(18u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn rd6(i: i32) -> i32 {
  if (i < 0 || i >= hdr(21u)) { return 0i; }
  let off = hdr(20u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn member5_6(l: i32, x: i32, lists: i32) -> bool {
  if (l < 0 || l >= lists) { return false; }
  var lo = rd5(l);
  var hi = rd5(l + 1);
  loop {
    if (lo >= hi) { break; }
    let mid = (lo + hi) / 2;
    let v = rd6(mid);
    if (v == x) { return true; }
    if (v < x) { lo = mid + 1; } else { hi = mid; }
  }
  return false;
}
fn rd7(i: i32) -> f32 {
  if (i < 0 || i >= hdr(23u)) { return 0f; }
  let off = hdr(22u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
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
  var pr5: array<bool, 1>;
  var pr6: array<f32, 1>;
  var pr7: array<f32, 1>;
  var pr8: array<f32, 1>;
  var pr9: array<f32, 1>;
  var pr10: array<f32, 1>;
  var pr11: array<f32, 1>;
  var pr12: array<f32, 1>;
  let p0 = hdr(1u); // batch
  let p1 = hdr(2u); // kv_len
  let p2 = hdr(3u); // plan.bmul
  let p3 = hdr(4u); // plan.hcount
  let p4 = hdr(5u); // plan.hmul
  let p5 = hdr(6u); // plan.len
  let p6 = hdr(7u); // plan.rows
  let oo0 = hdr(24u); // lse
  let ol0 = hdr(25u);
  let oo1 = hdr(26u); // out
  let ol1 = hdr(27u);
  let sbf = wid * 1067;
  let sbi = wid * 1;
  let v7: i32 = (p1 - 1i);
  let v8: i32 = (p0 * 4i);
  let n9 = max(0, p0 - 0i);
  let n10 = max(0, 16i - 0i);
  let n11 = max(0, 1i - 0i);
  let tasks = n9 * n10 * n11;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g14 = 0i + (task / (n11 * n10));
    let g13 = 0i + (task / (n11)) % n10;
    let g12 = 0i + task % n11;
    let v15: i32 = (g14 * p2);
    let v16: i32 = (v15 * p3);
    let v17: i32 = (g14 * 4i);
    let v18: i32 = (g14 * 16i);
    let v19: bool = (g14 >= 0i);
    let v20: bool = (g14 < p0);
    let v21: bool = (v19 && v20);
    let v22: i32 = (g13 * p4);
    let v23: i32 = (v16 + v22);
    let v24: i32 = floor_div(g13, 4i);
    let v25: i32 = (v17 + v24);
    let v26: i32 = (v18 + g13);
    let v27: i32 = (v25 * p1);
    let v28: bool = (v24 >= 0i);
    let v29: bool = (v24 < 4i);
    let v30: bool = (v28 && v29);
    let v31: bool = (v21 && v30);
    let v32: i32 = select((-1i), v25, v31);
    let v33: i32 = (v23 + g12);
    let v34: i32 = gatherin3(v33, p6);
    let v35: i32 = (v33 + 1i);
    let v36: i32 = gatherin3(v35, p6);
    let v37: i32 = (v36 - v34);
    let v38: i32 = (v37 + 7i);
    let v39: i32 = floor_div(v38, 8i);
    let v40: i32 = (v26 + g12);
    let v41: i32 = (v40 * 128i);
    let v42: i32 = (1i - g12);
    let v43: i32 = min(1i, v42);
    let v44: i32 = (g12 + v7);
    for (var i45: i32 = 0i; i45 < 8i; i45 = i45 + 1) {
      let v46: i32 = (i45 * 128i);
      let v47: i32 = (i45 * v39);
      let v48: i32 = (v34 + v47);
      let v49: i32 = (v48 + v39);
      let v50: i32 = min(v36, v49);
      {
        let e51 = lid;
        if (e51 < 1) {
          pr6[0] = neg_inf();
          sf[sbf + 1064 + 0] = 0f;
        }
      }
      for (var j53: i32 = 0; j53 < 2; j53 = j53 + 1) {
        let e52 = lid + j53 * 64;
        pr0[j53] = 0f;
      }
      storageBarrier();
      for (var i54: i32 = v48; i54 < v50; i54 = i54 + 1) {
        let v55: bool = gatherin1(i54, p5);
        let v56: i32 = gatherin2(i54, p5);
        let v57: i32 = (v56 * 32i);
        let v58: i32 = (v57 + 32i);
        let v59: bool = (v58 <= p1);
        let v60: bool = (v55 && v59);
        let v61: i32 = (v27 + v57);
        let v62: i32 = (v61 * 128i);
        let v63: i32 = (p1 - v57);
        let v64: i32 = min(32i, v63);
        {
          pr4[0] = 0f;
          for (var k67: i32 = 0; k67 < 128; k67 = k67 + 1) {
            let o68 = select(0f, rd4((v41 + ((select(31, lid + 0, lid + 0 < 32)) / 32) * 128i + k67)), ((select(31, lid + 0, lid + 0 < 32)) / 32) < v43);
            let o69 = select(0f, rd0((v62 + ((select(31, lid + 0, lid + 0 < 32)) % 32) * 128i + k67)), ((select(31, lid + 0, lid + 0 < 32)) % 32) < v64);
            pr4[0] = pr4[0] + o68 * o69;
          }
        }
        if (v60) {
          {
            let e70 = lid;
            if (e70 < 32) {
              let e70_1 = e70 % 32;
              wf[0 + e70_1] = (pr4[0] * 0.0883883461356163f);
            }
          }
        } else {
          {
            let e71 = lid;
            if (e71 < 32) {
              let e71_1 = e71 % 32;
              pr5[0] = member5_6(v32, (e71_1 + v57), v8);
              wf[0 + e71_1] = select(neg_inf(), (pr4[0] * 0.0883883461356163f), ((((e71_1 + v57) <= (0 + v44)) && pr5[0]) && ((e71_1 + v57) < p1)));
            }
          }
        }
        workgroupBarrier();
        {
          let e72 = lid;
          if (e72 < 1) {
            var s73: f32 = neg_inf();
            for (var r74: i32 = 0; r74 < 32; r74 = r74 + 1) { s73 = max(s73, wf[0 + r74]); }
            pr7[0] = s73;
            sf[sbf + 1065 + 0] = max(pr6[0], pr7[0]);
            sf[sbf + 1066 + 0] = softmax_exp(pr6[0], sf[sbf + 1065 + 0]);
          }
        }
        storageBarrier();
        {
          let e75 = lid;
          if (e75 < 32) {
            let e75_1 = e75 % 32;
            sf[sbf + 1032 + e75_1] = softmax_exp(wf[0 + e75_1], sf[sbf + 1065 + 0]);
          }
        }
        storageBarrier();
        {
          let e76 = lid;
          if (e76 < 1) {
            var s77: f32 = 0f;
            for (var r78: i32 = 0; r78 < 32; r78 = r78 + 1) { s77 = s77 + sf[sbf + 1032 + r78]; }
            pr8[0] = s77;
            pr9[0] = (sf[sbf + 1064 + 0] * sf[sbf + 1066 + 0] + pr8[0]);
          }
        }
        workgroupBarrier();
        for (var j80: i32 = 0; j80 < 64; j80 = j80 + 1) {
          let e79 = lid + j80 * 64;
          let e79_0 = (e79 / 128);
          let e79_1 = e79 % 128;
          wf[0 + e79_0 * 128 + e79_1] = select(0f, rd7((v62 + e79_0 * 128i + e79_1)), e79_0 < v64);
        }
        workgroupBarrier();
        {
          pr1[0] = (pr0[0] * sf[sbf + 1066 + 0]);
          pr1[1] = (pr0[1] * sf[sbf + 1066 + 0]);
          for (var k83: i32 = 0; k83 < 32; k83 = k83 + 1) {
            let o84 = sf[sbf + 1032 + k83];
            let o85 = wf[0 + k83 * 128 + (lid + 0)];
            let o86 = wf[0 + k83 * 128 + (lid + 64)];
            pr1[0] = pr1[0] + select(0f, o84 * o85, o84 != 0f);
            pr1[1] = pr1[1] + select(0f, o84 * o86, o84 != 0f);
          }
        }
        {
          let e87 = lid;
          if (e87 < 1) {
            pr6[0] = sf[sbf + 1065 + 0];
            sf[sbf + 1064 + 0] = pr9[0];
          }
        }
        for (var j89: i32 = 0; j89 < 2; j89 = j89 + 1) {
          let e88 = lid + j89 * 64;
          pr0[j89] = pr1[j89];
        }
        storageBarrier();
        workgroupBarrier();
      }
      for (var j91: i32 = 0; j91 < 2; j91 = j91 + 1) {
        let e90 = lid + j91 * 64;
        let e90_1 = e90 % 128;
        let a92 = v46 + 0 * 128i + e90_1 * 1i;
        if (a92 >= 0 && a92 < 1024) { sf[sbf + 0 + a92] = select(div_rn(pr0[j91], sf[sbf + 1064 + 0]), 0f, (sf[sbf + 1064 + 0] == 0f)); }
      }
      {
        let e93 = lid;
        if (e93 < 1) {
          let a94 = i45 + 0 * 1i + 0 * 1i;
          if (a94 >= 0 && a94 < 8) { sf[sbf + 1024 + a94] = select((pr6[0] + log_nan(sf[sbf + 1064 + 0])), neg_inf(), (sf[sbf + 1064 + 0] == 0f)); }
        }
      }
      storageBarrier();
    }
    {
      let e95 = lid;
      if (e95 < 1) {
        pr10[0] = neg_inf();
        wf[0 + 0] = 0f;
      }
    }
    for (var j97: i32 = 0; j97 < 2; j97 = j97 + 1) {
      let e96 = lid + j97 * 64;
      pr2[j97] = 0f;
    }
    workgroupBarrier();
    for (var i98: i32 = 0i; i98 < 8i; i98 = i98 + 1) {
      let v100: i32 = (i98 * 128i);
      {
        let e99 = lid;
        if (e99 < 1) {
          pr11[0] = max(pr10[0], select(0f, sf[sbf + 1024 + clamp((i98 + 0 + 0), 0, 7)], (i98 + 0 + 0) >= 0 && (i98 + 0 + 0) < 8));
          wf[1 + 0] = softmax_exp(pr10[0], pr11[0]);
          wf[2 + 0] = softmax_exp(select(0f, sf[sbf + 1024 + clamp((i98 + 0 + 0), 0, 7)], (i98 + 0 + 0) >= 0 && (i98 + 0 + 0) < 8), pr11[0]);
          pr12[0] = (wf[0 + 0] * wf[1 + 0] + wf[2 + 0]);
        }
      }
      workgroupBarrier();
      for (var j102: i32 = 0; j102 < 2; j102 = j102 + 1) {
        let e101 = lid + j102 * 64;
        let e101_1 = e101 % 128;
        pr3[j102] = (pr2[j102] * wf[1 + 0] + (select(0f, sf[sbf + 0 + clamp((v100 + 0 * 128i + e101_1), 0, 1023)], (v100 + 0 * 128i + e101_1) >= 0 && (v100 + 0 * 128i + e101_1) < 1024) * wf[2 + 0]));
      }
      {
        let e103 = lid;
        if (e103 < 1) {
          pr10[0] = pr11[0];
          wf[0 + 0] = pr12[0];
        }
      }
      for (var j105: i32 = 0; j105 < 2; j105 = j105 + 1) {
        let e104 = lid + j105 * 64;
        pr2[j105] = pr3[j105];
      }
      storageBarrier();
      workgroupBarrier();
    }
    for (var j107: i32 = 0; j107 < 2; j107 = j107 + 1) {
      let e106 = lid + j107 * 64;
      let e106_1 = e106 % 128;
      let a108 = v41 + 0 * 128i + e106_1 * 1i;
      if (0 < v43) { if (a108 >= 0 && a108 < ol1) { put_half(u32(oo1 + (a108 >> 1u)), a108, bf16_bits(select(div_rn(pr2[j107], wf[0 + 0]), 0f, (wf[0 + 0] == 0f)))); } }
    }
    {
      let e109 = lid;
      if (e109 < 1) {
        let a110 = v40 + 0 * 1i + 0 * 1i;
        if (0 < v43) { if (a110 >= 0 && a110 < ol0) { atomicStore(&ob[u32(oo0 + a110)], bitcast<u32>(select((pr10[0] + log_nan(wf[0 + 0])), neg_inf(), (wf[0 + 0] == 0f)))); } }
      }
    }
    workgroupBarrier();
  }
}

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
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>, @builtin(num_workgroups) nwg_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
  let nwg = i32(nwg_u.x);
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
  let v7: i32 = (p1 - 1i);
  let v8: i32 = (p0 * 4i);
  let n9 = max(0, p0 - 0i);
  let n10 = max(0, 16i - 0i);
  let n11 = max(0, 1i - 0i);
  let tasks = n9 * n10 * n11;
  let n12 = max(0, 8i - 0i);
  let sbf = tasks * 1032 + wid * 35;
  let sbi = tasks * 1 + wid * 1;
  for (var item: i32 = wid; item < tasks * n12; item = item + nwg) {
    let task = item / n12;
    let stf = task * 1032;
    let sti = task * 1;
    let g15 = 0i + (task / (n11 * n10));
    let g14 = 0i + (task / (n11)) % n10;
    let g13 = 0i + task % n11;
    let v16: i32 = (g15 * p2);
    let v17: i32 = (v16 * p3);
    let v18: i32 = (g15 * 4i);
    let v19: i32 = (g15 * 16i);
    let v20: bool = (g15 >= 0i);
    let v21: bool = (g15 < p0);
    let v22: bool = (v20 && v21);
    let v23: i32 = (g14 * p4);
    let v24: i32 = (v17 + v23);
    let v25: i32 = floor_div(g14, 4i);
    let v26: i32 = (v18 + v25);
    let v27: i32 = (v19 + g14);
    let v28: i32 = (v26 * p1);
    let v29: bool = (v25 >= 0i);
    let v30: bool = (v25 < 4i);
    let v31: bool = (v29 && v30);
    let v32: bool = (v22 && v31);
    let v33: i32 = select((-1i), v26, v32);
    let v34: i32 = (v24 + g13);
    let v35: i32 = gatherin3(v34, p6);
    let v36: i32 = (v34 + 1i);
    let v37: i32 = gatherin3(v36, p6);
    let v38: i32 = (v37 - v35);
    let v39: i32 = (v38 + 7i);
    let v40: i32 = floor_div(v39, 8i);
    let v41: i32 = (v27 + g13);
    let v42: i32 = (v41 * 128i);
    let v43: i32 = (1i - g13);
    let v44: i32 = min(1i, v43);
    let v45: i32 = (g13 + v7);
    let g46 = 0i + item % n12;
    let v47: i32 = (g46 * 128i);
    let v48: i32 = (g46 * v40);
    let v49: i32 = (v35 + v48);
    let v50: i32 = (v49 + v40);
    let v51: i32 = min(v37, v50);
    {
      let e52 = lid;
      if (e52 < 1) {
        pr6[0] = neg_inf();
        sf[sbf + 32 + 0] = 0f;
      }
    }
    for (var j54: i32 = 0; j54 < 2; j54 = j54 + 1) {
      let e53 = lid + j54 * 64;
      pr0[j54] = 0f;
    }
    storageBarrier();
    for (var i55: i32 = v49; i55 < v51; i55 = i55 + 1) {
      let v56: bool = gatherin1(i55, p5);
      let v57: i32 = gatherin2(i55, p5);
      let v58: i32 = (v57 * 32i);
      let v59: i32 = (v58 + 32i);
      let v60: bool = (v59 <= p1);
      let v61: bool = (v56 && v60);
      let v62: i32 = (v28 + v58);
      let v63: i32 = (v62 * 128i);
      let v64: i32 = (p1 - v58);
      let v65: i32 = min(32i, v64);
      {
        pr4[0] = 0f;
        for (var k68: i32 = 0; k68 < 128; k68 = k68 + 1) {
          let o69 = select(0f, rd4((v42 + ((select(31, lid + 0, lid + 0 < 32)) / 32) * 128i + k68)), ((select(31, lid + 0, lid + 0 < 32)) / 32) < v44);
          let o70 = select(0f, rd0((v63 + ((select(31, lid + 0, lid + 0 < 32)) % 32) * 128i + k68)), ((select(31, lid + 0, lid + 0 < 32)) % 32) < v65);
          pr4[0] = pr4[0] + o69 * o70;
        }
      }
      if (v61) {
        {
          let e71 = lid;
          if (e71 < 32) {
            let e71_1 = e71 % 32;
            wf[0 + e71_1] = (pr4[0] * 0.0883883461356163f);
          }
        }
      } else {
        {
          let e72 = lid;
          if (e72 < 32) {
            let e72_1 = e72 % 32;
            pr5[0] = member5_6(v33, (e72_1 + v58), v8);
            wf[0 + e72_1] = select(neg_inf(), (pr4[0] * 0.0883883461356163f), ((((e72_1 + v58) <= (0 + v45)) && pr5[0]) && ((e72_1 + v58) < p1)));
          }
        }
      }
      workgroupBarrier();
      {
        let e73 = lid;
        if (e73 < 1) {
          var s74: f32 = neg_inf();
          for (var r75: i32 = 0; r75 < 32; r75 = r75 + 1) { s74 = max(s74, wf[0 + r75]); }
          pr7[0] = s74;
          sf[sbf + 33 + 0] = max(pr6[0], pr7[0]);
          sf[sbf + 34 + 0] = softmax_exp(pr6[0], sf[sbf + 33 + 0]);
        }
      }
      storageBarrier();
      {
        let e76 = lid;
        if (e76 < 32) {
          let e76_1 = e76 % 32;
          sf[sbf + 0 + e76_1] = softmax_exp(wf[0 + e76_1], sf[sbf + 33 + 0]);
        }
      }
      storageBarrier();
      {
        let e77 = lid;
        if (e77 < 1) {
          var s78: f32 = 0f;
          for (var r79: i32 = 0; r79 < 32; r79 = r79 + 1) { s78 = s78 + sf[sbf + 0 + r79]; }
          pr8[0] = s78;
          pr9[0] = (sf[sbf + 32 + 0] * sf[sbf + 34 + 0] + pr8[0]);
        }
      }
      workgroupBarrier();
      for (var j81: i32 = 0; j81 < 64; j81 = j81 + 1) {
        let e80 = lid + j81 * 64;
        let e80_0 = (e80 / 128);
        let e80_1 = e80 % 128;
        wf[0 + e80_0 * 128 + e80_1] = select(0f, rd7((v63 + e80_0 * 128i + e80_1)), e80_0 < v65);
      }
      workgroupBarrier();
      {
        pr1[0] = (pr0[0] * sf[sbf + 34 + 0]);
        pr1[1] = (pr0[1] * sf[sbf + 34 + 0]);
        for (var k84: i32 = 0; k84 < 32; k84 = k84 + 1) {
          let o85 = sf[sbf + 0 + k84];
          let o86 = wf[0 + k84 * 128 + (lid + 0)];
          let o87 = wf[0 + k84 * 128 + (lid + 64)];
          pr1[0] = pr1[0] + select(0f, o85 * o86, o85 != 0f);
          pr1[1] = pr1[1] + select(0f, o85 * o87, o85 != 0f);
        }
      }
      {
        let e88 = lid;
        if (e88 < 1) {
          pr6[0] = sf[sbf + 33 + 0];
          sf[sbf + 32 + 0] = pr9[0];
        }
      }
      for (var j90: i32 = 0; j90 < 2; j90 = j90 + 1) {
        let e89 = lid + j90 * 64;
        pr0[j90] = pr1[j90];
      }
      storageBarrier();
      workgroupBarrier();
    }
    for (var j92: i32 = 0; j92 < 2; j92 = j92 + 1) {
      let e91 = lid + j92 * 64;
      let e91_1 = e91 % 128;
      let a93 = v47 + 0 * 128i + e91_1 * 1i;
      if (a93 >= 0 && a93 < 1024) { sf[stf + 0 + a93] = select(div_rn(pr0[j92], sf[sbf + 32 + 0]), 0f, (sf[sbf + 32 + 0] == 0f)); }
    }
    storageBarrier();
    {
      let e94 = lid;
      if (e94 < 1) {
        let a95 = g46 + 0 * 1i + 0 * 1i;
        if (a95 >= 0 && a95 < 8) { sf[stf + 1024 + a95] = select((pr6[0] + log_nan(sf[sbf + 32 + 0])), neg_inf(), (sf[sbf + 32 + 0] == 0f)); }
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
  let v7: i32 = (p1 - 1i);
  let v8: i32 = (p0 * 4i);
  let n9 = max(0, p0 - 0i);
  let n10 = max(0, 16i - 0i);
  let n11 = max(0, 1i - 0i);
  let tasks = n9 * n10 * n11;
  let sbf = tasks * 1032 + wid * 35;
  let sbi = tasks * 1 + wid * 1;
  for (var item: i32 = wid; item < tasks; item = item + nwg) {
    let task = item;
    let stf = task * 1032;
    let sti = task * 1;
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
    {
      let e45 = lid;
      if (e45 < 1) {
        pr10[0] = neg_inf();
        wf[0 + 0] = 0f;
      }
    }
    for (var j47: i32 = 0; j47 < 2; j47 = j47 + 1) {
      let e46 = lid + j47 * 64;
      pr2[j47] = 0f;
    }
    workgroupBarrier();
    for (var i48: i32 = 0i; i48 < 8i; i48 = i48 + 1) {
      let v50: i32 = (i48 * 128i);
      {
        let e49 = lid;
        if (e49 < 1) {
          pr11[0] = max(pr10[0], select(0f, sf[stf + 1024 + clamp((i48 + 0 + 0), 0, 7)], (i48 + 0 + 0) >= 0 && (i48 + 0 + 0) < 8));
          wf[1 + 0] = softmax_exp(pr10[0], pr11[0]);
          wf[2 + 0] = softmax_exp(select(0f, sf[stf + 1024 + clamp((i48 + 0 + 0), 0, 7)], (i48 + 0 + 0) >= 0 && (i48 + 0 + 0) < 8), pr11[0]);
          pr12[0] = (wf[0 + 0] * wf[1 + 0] + wf[2 + 0]);
        }
      }
      workgroupBarrier();
      for (var j52: i32 = 0; j52 < 2; j52 = j52 + 1) {
        let e51 = lid + j52 * 64;
        let e51_1 = e51 % 128;
        pr3[j52] = (pr2[j52] * wf[1 + 0] + (select(0f, sf[stf + 0 + clamp((v50 + 0 * 128i + e51_1), 0, 1023)], (v50 + 0 * 128i + e51_1) >= 0 && (v50 + 0 * 128i + e51_1) < 1024) * wf[2 + 0]));
      }
      {
        let e53 = lid;
        if (e53 < 1) {
          pr10[0] = pr11[0];
          wf[0 + 0] = pr12[0];
        }
      }
      for (var j55: i32 = 0; j55 < 2; j55 = j55 + 1) {
        let e54 = lid + j55 * 64;
        pr2[j55] = pr3[j55];
      }
      storageBarrier();
      workgroupBarrier();
    }
    for (var j57: i32 = 0; j57 < 2; j57 = j57 + 1) {
      let e56 = lid + j57 * 64;
      let e56_1 = e56 % 128;
      let a58 = v41 + 0 * 128i + e56_1 * 1i;
      if (0 < v43) { if (a58 >= 0 && a58 < ol1) { put_half(u32(oo1 + (a58 >> 1u)), a58, bf16_bits(select(div_rn(pr2[j57], wf[0 + 0]), 0f, (wf[0 + 0] == 0f)))); } }
    }
    {
      let e59 = lid;
      if (e59 < 1) {
        let a60 = v40 + 0 * 1i + 0 * 1i;
        if (0 < v43) { if (a60 >= 0 && a60 < ol0) { atomicStore(&ob[u32(oo0 + a60)], bitcast<u32>(select((pr10[0] + log_nan(wf[0 + 0])), neg_inf(), (wf[0 + 0] == 0f)))); } }
      }
    }
    workgroupBarrier();
  }
}

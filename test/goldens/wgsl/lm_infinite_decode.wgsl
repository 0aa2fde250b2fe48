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
fn main(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>) {
  let lid = i32(lid_u);
  let wid = i32(wid_u.x);
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
  let sbf = wid * 520;
  let sbi = wid * 1;
  let v7: i32 = (p1 - 1i);
  let n8 = max(0, p0 - 0i);
  let n9 = max(0, 8i - 0i);
  let n10 = max(0, 1i - 0i);
  let tasks = n8 * n9 * n10;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
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
      let e33_1 = e33 % 64;
      wf[2080 + e33_1] = select(0f, rd4((v29 + 0 * 64i + e33_1)), 0 < v31);
    }
    workgroupBarrier();
    for (var i34: i32 = 0i; i34 < 8i; i34 = i34 + 1) {
      let v35: i32 = (i34 * 64i);
      let v36: i32 = (i34 * v27);
      let v37: i32 = (v22 + v36);
      let v38: i32 = (v37 + v27);
      let v39: i32 = min(v24, v38);
      {
        let e40 = lid;
        if (e40 < 1) {
          pr4[0] = neg_inf();
          wf[2208 + 0] = 0f;
        }
      }
      {
        let e41 = lid;
        let e41_1 = e41 % 64;
        wf[2144 + e41_1] = 0f;
      }
      workgroupBarrier();
      for (var i42: i32 = v37; i42 < v39; i42 = i42 + 1) {
        let v43: bool = gatherin1(i42, p5);
        let v44: i32 = gatherin2(i42, p5);
        let v45: i32 = (v44 * 32i);
        let v46: i32 = (v45 + 32i);
        let v47: bool = (v46 <= p1);
        let v48: bool = (v43 && v47);
        let v49: i32 = (v20 + v45);
        let v50: i32 = (v49 * 64i);
        let v51: i32 = (p1 - v45);
        let v52: i32 = min(32i, v51);
        for (var j54: i32 = 0; j54 < 32; j54 = j54 + 1) {
          let e53 = lid + j54 * 64;
          let e53_0 = (e53 / 64);
          let e53_1 = e53 % 64;
          wf[0 + e53_0 * 65 + e53_1] = select(0f, rd0((v50 + e53_0 * 64i + e53_1)), e53_0 < v52);
        }
        workgroupBarrier();
        {
          pr3[0] = 0f;
          for (var k57: i32 = 0; k57 < 64; k57 = k57 + 1) {
            let o58 = wf[2080 + k57];
            let o59 = wf[0 + ((select(31, lid + 0, lid + 0 < 32)) % 32) * 65 + k57];
            pr3[0] = pr3[0] + o58 * o59;
          }
        }
        if (v48) {
          workgroupBarrier();
          {
            let e60 = lid;
            if (e60 < 32) {
              let e60_1 = e60 % 32;
              wf[0 + e60_1] = (pr3[0] * 0.125f);
            }
          }
        } else {
          workgroupBarrier();
          {
            let e61 = lid;
            if (e61 < 32) {
              let e61_1 = e61 % 32;
              wf[0 + e61_1] = select(neg_inf(), (pr3[0] * 0.125f), ((((e61_1 + v45) <= (0 + v32)) && (((e61_1 + v45) < 10i) || (((0 + v32) - (e61_1 + v45)) < 96i))) && ((e61_1 + v45) < p1)));
            }
          }
        }
        workgroupBarrier();
        {
          let e62 = lid;
          if (e62 < 1) {
            var s63: f32 = neg_inf();
            for (var r64: i32 = 0; r64 < 32; r64 = r64 + 1) { s63 = max(s63, wf[0 + r64]); }
            pr5[0] = s63;
            wf[2209 + 0] = max(pr4[0], pr5[0]);
            wf[2210 + 0] = softmax_exp(pr4[0], wf[2209 + 0]);
          }
        }
        workgroupBarrier();
        {
          let e65 = lid;
          if (e65 < 32) {
            let e65_1 = e65 % 32;
            wf[2048 + e65_1] = softmax_exp(wf[0 + e65_1], wf[2209 + 0]);
          }
        }
        workgroupBarrier();
        {
          let e66 = lid;
          if (e66 < 1) {
            var s67: f32 = 0f;
            for (var r68: i32 = 0; r68 < 32; r68 = r68 + 1) { s67 = s67 + wf[2048 + r68]; }
            pr6[0] = s67;
            pr7[0] = (wf[2208 + 0] * wf[2210 + 0] + pr6[0]);
          }
        }
        for (var j70: i32 = 0; j70 < 32; j70 = j70 + 1) {
          let e69 = lid + j70 * 64;
          let e69_0 = (e69 / 64);
          let e69_1 = e69 % 64;
          wf[0 + e69_0 * 64 + e69_1] = select(0f, rd5((v50 + e69_0 * 64i + e69_1)), e69_0 < v52);
        }
        workgroupBarrier();
        {
          let dr71 = lid / 64;
          let dc72 = lid % 64;
          pr0[0] = (wf[2144 + dc72] * wf[2210 + 0]);
          for (var k73: i32 = 0; k73 < 32; k73 = k73 + 1) {
            let o74 = wf[2048 + k73];
            let o75 = wf[0 + k73 * 64 + dc72];
            pr0[0] = pr0[0] + select(0f, o74 * o75, o74 != 0f);
          }
        }
        {
          let e76 = lid;
          if (e76 < 1) {
            pr4[0] = wf[2209 + 0];
            wf[2208 + 0] = pr7[0];
          }
        }
        workgroupBarrier();
        {
          let e77 = lid;
          let e77_1 = e77 % 64;
          wf[2144 + e77_1] = pr0[0];
        }
        workgroupBarrier();
      }
      {
        let e78 = lid;
        let e78_1 = e78 % 64;
        let a79 = v35 + 0 * 64i + e78_1 * 1i;
        if (a79 >= 0 && a79 < 512) { sf[sbf + 0 + a79] = select(div_rn(wf[2144 + e78_1], wf[2208 + 0]), 0f, (wf[2208 + 0] == 0f)); }
      }
      {
        let e80 = lid;
        if (e80 < 1) {
          let a81 = i34 + 0 * 1i + 0 * 1i;
          if (a81 >= 0 && a81 < 8) { sf[sbf + 512 + a81] = select((pr4[0] + log_nan(wf[2208 + 0])), neg_inf(), (wf[2208 + 0] == 0f)); }
        }
      }
      storageBarrier();
      workgroupBarrier();
    }
    {
      let e82 = lid;
      if (e82 < 1) {
        pr8[0] = neg_inf();
        wf[0 + 0] = 0f;
      }
    }
    {
      let e83 = lid;
      pr1[0] = 0f;
    }
    workgroupBarrier();
    for (var i84: i32 = 0i; i84 < 8i; i84 = i84 + 1) {
      let v86: i32 = (i84 * 64i);
      {
        let e85 = lid;
        if (e85 < 1) {
          pr9[0] = max(pr8[0], select(0f, sf[sbf + 512 + clamp((i84 + 0 + 0), 0, 7)], (i84 + 0 + 0) >= 0 && (i84 + 0 + 0) < 8));
          wf[1 + 0] = softmax_exp(pr8[0], pr9[0]);
          wf[2 + 0] = softmax_exp(select(0f, sf[sbf + 512 + clamp((i84 + 0 + 0), 0, 7)], (i84 + 0 + 0) >= 0 && (i84 + 0 + 0) < 8), pr9[0]);
          pr10[0] = (wf[0 + 0] * wf[1 + 0] + wf[2 + 0]);
        }
      }
      workgroupBarrier();
      {
        let e87 = lid;
        let e87_1 = e87 % 64;
        pr2[0] = (pr1[0] * wf[1 + 0] + (select(0f, sf[sbf + 0 + clamp((v86 + 0 * 64i + e87_1), 0, 511)], (v86 + 0 * 64i + e87_1) >= 0 && (v86 + 0 * 64i + e87_1) < 512) * wf[2 + 0]));
      }
      {
        let e88 = lid;
        if (e88 < 1) {
          pr8[0] = pr9[0];
          wf[0 + 0] = pr10[0];
        }
      }
      {
        let e89 = lid;
        pr1[0] = pr2[0];
      }
      storageBarrier();
      workgroupBarrier();
    }
    {
      let e90 = lid;
      let e90_1 = e90 % 64;
      let a91 = v29 + 0 * 64i + e90_1 * 1i;
      if (0 < v31) { if (a91 >= 0 && a91 < ol1) { put_half(u32(oo1 + (a91 >> 1u)), a91, bf16_bits(select(div_rn(pr1[0], wf[0 + 0]), 0f, (wf[0 + 0] == 0f)))); } }
    }
    {
      let e92 = lid;
      if (e92 < 1) {
        let a93 = v28 + 0 * 1i + 0 * 1i;
        if (0 < v31) { if (a93 >= 0 && a93 < ol0) { atomicStore(&ob[u32(oo0 + a93)], bitcast<u32>(select((pr8[0] + log_nan(wf[0 + 0])), neg_inf(), (wf[0 + 0] == 0f)))); } }
      }
    }
    workgroupBarrier();
  }
}

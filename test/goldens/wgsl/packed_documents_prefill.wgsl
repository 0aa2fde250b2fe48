// sparsec: kernel packed_documents_prefill (generated; do not edit)
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
fn rd4(i: i32) -> i32 {
  if (i < 0 || i >= hdr(18u)) { return 0i; }
  let off = hdr(17u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin4(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd4(i);
}
fn rd5(i: i32) -> f32 {
  if (i < 0 || i >= hdr(20u)) { return 0f; }
  let off = hdr(19u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
fn rd2(i: i32) -> bool {
  if (i < 0 || i >= hdr(14u)) { return false; }
  let off = hdr(13u);
  return (ib[u32(off + i)] != 0u);
}
fn gatherin2(i: i32, len: i32) -> bool {
  if (i < 0 || i >= len) { return false; }
  return rd2(i);
}
fn rd3(i: i32) -> i32 {
  if (i < 0 || i >= hdr(16u)) { return 0i; }
  let off = hdr(15u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin3(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd3(i);
}
fn rd1(i: i32) -> f32 {
  if (i < 0 || i >= hdr(12u)) { return 0f; }
  let off = hdr(11u);
  return bitcast<f32>((ib[u32(off + (i >> 1u))] >> (16u * u32(i & 1))) << 16u);
}
fn rd0(i: i32) -> i32 {
  if (i < 0 || i >= hdr(10u)) { return 0i; }
  let off = hdr(9u);
  return bitcast<i32>(ib[u32(off + i)]);
}
fn gatherin0(i: i32, len: i32) -> i32 {
  if (i < 0 || i >= len) { return 0i; }
  return rd0(i);
}
fn rd6(i: i32) -> f32 {
  if (i < 0 || i >= hdr(22u)) { return 0f; }
  let off = hdr(21u);
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
  let p0 = hdr(1u); // batch
  let p1 = hdr(2u); // kv_len
  let p2 = hdr(3u); // plan.bmul
  let p3 = hdr(4u); // plan.hcount
  let p4 = hdr(5u); // plan.hmul
  let p5 = hdr(6u); // plan.len
  let p6 = hdr(7u); // plan.rows
  let p7 = hdr(8u); // q_len
  let oo0 = hdr(23u); // out
  let ol0 = hdr(24u);
  let sbf = wid * 1;
  let sbi = wid * 1;
  let v8: i32 = (p7 + 15i);
  let v9: i32 = floor_div(v8, 16i);
  let v10: i32 = (p1 - p7);
  let v11: i32 = (p0 * p1);
  let n12 = max(0, p0 - 0i);
  let n13 = max(0, 4i - 0i);
  let n14 = max(0, v9 - 0i);
  let tasks = n12 * n13 * n14;
  for (var task: i32 = wid; task < tasks; task = task + 64) {
    let g17 = 0i + (task / (n14 * n13));
    let g16 = 0i + (task / (n14)) % n13;
    let g15 = 0i + task % n14;
    let v18: i32 = (g17 * 4i);
    let v19: i32 = (g17 * p2);
    let v20: i32 = (v19 * p3);
    let v21: i32 = (g17 * 2i);
    let v22: bool = (g17 >= 0i);
    let v23: bool = (g17 < p0);
    let v24: bool = (v22 && v23);
    let v25: i32 = (g17 * p1);
    let v26: i32 = (v18 + g16);
    let v27: i32 = (v26 * p7);
    let v28: i32 = (g16 * p4);
    let v29: i32 = (v20 + v28);
    let v30: i32 = (v29 * v9);
    let v31: i32 = floor_div(g16, 2i);
    let v32: i32 = (v21 + v31);
    let v33: i32 = (v32 * p1);
    let v34: i32 = (g15 * 16i);
    let v35: i32 = (v27 + v34);
    let v36: i32 = (v35 * 64i);
    let v37: i32 = (p7 - v34);
    let v38: i32 = min(16i, v37);
    let v39: i32 = (v30 + g15);
    let v40: i32 = gatherin4(v39, p6);
    let v41: i32 = (v39 + 1i);
    let v42: i32 = gatherin4(v41, p6);
    let v43: i32 = (v34 + v10);
    for (var j45: i32 = 0; j45 < 16; j45 = j45 + 1) {
      let e44 = lid + j45 * 64;
      let e44_0 = (e44 / 64);
      let e44_1 = e44 % 64;
      wf[2080 + e44_0 * 64 + e44_1] = select(0f, rd5((v36 + e44_0 * 64i + e44_1)), e44_0 < v38);
    }
    {
      let e46 = lid;
      if (e46 < 16) {
        let e46_0 = e46;
        pr3[0] = neg_inf();
        wf[3616 + e46_0] = 0f;
      }
    }
    for (var j48: i32 = 0; j48 < 16; j48 = j48 + 1) {
      let e47 = lid + j48 * 64;
      pr0[j48] = 0f;
    }
    workgroupBarrier();
    for (var i49: i32 = v40; i49 < v42; i49 = i49 + 1) {
      let v50: bool = gatherin2(i49, p5);
      let v51: i32 = gatherin3(i49, p5);
      let v52: i32 = (v51 * 32i);
      let v53: i32 = (v52 + 32i);
      let v54: bool = (v53 <= p1);
      let v55: bool = (v50 && v54);
      let v56: i32 = (v33 + v52);
      let v57: i32 = (v56 * 64i);
      let v58: i32 = (p1 - v52);
      let v59: i32 = min(32i, v58);
      for (var j61: i32 = 0; j61 < 32; j61 = j61 + 1) {
        let e60 = lid + j61 * 64;
        let e60_0 = (e60 / 64);
        let e60_1 = e60 % 64;
        wf[0 + e60_0 * 65 + e60_1] = select(0f, rd1((v57 + e60_0 * 64i + e60_1)), e60_0 < v59);
      }
      workgroupBarrier();
      {
        let dr62 = lid / 32;
        let dc63 = lid % 32;
        pr2[0] = 0f;
        pr2[1] = 0f;
        pr2[2] = 0f;
        pr2[3] = 0f;
        pr2[4] = 0f;
        pr2[5] = 0f;
        pr2[6] = 0f;
        pr2[7] = 0f;
        for (var k64: i32 = 0; k64 < 64; k64 = k64 + 1) {
          let o65 = wf[2080 + (dr62 + 0) * 64 + k64];
          let o66 = wf[0 + dc63 * 65 + k64];
          let o67 = wf[2080 + (dr62 + 2) * 64 + k64];
          let o68 = wf[2080 + (dr62 + 4) * 64 + k64];
          let o69 = wf[2080 + (dr62 + 6) * 64 + k64];
          let o70 = wf[2080 + (dr62 + 8) * 64 + k64];
          let o71 = wf[2080 + (dr62 + 10) * 64 + k64];
          let o72 = wf[2080 + (dr62 + 12) * 64 + k64];
          let o73 = wf[2080 + (dr62 + 14) * 64 + k64];
          pr2[0] = pr2[0] + o65 * o66;
          pr2[1] = pr2[1] + o67 * o66;
          pr2[2] = pr2[2] + o68 * o66;
          pr2[3] = pr2[3] + o69 * o66;
          pr2[4] = pr2[4] + o70 * o66;
          pr2[5] = pr2[5] + o71 * o66;
          pr2[6] = pr2[6] + o72 * o66;
          pr2[7] = pr2[7] + o73 * o66;
        }
      }
      if (v55) {
        workgroupBarrier();
        for (var j75: i32 = 0; j75 < 8; j75 = j75 + 1) {
          let e74 = lid + j75 * 64;
          let e74_0 = (e74 / 32);
          let e74_1 = e74 % 32;
          wf[0 + e74_0 * 32 + e74_1] = (pr2[j75] * 0.125f);
        }
      } else {
        workgroupBarrier();
        for (var j77: i32 = 0; j77 < 8; j77 = j77 + 1) {
          let e76 = lid + j77 * 64;
          let e76_0 = (e76 / 32);
          let e76_1 = e76 % 32;
          wf[0 + e76_0 * 32 + e76_1] = select(neg_inf(), (pr2[j77] * 0.125f), ((((e76_1 + v52) <= (e76_0 + v43)) && (gatherin0(select((-1i), (v25 + (e76_0 + v43)), (v24 && (((e76_0 + v43) >= 0i) && ((e76_0 + v43) < p1)))), v11) == gatherin0(select((-1i), (v25 + (e76_1 + v52)), (v24 && (((e76_1 + v52) >= 0i) && ((e76_1 + v52) < p1)))), v11))) && ((e76_1 + v52) < p1)));
        }
      }
      workgroupBarrier();
      {
        let e78 = lid;
        if (e78 < 16) {
          let e78_0 = e78;
          var s79: f32 = neg_inf();
          for (var r80: i32 = 0; r80 < 32; r80 = r80 + 1) { s79 = max(s79, wf[0 + e78_0 * 32 + r80]); }
          pr4[0] = s79;
          wf[2048 + e78_0] = max(pr3[0], pr4[0]);
          wf[2064 + e78_0] = softmax_exp(pr3[0], wf[2048 + e78_0]);
        }
      }
      workgroupBarrier();
      for (var j82: i32 = 0; j82 < 8; j82 = j82 + 1) {
        let e81 = lid + j82 * 64;
        let e81_0 = (e81 / 32);
        let e81_1 = e81 % 32;
        wf[3104 + e81_0 * 32 + e81_1] = softmax_exp(wf[0 + e81_0 * 32 + e81_1], wf[2048 + e81_0]);
      }
      workgroupBarrier();
      {
        let e83 = lid;
        if (e83 < 16) {
          let e83_0 = e83;
          var s84: f32 = 0f;
          for (var r85: i32 = 0; r85 < 32; r85 = r85 + 1) { s84 = s84 + wf[3104 + e83_0 * 32 + r85]; }
          pr5[0] = s84;
          pr6[0] = (wf[3616 + e83_0] * wf[2064 + e83_0] + pr5[0]);
        }
      }
      for (var j87: i32 = 0; j87 < 32; j87 = j87 + 1) {
        let e86 = lid + j87 * 64;
        let e86_0 = (e86 / 64);
        let e86_1 = e86 % 64;
        wf[0 + e86_0 * 64 + e86_1] = select(0f, rd6((v57 + e86_0 * 64i + e86_1)), e86_0 < v59);
      }
      workgroupBarrier();
      {
        let dr88 = lid / 64;
        let dc89 = lid % 64;
        pr1[0] = (pr0[0] * wf[2064 + (dr88 + 0)]);
        pr1[1] = (pr0[1] * wf[2064 + (dr88 + 1)]);
        pr1[2] = (pr0[2] * wf[2064 + (dr88 + 2)]);
        pr1[3] = (pr0[3] * wf[2064 + (dr88 + 3)]);
        pr1[4] = (pr0[4] * wf[2064 + (dr88 + 4)]);
        pr1[5] = (pr0[5] * wf[2064 + (dr88 + 5)]);
        pr1[6] = (pr0[6] * wf[2064 + (dr88 + 6)]);
        pr1[7] = (pr0[7] * wf[2064 + (dr88 + 7)]);
        pr1[8] = (pr0[8] * wf[2064 + (dr88 + 8)]);
        pr1[9] = (pr0[9] * wf[2064 + (dr88 + 9)]);
        pr1[10] = (pr0[10] * wf[2064 + (dr88 + 10)]);
        pr1[11] = (pr0[11] * wf[2064 + (dr88 + 11)]);
        pr1[12] = (pr0[12] * wf[2064 + (dr88 + 12)]);
        pr1[13] = (pr0[13] * wf[2064 + (dr88 + 13)]);
        pr1[14] = (pr0[14] * wf[2064 + (dr88 + 14)]);
        pr1[15] = (pr0[15] * wf[2064 + (dr88 + 15)]);
        for (var k90: i32 = 0; k90 < 32; k90 = k90 + 1) {
          let o91 = wf[3104 + (dr88 + 0) * 32 + k90];
          let o92 = wf[0 + k90 * 64 + dc89];
          let o93 = wf[3104 + (dr88 + 1) * 32 + k90];
          let o94 = wf[3104 + (dr88 + 2) * 32 + k90];
          let o95 = wf[3104 + (dr88 + 3) * 32 + k90];
          let o96 = wf[3104 + (dr88 + 4) * 32 + k90];
          let o97 = wf[3104 + (dr88 + 5) * 32 + k90];
          let o98 = wf[3104 + (dr88 + 6) * 32 + k90];
          let o99 = wf[3104 + (dr88 + 7) * 32 + k90];
          let o100 = wf[3104 + (dr88 + 8) * 32 + k90];
          let o101 = wf[3104 + (dr88 + 9) * 32 + k90];
          let o102 = wf[3104 + (dr88 + 10) * 32 + k90];
          let o103 = wf[3104 + (dr88 + 11) * 32 + k90];
          let o104 = wf[3104 + (dr88 + 12) * 32 + k90];
          let o105 = wf[3104 + (dr88 + 13) * 32 + k90];
          let o106 = wf[3104 + (dr88 + 14) * 32 + k90];
          let o107 = wf[3104 + (dr88 + 15) * 32 + k90];
          pr1[0] = pr1[0] + select(0f, o91 * o92, o91 != 0f);
          pr1[1] = pr1[1] + select(0f, o93 * o92, o93 != 0f);
          pr1[2] = pr1[2] + select(0f, o94 * o92, o94 != 0f);
          pr1[3] = pr1[3] + select(0f, o95 * o92, o95 != 0f);
          pr1[4] = pr1[4] + select(0f, o96 * o92, o96 != 0f);
          pr1[5] = pr1[5] + select(0f, o97 * o92, o97 != 0f);
          pr1[6] = pr1[6] + select(0f, o98 * o92, o98 != 0f);
          pr1[7] = pr1[7] + select(0f, o99 * o92, o99 != 0f);
          pr1[8] = pr1[8] + select(0f, o100 * o92, o100 != 0f);
          pr1[9] = pr1[9] + select(0f, o101 * o92, o101 != 0f);
          pr1[10] = pr1[10] + select(0f, o102 * o92, o102 != 0f);
          pr1[11] = pr1[11] + select(0f, o103 * o92, o103 != 0f);
          pr1[12] = pr1[12] + select(0f, o104 * o92, o104 != 0f);
          pr1[13] = pr1[13] + select(0f, o105 * o92, o105 != 0f);
          pr1[14] = pr1[14] + select(0f, o106 * o92, o106 != 0f);
          pr1[15] = pr1[15] + select(0f, o107 * o92, o107 != 0f);
        }
      }
      {
        let e108 = lid;
        if (e108 < 16) {
          let e108_0 = e108;
          pr3[0] = wf[2048 + e108_0];
          wf[3616 + e108_0] = pr6[0];
        }
      }
      for (var j110: i32 = 0; j110 < 16; j110 = j110 + 1) {
        let e109 = lid + j110 * 64;
        pr0[j110] = pr1[j110];
      }
      workgroupBarrier();
    }
    for (var j112: i32 = 0; j112 < 16; j112 = j112 + 1) {
      let e111 = lid + j112 * 64;
      let e111_0 = (e111 / 64);
      let e111_1 = e111 % 64;
      let a113 = v36 + e111_0 * 64i + e111_1 * 1i;
      if (e111_0 < v38) { if (a113 >= 0 && a113 < ol0) { put_half(u32(oo0 + (a113 >> 1u)), a113, bf16_bits(select(div_rn(pr0[j112], wf[3616 + e111_0]), 0f, (wf[3616 + e111_0] == 0f)))); } }
    }
    workgroupBarrier();
  }
}

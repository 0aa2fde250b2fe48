void sparsec_g(uint8_t *sb, int32_t tid, int32_t nth, const float *restrict p0_bias, const float *restrict p1_w, const float *restrict p2_x, float *restrict p3_y) {
  int32_t work = 0;
  (void)sb; (void)tid; (void)nth; (void)work;
  float t0[64] __attribute__((aligned(16)));
  float32x4_t s1;
  int32_t v3;
  int32_t v4;
  int32_t v5;
  int32_t v6;
  int32_t v7;
  int32_t v8;
  int32_t v9;
  int32_t v10;
  int32_t v11;
  int32_t v12;
  int32_t v13;
  int32_t v14;
  float t15[64] __attribute__((aligned(16)));
  int32_t v16;
  int32_t v17;
  int32_t v18;
  int32_t v19;
  int32_t v20;
  float t21[512] __attribute__((aligned(16)));
  int32_t n23;
  int32_t o24;
  int32_t c25;
  int32_t v26;
  float t27[2048] __attribute__((aligned(16)));
  int32_t n29;
  int32_t o30;
  int32_t c31;
  float t32[64] __attribute__((aligned(16)));
  float32x4_t tacc34;
  float32x4_t tacc35;
  float32x4_t tacc36;
  float32x4_t tacc37;
  float32x4_t tacc38;
  float32x4_t tacc39;
  float32x4_t tacc40;
  float32x4_t tacc41;
  float32x4_t tacc42;
  float32x4_t tacc43;
  float32x4_t tacc44;
  float32x4_t tacc45;
  float32x4_t tacc46;
  float32x4_t tacc47;
  float32x4_t tacc48;
  float32x4_t tacc49;
  float32x4_t tb51;
  float32x4_t tb52;
  float32x4_t tb53;
  float32x4_t tb54;
  float32x4_t ta55;
  float32x4_t ta56;
  float32x4_t ta57;
  float32x4_t ta58;
  float t59[16] __attribute__((aligned(16)));
  int32_t n60;
  int32_t o61;
  int32_t c62;
  float t63[64] __attribute__((aligned(16)));
  float t66[64] __attribute__((aligned(16)));
  float32x4_t s67;
  int32_t n70;
  int32_t o71;
  int32_t c72;
  s1 = vdupq_n_f32(0.0f);
  for (int32_t j2 = 0; j2 < 64; j2 += 4) {
    vst1q_f32(&t0[j2], s1);
  }
  for (v3 = 0; v3 < 1; v3++) {
    v4 = (v3 * 4);
    v5 = (v4 * 16);
    v6 = (4 - v4);
    v7 = sx_imin(4, v6);
    v8 = (v4 * 32);
    for (v9 = 0; v9 < 1; v9++) {
      if (work++ % nth == tid) {
        v10 = (v9 * 16);
        v11 = (v5 + v10);
        v12 = (16 - v10);
        v13 = sx_imin(16, v12);
        v14 = (v10 * 32);
        memcpy(t15, t0, sizeof(t15));
        for (v16 = 0; v16 < 1; v16++) {
          v17 = (v16 * 128);
          v18 = (v8 + v17);
          v19 = (32 - v17);
          v20 = sx_imin(128, v19);
          for (int32_t r22 = 0; r22 < 4; r22 ++) {
            o24 = v18 + r22 * (32);
            n23 = (r22 < (v7)) ? sx_imax(0, sx_imin(128, (v20))) : 0;
            c25 = 0;
            for (; c25 + 4 <= n23; c25 += 4) {
              vst1q_f32(&t21[(r22) * 128 + c25], vld1q_f32(&p2_x[o24 + c25]));
            }
            for (; c25 < n23; c25++) {
              t21[(r22) * 128 + c25] = p2_x[o24 + c25];
            }
            for (; c25 < 128; c25++) {
              t21[(r22) * 128 + c25] = 0.0f;
            }
          }
          v26 = (v14 + v17);
          for (int32_t r28 = 0; r28 < 16; r28 ++) {
            o30 = v26 + r28 * (32);
            n29 = (r28 < (v13)) ? sx_imax(0, sx_imin(128, (v20))) : 0;
            c31 = 0;
            for (; c31 + 4 <= n29; c31 += 4) {
              vst1q_f32(&t27[(r28) * 128 + c31], vld1q_f32(&p1_w[o30 + c31]));
            }
            for (; c31 < n29; c31++) {
              t27[(r28) * 128 + c31] = p1_w[o30 + c31];
            }
            for (; c31 < 128; c31++) {
              t27[(r28) * 128 + c31] = 0.0f;
            }
          }
          for (int32_t tj33 = 0; tj33 < 16; tj33 += 4) {
            tacc34 = vdupq_n_f32(0.0f);
            tacc35 = vdupq_n_f32(0.0f);
            tacc36 = vdupq_n_f32(0.0f);
            tacc37 = vdupq_n_f32(0.0f);
            tacc38 = vdupq_n_f32(0.0f);
            tacc39 = vdupq_n_f32(0.0f);
            tacc40 = vdupq_n_f32(0.0f);
            tacc41 = vdupq_n_f32(0.0f);
            tacc42 = vdupq_n_f32(0.0f);
            tacc43 = vdupq_n_f32(0.0f);
            tacc44 = vdupq_n_f32(0.0f);
            tacc45 = vdupq_n_f32(0.0f);
            tacc46 = vdupq_n_f32(0.0f);
            tacc47 = vdupq_n_f32(0.0f);
            tacc48 = vdupq_n_f32(0.0f);
            tacc49 = vdupq_n_f32(0.0f);
            for (int32_t tk50 = 0; tk50 < 128; tk50 += 4) {
              tb51 = vld1q_f32(&t27[(tj33) * 128 + tk50]);
              tb52 = vld1q_f32(&t27[(tj33 + 1) * 128 + tk50]);
              tb53 = vld1q_f32(&t27[(tj33 + 2) * 128 + tk50]);
              tb54 = vld1q_f32(&t27[(tj33 + 3) * 128 + tk50]);
              ta55 = vld1q_f32(&t21[(0) * 128 + tk50]);
              tacc34 = vfmaq_f32(tacc34, ta55, tb51);
              tacc35 = vfmaq_f32(tacc35, ta55, tb52);
              tacc36 = vfmaq_f32(tacc36, ta55, tb53);
              tacc37 = vfmaq_f32(tacc37, ta55, tb54);
              ta56 = vld1q_f32(&t21[(1) * 128 + tk50]);
              tacc38 = vfmaq_f32(tacc38, ta56, tb51);
              tacc39 = vfmaq_f32(tacc39, ta56, tb52);
              tacc40 = vfmaq_f32(tacc40, ta56, tb53);
              tacc41 = vfmaq_f32(tacc41, ta56, tb54);
              ta57 = vld1q_f32(&t21[(2) * 128 + tk50]);
              tacc42 = vfmaq_f32(tacc42, ta57, tb51);
              tacc43 = vfmaq_f32(tacc43, ta57, tb52);
              tacc44 = vfmaq_f32(tacc44, ta57, tb53);
              tacc45 = vfmaq_f32(tacc45, ta57, tb54);
              ta58 = vld1q_f32(&t21[(3) * 128 + tk50]);
              tacc46 = vfmaq_f32(tacc46, ta58, tb51);
              tacc47 = vfmaq_f32(tacc47, ta58, tb52);
              tacc48 = vfmaq_f32(tacc48, ta58, tb53);
              tacc49 = vfmaq_f32(tacc49, ta58, tb54);
            }
            vst1q_f32(&t32[(0) * 16 + tj33], vaddq_f32(vld1q_f32(&t15[(0) * 16 + tj33]), vpaddq_f32(vpaddq_f32(tacc34, tacc35), vpaddq_f32(tacc36, tacc37))));
            vst1q_f32(&t32[(1) * 16 + tj33], vaddq_f32(vld1q_f32(&t15[(1) * 16 + tj33]), vpaddq_f32(vpaddq_f32(tacc38, tacc39), vpaddq_f32(tacc40, tacc41))));
            vst1q_f32(&t32[(2) * 16 + tj33], vaddq_f32(vld1q_f32(&t15[(2) * 16 + tj33]), vpaddq_f32(vpaddq_f32(tacc42, tacc43), vpaddq_f32(tacc44, tacc45))));
            vst1q_f32(&t32[(3) * 16 + tj33], vaddq_f32(vld1q_f32(&t15[(3) * 16 + tj33]), vpaddq_f32(vpaddq_f32(tacc46, tacc47), vpaddq_f32(tacc48, tacc49))));
          }
          memcpy(t15, t32, sizeof(t15));
        }
        o61 = v10 + 0 * (0);
        n60 = (0 < (1)) ? sx_imax(0, sx_imin(16, (v13))) : 0;
        c62 = 0;
        for (; c62 + 4 <= n60; c62 += 4) {
          vst1q_f32(&t59[0 + c62], vld1q_f32(&p0_bias[o61 + c62]));
        }
        for (; c62 < n60; c62++) {
          t59[0 + c62] = p0_bias[o61 + c62];
        }
        for (; c62 < 16; c62++) {
          t59[0 + c62] = 0.0f;
        }
        for (int32_t r64 = 0; r64 < 4; r64 ++) {
          for (int32_t j65 = 0; j65 < 16; j65 += 4) {
            vst1q_f32(&t63[(r64) * 16 + j65], vaddq_f32(vld1q_f32(&t15[(r64) * 16 + j65]), vld1q_f32(&t59[j65])));
          }
        }
        s67 = vdupq_n_f32(0.0f);
        for (int32_t j68 = 0; j68 < 64; j68 += 4) {
          vst1q_f32(&t66[j68], vmaxq_f32(vld1q_f32(&t63[j68]), s67));
        }
        for (int32_t r69 = 0; r69 < 4; r69 ++) {
          o71 = v11 + r69 * (16);
          n70 = (r69 < (v7)) ? sx_imax(0, sx_imin(16, (v13))) : 0;
          c72 = 0;
          for (; c72 + 4 <= n70; c72 += 4) {
            vst1q_f32(&p3_y[o71 + c72], vld1q_f32(&t66[(r69) * 16 + c72]));
          }
          for (; c72 < n70; c72++) {
            p3_y[o71 + c72] = t66[(r69) * 16 + c72];
          }
        }
      }
    }
  }
}

void sparsec_g_call(uint8_t *sb, int32_t tid, int32_t nth, void *const *bufs, const int32_t *ints) {
  (void)bufs; (void)ints;
  sparsec_g(sb, tid, nth, (const float *)bufs[0], (const float *)bufs[1], (const float *)bufs[2], (float *)bufs[3]);
}

/* ---- header ---- */
/* g: generated by sparsec for ARM NEON. */
#ifndef SPARSEC_SPARSEC_G_H
#define SPARSEC_SPARSEC_G_H
#include <stdint.h>
/*
 * sparsec_g(sb, tid, nth, ...): runs the share of thread tid of nth (work loops round-robin); call it once per
 * thread with its own 0 bytes of 16-byte aligned scratch at sb. Arguments after nth, in order:
 *   const float *bias: f32 buffer
 *   const float *w: f32 buffer
 *   const float *x: f32 buffer
 *   float *y: f32 buffer, written
 * Buffers hold row-major arrays as the wasm ABI lays them out (f16 / bf16 as 16-bit words).
 */
/* The same with arguments by position (buffers in bufs[j], sizes in ints[j]): what the node addon calls. */
void sparsec_g_call(uint8_t *sb, int32_t tid, int32_t nth, void *const *bufs, const int32_t *ints);
void sparsec_g(uint8_t *sb, int32_t tid, int32_t nth, const float *bias, const float *w, const float *x, float *y);
#endif

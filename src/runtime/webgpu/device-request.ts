/// <reference types="@webgpu/types" preserve="true" />
/**
 * @file What sparsec asks an adapter for, in Node (Dawn) and in a page alike: the optional features WGSL variants
 * may require, and the adapter's own limits for buffer sizes and workgroup memory.
 */

/** Features a device is asked for when the adapter has them (variants may require them; timestamps time benches). */
export const WANTED_FEATURES: readonly GPUFeatureName[] = ['shader-f16', 'subgroups', 'timestamp-query'];

/** The device descriptor for `adapter`: every wanted feature it has, its largest buffers and workgroup memory. */
export function deviceDescriptor(adapter: GPUAdapter): GPUDeviceDescriptor {
  const lim = adapter.limits;
  return {
    requiredFeatures: WANTED_FEATURES.filter((f) => adapter.features.has(f)),
    requiredLimits: {
      maxStorageBufferBindingSize: lim.maxStorageBufferBindingSize,
      maxBufferSize: lim.maxBufferSize,
      maxComputeWorkgroupStorageSize: lim.maxComputeWorkgroupStorageSize,
    },
  };
}

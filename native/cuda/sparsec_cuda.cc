// @file The Node addon behind load('cuda'): loads the CUDA driver (libcuda.so.1) with dlopen when a kernel is
// loaded, so neither building nor importing it needs CUDA; open() names what is missing (driver library, an
// entry point, cuInit's error, no device). run() takes a packed launch (the emulated runner's format: header,
// buffers with their initial contents, scalars), copies it to the device, launches the kernel from the cubin
// and returns the output buffers' bytes. Kernels take (per buffer: pointer, length; scalars; float scratch,
// int scratch).
#include <dlfcn.h>
#include <napi.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace {

typedef int CUresult;
typedef int CUdevice;
typedef void *CUcontext;
typedef void *CUmodule;
typedef void *CUfunction;
typedef unsigned long long CUdeviceptr;

struct Driver {
  void *lib = nullptr;
  CUresult (*cuInit)(unsigned);
  CUresult (*cuDeviceGetCount)(int *);
  CUresult (*cuDeviceGet)(CUdevice *, int);
  CUresult (*cuDeviceGetName)(char *, int, CUdevice);
  CUresult (*cuDeviceGetAttribute)(int *, int, CUdevice);
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext *, CUdevice);
  CUresult (*cuCtxSetCurrent)(CUcontext);
  CUresult (*cuModuleLoadData)(CUmodule *, const void *);
  CUresult (*cuModuleGetFunction)(CUfunction *, CUmodule, const char *);
  CUresult (*cuModuleUnload)(CUmodule);
  CUresult (*cuMemAlloc)(CUdeviceptr *, size_t);
  CUresult (*cuMemFree)(CUdeviceptr);
  CUresult (*cuMemcpyHtoD)(CUdeviceptr, const void *, size_t);
  CUresult (*cuMemcpyDtoH)(void *, CUdeviceptr, size_t);
  CUresult (*cuMemsetD8)(CUdeviceptr, unsigned char, size_t);
  CUresult (*cuLaunchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, void *, void **, void **);
  CUresult (*cuCtxSynchronize)();
  CUresult (*cuGetErrorString)(CUresult, const char **);
  CUcontext ctx = nullptr;
};

Driver driver;

const int kAttrMajor = 75, kAttrMinor = 76, kAttrMultiprocessors = 16;

std::string errorText(CUresult r) {
  const char *s = nullptr;
  if (driver.cuGetErrorString && driver.cuGetErrorString(r, &s) == 0 && s) return std::string(s) + " (" + std::to_string(r) + ")";
  return "CUDA error " + std::to_string(r);
}

void check(Napi::Env env, CUresult r, const char *what) {
  if (r != 0) throw Napi::Error::New(env, std::string("cuda: ") + what + " failed: " + errorText(r));
}

template <typename F> void bind(Napi::Env env, F &f, const char *name) {
  f = reinterpret_cast<F>(dlsym(driver.lib, name));
  if (!f) throw Napi::Error::New(env, std::string("cuda: the driver library has no entry point ") + name + " (driver too old?)");
}

void loadDriver(Napi::Env env) {
  if (driver.lib) return;
  void *lib = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  const char *first = lib ? nullptr : dlerror();
  const std::string why = first ? first : "not found";
  if (!lib) lib = dlopen("libcuda.so", RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    throw Napi::Error::New(env, std::string("cuda: the NVIDIA driver library libcuda.so.1 could not be loaded (") + why +
                                    "): this machine has no NVIDIA driver, so no GPU can run CUDA kernels; use verify --target cuda for the emulation");
  }
  driver.lib = lib;
  bind(env, driver.cuInit, "cuInit");
  bind(env, driver.cuDeviceGetCount, "cuDeviceGetCount");
  bind(env, driver.cuDeviceGet, "cuDeviceGet");
  bind(env, driver.cuDeviceGetName, "cuDeviceGetName");
  bind(env, driver.cuDeviceGetAttribute, "cuDeviceGetAttribute");
  bind(env, driver.cuDevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain");
  bind(env, driver.cuCtxSetCurrent, "cuCtxSetCurrent");
  bind(env, driver.cuModuleLoadData, "cuModuleLoadData");
  bind(env, driver.cuModuleGetFunction, "cuModuleGetFunction");
  bind(env, driver.cuModuleUnload, "cuModuleUnload");
  bind(env, driver.cuMemAlloc, "cuMemAlloc_v2");
  bind(env, driver.cuMemFree, "cuMemFree_v2");
  bind(env, driver.cuMemcpyHtoD, "cuMemcpyHtoD_v2");
  bind(env, driver.cuMemcpyDtoH, "cuMemcpyDtoH_v2");
  bind(env, driver.cuMemsetD8, "cuMemsetD8_v2");
  bind(env, driver.cuLaunchKernel, "cuLaunchKernel");
  bind(env, driver.cuCtxSynchronize, "cuCtxSynchronize");
  bind(env, driver.cuGetErrorString, "cuGetErrorString");
}

Napi::Value Open(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  const int ordinal = info.Length() > 0 ? info[0].As<Napi::Number>().Int32Value() : 0;
  loadDriver(env);
  const CUresult init = driver.cuInit(0);
  if (init != 0) throw Napi::Error::New(env, "cuda: cuInit failed: " + errorText(init) + " (the driver is installed but no usable GPU was found)");
  int count = 0;
  check(env, driver.cuDeviceGetCount(&count), "cuDeviceGetCount");
  if (ordinal < 0 || ordinal >= count) throw Napi::Error::New(env, "cuda: no CUDA device " + std::to_string(ordinal) + " (" + std::to_string(count) + " found)");
  CUdevice dev;
  check(env, driver.cuDeviceGet(&dev, ordinal), "cuDeviceGet");
  char name[256] = {0};
  check(env, driver.cuDeviceGetName(name, sizeof name, dev), "cuDeviceGetName");
  int major = 0, minor = 0, sms = 0;
  check(env, driver.cuDeviceGetAttribute(&major, kAttrMajor, dev), "cuDeviceGetAttribute");
  check(env, driver.cuDeviceGetAttribute(&minor, kAttrMinor, dev), "cuDeviceGetAttribute");
  check(env, driver.cuDeviceGetAttribute(&sms, kAttrMultiprocessors, dev), "cuDeviceGetAttribute");
  check(env, driver.cuDevicePrimaryCtxRetain(&driver.ctx, dev), "cuDevicePrimaryCtxRetain");
  check(env, driver.cuCtxSetCurrent(driver.ctx), "cuCtxSetCurrent");
  Napi::Object out = Napi::Object::New(env);
  out.Set("name", name);
  out.Set("major", major);
  out.Set("minor", minor);
  out.Set("multiprocessors", sms);
  return out;
}

struct Reader {
  const uint8_t *p;
  size_t left;
  int32_t i32(Napi::Env env) {
    if (left < 4) throw Napi::Error::New(env, "cuda: truncated packed launch");
    int32_t v;
    std::memcpy(&v, p, 4);
    p += 4;
    left -= 4;
    return v;
  }
};

Napi::Value Run(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  if (!driver.ctx) throw Napi::Error::New(env, "cuda: open() a device before run()");
  auto cubin = info[0].As<Napi::Uint8Array>();
  const std::string entry = info[1].As<Napi::String>();
  const unsigned threads = info[2].As<Napi::Number>().Uint32Value();
  const size_t workspaceBytes = (size_t)info[3].As<Napi::Number>().Int64Value();
  const size_t floatsPerBlock = (size_t)info[4].As<Napi::Number>().Int64Value();
  auto packed = info[5].As<Napi::Uint8Array>();
  std::vector<uint8_t> image(cubin.Data(), cubin.Data() + cubin.ByteLength());
  CUmodule module;
  check(env, driver.cuModuleLoadData(&module, image.data()), "cuModuleLoadData");
  CUfunction fn;
  check(env, driver.cuModuleGetFunction(&fn, module, entry.c_str()), "cuModuleGetFunction");
  Reader r{packed.Data(), packed.ByteLength()};
  const int nbuf = r.i32(env), nscalar = r.i32(env), blocks = r.i32(env);
  std::vector<CUdeviceptr> ptrs(nbuf);
  std::vector<int32_t> lengths(nbuf), outputs(nbuf), scalars(nscalar);
  std::vector<size_t> bytes(nbuf);
  std::vector<CUdeviceptr> owned;
  for (int i = 0; i < nbuf; i++) {
    outputs[i] = r.i32(env);
    lengths[i] = r.i32(env);
    bytes[i] = (size_t)lengths[i] * (size_t)r.i32(env);
    if (r.left < bytes[i]) throw Napi::Error::New(env, "cuda: truncated packed buffer");
    check(env, driver.cuMemAlloc(&ptrs[i], bytes[i] + 16), "cuMemAlloc");
    owned.push_back(ptrs[i]);
    if (bytes[i] > 0) check(env, driver.cuMemcpyHtoD(ptrs[i], r.p, bytes[i]), "cuMemcpyHtoD");
    r.p += bytes[i];
    r.left -= bytes[i];
  }
  for (int j = 0; j < nscalar; j++) scalars[j] = r.i32(env);
  CUdeviceptr workspace;
  check(env, driver.cuMemAlloc(&workspace, workspaceBytes + 16), "cuMemAlloc");
  owned.push_back(workspace);
  CUdeviceptr sf = workspace, si = workspace + (CUdeviceptr)(4 * floatsPerBlock * (size_t)blocks);
  std::vector<void *> args;
  for (int i = 0; i < nbuf; i++) {
    args.push_back(&ptrs[i]);
    args.push_back(&lengths[i]);
  }
  for (int j = 0; j < nscalar; j++) args.push_back(&scalars[j]);
  args.push_back(&sf);
  args.push_back(&si);
  check(env, driver.cuLaunchKernel(fn, (unsigned)blocks, 1, 1, threads, 1, 1, 0, nullptr, args.data(), nullptr), "cuLaunchKernel");
  check(env, driver.cuCtxSynchronize(), "the kernel run");
  size_t total = 0;
  for (int i = 0; i < nbuf; i++) if (outputs[i]) total += bytes[i];
  Napi::Uint8Array out = Napi::Uint8Array::New(env, total);
  size_t at = 0;
  for (int i = 0; i < nbuf; i++) {
    if (!outputs[i]) continue;
    if (bytes[i] > 0) check(env, driver.cuMemcpyDtoH(out.Data() + at, ptrs[i], bytes[i]), "cuMemcpyDtoH");
    at += bytes[i];
  }
  for (CUdeviceptr p : owned) driver.cuMemFree(p);
  driver.cuModuleUnload(module);
  return out;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("open", Napi::Function::New(env, Open));
  exports.Set("run", Napi::Function::New(env, Run));
  return exports;
}

}  // namespace

NODE_API_MODULE(sparsec_cuda, Init)

// @file The neon node addon: opens a kernel's shared library (built by `sparsec build --target neon` from its
// NEON C: arm_neon.h on arm64, SIMDe on other hosts), and runs its uniform entry point
// `<fn>_call(sb, tid, nth, bufs, ints)` on std::threads, with typed arrays passed without copies.
#include <napi.h>
#include <dlfcn.h>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

using CallFn = void (*)(uint8_t *, int32_t, int32_t, void *const *, const int32_t *);

// open(path, symbol) -> External handle of the entry point (the library stays open for the process).
Napi::Value Open(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsString() || !info[1].IsString()) {
    Napi::TypeError::New(env, "open(path, symbol) needs two strings").ThrowAsJavaScriptException();
    return env.Null();
  }
  std::string path = info[0].As<Napi::String>();
  std::string symbol = info[1].As<Napi::String>();
  void *lib = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    Napi::Error::New(env, std::string("neon addon: cannot open ") + path + ": " + dlerror()).ThrowAsJavaScriptException();
    return env.Null();
  }
  void *fn = dlsym(lib, symbol.c_str());
  if (!fn) {
    Napi::Error::New(env, std::string("neon addon: ") + path + " has no symbol " + symbol).ThrowAsJavaScriptException();
    return env.Null();
  }
  return Napi::External<void>::New(env, fn);
}

// run(handle, threads, scratchBytes, buffers: TypedArray[], ints: Int32Array): runs every thread's share.
Napi::Value Run(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  if (info.Length() < 5 || !info[0].IsExternal() || !info[1].IsNumber() || !info[2].IsNumber() || !info[3].IsArray() || !info[4].IsTypedArray()) {
    Napi::TypeError::New(env, "run(handle, threads, scratchBytes, buffers, ints)").ThrowAsJavaScriptException();
    return env.Null();
  }
  auto fn = reinterpret_cast<CallFn>(info[0].As<Napi::External<void>>().Data());
  int32_t nth = std::max(1, info[1].As<Napi::Number>().Int32Value());
  size_t per = (static_cast<size_t>(std::max(0, info[2].As<Napi::Number>().Int32Value())) + 63) / 64 * 64;
  Napi::Array arrays = info[3].As<Napi::Array>();
  std::vector<void *> bufs(arrays.Length() + 1, nullptr);
  for (uint32_t i = 0; i < arrays.Length(); i++) {
    Napi::Value v = arrays.Get(i);
    if (!v.IsTypedArray()) {
      Napi::TypeError::New(env, "neon addon: every buffer must be a typed array").ThrowAsJavaScriptException();
      return env.Null();
    }
    Napi::TypedArray t = v.As<Napi::TypedArray>();
    bufs[i] = static_cast<uint8_t *>(t.ArrayBuffer().Data()) + t.ByteOffset();
  }
  Napi::Int32Array ints = info[4].As<Napi::Int32Array>();
  uint8_t *scratch = static_cast<uint8_t *>(std::aligned_alloc(64, per * nth + 64));
  if (nth == 1) {
    fn(scratch, 0, 1, bufs.data(), ints.Data());
  } else {
    std::vector<std::thread> threads;
    for (int32_t t = 0; t < nth; t++) threads.emplace_back(fn, scratch + per * t, t, nth, bufs.data(), ints.Data());
    for (auto &th : threads) th.join();
  }
  std::free(scratch);
  return env.Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("open", Napi::Function::New(env, Open));
  exports.Set("run", Napi::Function::New(env, Run));
  return exports;
}

}  // namespace

NODE_API_MODULE(sparsec_neon, Init)

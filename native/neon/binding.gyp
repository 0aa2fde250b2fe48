{
  "targets": [
    {
      "target_name": "sparsec_neon",
      "sources": ["addon.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
      "cflags_cc": ["-std=c++17", "-O2"],
      "libraries": ["-ldl", "-lpthread"]
    }
  ]
}

// Loads a PTX file the way a kernel library's loader does: through the driver (cuModuleLoadDataEx,
// with the JIT's error log) or through the runtime (cudaLibraryLoadData), then looks up the kernel.
// Usage: ptx_load driver|runtime <file.ptx> <kernel name>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <cuda.h>
#include <cuda_runtime.h>

static int driver(const std::string& ptx, const char* name) {
  CUdevice dev;
  CUcontext ctx;
  cuInit(0);
  cuDeviceGet(&dev, 0);
  cuDevicePrimaryCtxRetain(&ctx, dev);
  cuCtxSetCurrent(ctx);
  char info[8192] = {0}, err[8192] = {0};
  CUjit_option opts[] = {CU_JIT_INFO_LOG_BUFFER, CU_JIT_INFO_LOG_BUFFER_SIZE_BYTES, CU_JIT_ERROR_LOG_BUFFER,
                         CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES, CU_JIT_LOG_VERBOSE};
  void* vals[] = {info, (void*)(size_t)sizeof(info), err, (void*)(size_t)sizeof(err), (void*)(size_t)1};
  CUmodule mod;
  CUresult r = cuModuleLoadDataEx(&mod, ptx.c_str(), 5, opts, vals);
  if (r != CUDA_SUCCESS) {
    const char *ename = nullptr, *estr = nullptr;
    cuGetErrorName(r, &ename);
    cuGetErrorString(r, &estr);
    fprintf(stderr, "cuModuleLoadDataEx failed: %s (%d): %s\n", ename, (int)r, estr);
    if (err[0]) fprintf(stderr, "JIT error log:\n%s\n", err);
    if (info[0]) fprintf(stderr, "JIT info log:\n%s\n", info);
    return 1;
  }
  CUfunction f;
  r = cuModuleGetFunction(&f, mod, name);
  printf("loaded %s: %s\n", name, r == CUDA_SUCCESS ? "ok" : "not found");
  return r == CUDA_SUCCESS ? 0 : 1;
}

static int runtime(const std::string& ptx, const char* name) {
  cudaLibrary_t lib;
  cudaError_t e = cudaLibraryLoadData(&lib, ptx.c_str(), nullptr, nullptr, 0, nullptr, nullptr, 0);
  if (e != cudaSuccess) {
    fprintf(stderr, "CUDA error: %s (%s) while loading the kernel library\n", cudaGetErrorString(e), cudaGetErrorName(e));
    return 1;
  }
  cudaKernel_t k;
  e = cudaLibraryGetKernel(&k, lib, name);
  if (e != cudaSuccess) {
    fprintf(stderr, "CUDA error: %s (%s) while looking up %s\n", cudaGetErrorString(e), cudaGetErrorName(e), name);
    return 1;
  }
  printf("loaded %s: ok\n", name);
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s driver|runtime <file.ptx> <kernel>\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[2]);
  std::stringstream ss;
  ss << in.rdbuf();
  printf("ptx_load: %s loading %s (%zu bytes) for kernel %s\n", argv[1], argv[2], ss.str().size(), argv[3]);
  return strcmp(argv[1], "driver") == 0 ? driver(ss.str(), argv[3]) : runtime(ss.str(), argv[3]);
}

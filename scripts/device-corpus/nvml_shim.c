// libnvidia-ml.so.1 stand-in: forwards every NVML entry PyTorch's DriverAPI looks up to the real library, except
// nvmlDeviceGetComputeRunningProcesses*, which fails (NVML_ERROR_UNKNOWN = 999), as NVML does in some containers.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
static void *real;
#define FWD(name) __attribute__((used)) static void *p_##name; __attribute__((naked)) void name(void) { __asm__ volatile("jmp *p_" #name "(%rip)"); }
#include "fwd.h"
#define FAIL(name) int name(void *d, unsigned int *n, void *p) { (void)d; (void)n; (void)p; return 999; }
FAIL(nvmlDeviceGetComputeRunningProcesses)
FAIL(nvmlDeviceGetComputeRunningProcesses_v2)
FAIL(nvmlDeviceGetComputeRunningProcesses_v3)
__attribute__((constructor)) static void init(void) {
  real = dlopen(getenv("REAL_NVML"), RTLD_NOW | RTLD_LOCAL);
  if (!real) { fprintf(stderr, "shim: %s\n", dlerror()); abort(); }
#undef FWD
#define FWD(name) p_##name = dlsym(real, #name);
#include "fwd.h"
}

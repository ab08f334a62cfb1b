// A small RMSNorm kernel, as an engine's custom-op library would ship it. Built here for a GPU
// other than the H200 (sm_80 SASS only, no PTX) to produce "no kernel image" on the H200 (sm_90).
#include <cstdio>
#include <cuda_runtime.h>

extern "C" __global__ void rms_norm_kernel(float* out, const float* in, const float* weight, int hidden, float eps) {
  const float* row = in + (size_t)blockIdx.x * hidden;
  __shared__ float total;
  if (threadIdx.x == 0) total = 0.f;
  __syncthreads();
  float sum = 0.f;
  for (int i = threadIdx.x; i < hidden; i += blockDim.x) sum += row[i] * row[i];
  atomicAdd(&total, sum);
  __syncthreads();
  float scale = rsqrtf(total / hidden + eps);
  for (int i = threadIdx.x; i < hidden; i += blockDim.x) out[(size_t)blockIdx.x * hidden + i] = row[i] * scale * weight[i];
}

#ifndef NO_MAIN
#define CHECK(call)                                                                                   \
  do {                                                                                                \
    cudaError_t e_ = (call);                                                                          \
    if (e_ != cudaSuccess) {                                                                          \
      fprintf(stderr, "CUDA error %s (%d) at %s:%d: %s\n", cudaGetErrorName(e_), (int)e_, __FILE__, __LINE__, \
              cudaGetErrorString(e_));                                                                \
      return 1;                                                                                       \
    }                                                                                                 \
  } while (0)

int main() {
  cudaDeviceProp p;
  CHECK(cudaGetDeviceProperties(&p, 0));
  printf("rms_norm: device 0 is %s, compute capability %d.%d\n", p.name, p.major, p.minor);
  const int rows = 16, hidden = 4096;
  float *in, *out, *w;
  CHECK(cudaMalloc(&in, sizeof(float) * rows * hidden));
  CHECK(cudaMalloc(&out, sizeof(float) * rows * hidden));
  CHECK(cudaMalloc(&w, sizeof(float) * hidden));
  CHECK(cudaMemset(in, 0, sizeof(float) * rows * hidden));
  CHECK(cudaMemset(w, 0, sizeof(float) * hidden));
  printf("rms_norm: launching %d blocks x 256 threads\n", rows);
  rms_norm_kernel<<<rows, 256>>>(out, in, w, hidden, 1e-6f);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  printf("rms_norm: done\n");
  return 0;
}
#endif

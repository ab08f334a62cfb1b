// Messages of NVSHMEM (NVIDIA/nvshmem), the GPU-initiated communication library under DeepEP's expert-parallel
// all-to-all (SGLang's and vLLM's DeepEP backends): its transports connect the GPUs of all ranks (over InfiniBand
// verbs: ibrc, ibdevx, ibgda) at init, and a connection that cannot be set up stops the collective communication
// the guide calls `nccl` ("NCCL / collective communication failed", "GPUs that cannot reach each other").
// NVSHMEM reports an error bare on stderr, with no logger level: its NVSHMEMI_NZ_ERROR_JMP macro writes
// "<__FILE__>:<__LINE__>: non-zero status: <status> " and then the call site's message
// (v3.4.5-0:src/include/non_abi/nvshmemx_error.h:113-121), and each caller up the stack that fails in turn writes
// its own line the same way (ibv_modify_qp → ep_connect → transport create connect → connect EPS → nvshmem setup
// connections). Read at NVIDIA/nvshmem v3.4.5-0.
import { nccl, type UpstreamMessage } from './types.ts';

/** NVIDIA/nvshmem's release tag whose sources are read. */
const NVSHMEM = 'v3.4.5-0';

export const NVSHMEM_MESSAGES: readonly UpstreamMessage[] = [
  // DeepEP asserting on an NVSHMEM call's result as it sets up its buffer (EP_HOST_ASSERT throws "Failed: Assertion error
  // <file>:<line> '<condition>'": deepseek-ai/DeepEP ebfe47e46fa86a5b41be96c326a92f62ed6721da:csrc/kernels/exception.cuh:18,35-39), as
  // when the ranks' RDMA team could not be split off NVSHMEM's world team (csrc/kernels/runtime.cu:75-77): NVSHMEM failed between the ranks
  nccl("DeepEP: an NVSHMEM call it asserts on failed as it set up communication between the ranks",
    /\bAssertion error \S{1,300}:\d+ 'nvshmem\w{0,40}\(/,
    "RuntimeError: Failed: Assertion error /DeepEP/csrc/kernels/runtime.cu:56 'nvshmem_team_split_strided(NVSHMEM_TEAM_WORLD, rank % NUM_MAX_NVL_PEERS, NUM_MAX_NVL_PEERS, num_ranks / NUM_MAX_NVL_PEERS, &cpu_rdma_team_config, 0, &cpu_rdma_team) == 0'",
    'ebfe47e46fa86a5b41be96c326a92f62ed6721da:csrc/kernels/runtime.cu:75-77'),
  // an InfiniBand verbs call of an IB transport failed (modify_qp moving the queue pair to RTR/RTS towards its peer,
  // and ibv_alloc_pd, ibv_query_device, ibv_create_srq… in ibdevx/ibgda/transport_ib_common.cpp): the message is the verb's name
  nccl('NVSHMEM: an InfiniBand verbs call of its IB transport failed (the GPUs could not be connected over InfiniBand)', /\bibv_[a-z_]{3,40} failed\b/,
    '/sgl-workspace/nvshmem/src/modules/transport/ibrc/ibrc.cpp:418: non-zero status: 22 ibv_modify_qp failed', `${NVSHMEM}:src/modules/transport/ibrc/ibrc.cpp:427`),
  // … relayed up the stack: the endpoint's connection, the transport's connections to every peer, the host's connect of
  // all transports, and NVSHMEM's init that set them up
  nccl('NVSHMEM: connecting a transport endpoint to its peer failed', /\bep_connect failed\b/,
    '/sgl-workspace/nvshmem/src/modules/transport/ibrc/ibrc.cpp:1433: non-zero status: 7 ep_connect failed', `${NVSHMEM}:src/modules/transport/ibrc/ibrc.cpp:488`),
  nccl('NVSHMEM: its transport could not connect to its peers', /\btransport create connect failed\b/,
    '/sgl-workspace/nvshmem/src/modules/transport/ibrc/ibrc.cpp:1500: non-zero status: 7 transport create connect failed', `${NVSHMEM}:src/modules/transport/ibrc/ibrc.cpp:1595`),
  nccl('NVSHMEM: connecting the transports\' endpoints failed', /\bconnect EPS failed\b/,
    '/sgl-workspace/nvshmem/src/host/transport/transport.cpp:400: non-zero status: 7 connect EPS failed', `${NVSHMEM}:src/host/transport/transport.cpp:420`),
  nccl('NVSHMEM: its init could not set up the connections between PEs', /\bnvshmem setup connections failed\b/,
    '/sgl-workspace/nvshmem/src/host/init/init.cu:1007: non-zero status: 7 nvshmem setup connections failed', `${NVSHMEM}:src/host/init/init.cu:1047`),
  // the PEs' exchange at init over NVSHMEM's bootstrap (an allgather of every PE's heap base, handles, host hashes) failed: the
  // ranks could not reach each other, as a transport that cannot connect
  nccl('NVSHMEM: the PEs\' allgather over its bootstrap failed at init', /\bFailed to allgather PEs peer_base values\b|\ballgather (?:of|in) [\w ]{3,60}? failed\b/,
    '/dvs/p4/build/sw/rel/gpgpu/toolkit/r12.8/main_nvshmem/src/host/mem/mem_heap.cpp:630: non-zero status: 7 Failed to allgather PEs peer_base values', `${NVSHMEM}:src/host/mem/mem_heap.cpp:636`),
  // any error NVSHMEM reports from its transport or bootstrap layer (the modules under src/modules/transport/ and
  // src/modules/bootstrap/, the host's src/host/transport/ and src/host/bootstrap/: bootstrap_uid.cpp's checks at
  // src/modules/bootstrap/uid/bootstrap_uid.cpp:90-99), its own message whatever it is or cut off: a transport or the
  // bootstrap that connects the PEs failing is communication failing
  nccl('NVSHMEM: an error reported by its transport layer', /(?:^|\/)(?:modules|host)\/(?:transport|bootstrap)\/[\w/]{1,80}\.(?:cpp|cu|h):\d+: non-zero status: -?\d+\b/,
    '/sgl-workspace/nvshmem/src/modules/transport/ibrc/ibrc.cpp:1433: non-zero status: 7 ', `${NVSHMEM}:src/include/non_abi/nvshmemx_error.h:116`),
];

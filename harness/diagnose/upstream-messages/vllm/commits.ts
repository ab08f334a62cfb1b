// The vLLM commits the messages of upstream-messages/vllm/ were read at (see ../vllm.ts for how they
// were chosen): releases.ts's commits, and for older releases upstream's own commits on main.
// releases.ts's commits
export const V0_10_2 = '2e5d21378db8226b04bb76f3e7119a9ddd0239df';
export const V0_12_0 = 'ba1fcd84a7f1dc907c17bf4ba4fab6762a9f33a1';
export const V0_14_0 = '8ef50d9a6b91b7800e69a846219069a29a0298a4';
export const V0_16_0 = '7a06e5b05b170d7da31845866da0a99fc65253a1';
export const V0_19_0 = '2a69949bdadf0e8942b7a1619b229cb475beef20';
// after 0.19: local-inference-lab/vllm, which carries upstream's main up to 2026-05-27 (its docs name the
// vllm/vllm-openai:v0.20.0 image; #43358 retires what was deprecated for v0.21.0), read as the diff over
// vllm/ and csrc/ from main's 08ed2b968 (2026-04-02, #38826; V0_19_0 is the release branch's copy of the
// change after it, #38847) to this commit; each message cited was checked absent at V0_19_0
export const MAIN_2026_05_27 = '396c8fee5071117914104244cc962db805ab0af0';
// older releases, jinhuang12/vllm main: the version-bump commit …
export const V0_4_2 = '8d8357c8ed1f3ddb6a0e8f3287ec669a13d77df1'; // "bump version to v0.4.2 (#4600)"
export const V0_5_4 = '4db5176d9758b720b05460c50ace3c01026eb158'; // "bump version to v0.5.4 (#7139)"
// … or main's last commit of the release day (0.6.6: of 2024-12-25, its release week)
export const V0_6_3 = 'f0fe4fe86d45763cb5904ac256ac6241c5eb2fde'; // 2024-10-14
export const V0_6_4 = '4f168f69a3e856bda3f30e02fcee7db2a01ff32b'; // 2024-11-15
export const V0_6_6 = '6ad909fdda54f91379bbee7590a37e38600b6204'; // 2024-12-25
export const V0_7_3 = 'bfbc0b32c6dbea5aea6b14724acaca515d23a28a'; // 2025-02-20
export const V0_8_0 = '228b768db6dee54290723443f9f3207146de89ff'; // 2025-03-18
export const V0_9_1 = '77f0d465d0a666b65dd877ec462f024a980dd55c'; // 2025-06-10

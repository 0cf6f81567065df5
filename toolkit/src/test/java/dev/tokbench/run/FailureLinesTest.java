package dev.tokbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stderr lines llama.cpp (upstream of 2026-08-22: ggml.c, ggml-backend.cpp, ggml-metal,
 * ggml-vulkan, llama-kv-cache.cpp, llama-context.cpp) and tinygrad print when memory runs out are
 * out of memory; warnings it falls back from and ordinary errors are not, though they still explain
 * a failure.
 */
class FailureLinesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ggml_metal_buffer_init: error: failed to allocate buffer, size = 40960.00 MiB|true",
        "ggml_malloc: failed to allocate 40960.00 MB|true",
        "ggml_aligned_malloc: insufficient memory (attempted to allocate 40960.00 MB)|true",
        "ggml_backend_cpu_buffer_type_alloc_buffer: failed to allocate buffer of size 42949672960|true",
        "llama_init_from_model: failed to initialize the context: failed to allocate buffer for kv cache|true",
        "llama_context: failed to allocate compute pp buffers|true",
        "ggml_gallocr_reserve_n: failed to allocate CUDA0 buffer of size 17179869184|true",
        "CUDA error: out of memory|true",
        "ggml_vulkan: Device memory allocation of size 4294967296 failed. vk::Device::allocateMemory: ErrorOutOfDeviceMemory|true",
        "MemoryError: Allocation of 16.00 GB failed on CUDA. Used: 64.12 GB|true",
        "WARNING: failed to allocate 512.00 MB of pinned memory: out of memory|false",
        "/src/ggml/src/ggml.c:1766: GGML_ASSERT(ggml_can_repeat(b, a)) failed|false",
        "llama_bench: error: failed to load model 'm.gguf'|false"
      })
  void outOfMemoryIsToldApartFromOtherFailures(String line, boolean oom) {
    FailureLines f = new FailureLines();
    f.accept(line);

    assertThat(f.outOfMemory()).isEqualTo(oom);
    if (!line.startsWith("WARNING")) assertThat(f.lines()).containsExactly(line);
  }
}

package dev.tokbench.memory;

/**
 * Which layers llama.cpp puts on the GPU for {@code -ngl} (llama_model_base::load_tensors): the
 * last {@code ngl} of the {@code n_layer + 1} layers, the output layer counting as the last. The
 * input layer (token embeddings) always stays on the CPU.
 *
 * @param layers {@code n_layer}
 * @param gpuLayers {@code -ngl}, already resolved ({@code n_layer + 1} for all)
 * @param gpu false when there is no GPU at all
 */
record LayerPlacement(int layers, int gpuLayers, boolean gpu) {
  static LayerPlacement of(int layers, int ngl, boolean gpu) {
    int resolved = ngl == MemoryOptions.ALL_LAYERS ? layers + 1 : ngl;
    return new LayerPlacement(layers, gpu ? resolved : 0, gpu);
  }

  /** {@code i_gpu_start = max(n_layer + 1 - ngl, 0)}. */
  int firstGpuLayer() {
    return Math.max(layers + 1 - gpuLayers, 0);
  }

  /** Whether repeating layer {@code il} (or {@code layers}, the output layer) is on the GPU. */
  boolean onGpu(int il) {
    return gpu && il >= firstGpuLayer();
  }

  boolean outputOnGpu() {
    return onGpu(layers);
  }

  /** Every layer and the output on the GPU: llama.cpp then pins each layer's norms to it. */
  boolean fullOffload() {
    return gpu && gpuLayers > layers;
  }

  /** Repeating layers on the GPU, as llama.cpp reports {@code offloaded N/M layers}. */
  int repeatingOnGpu() {
    int n = 0;
    for (int il = 0; il < layers; il++) if (onGpu(il)) n++;
    return n;
  }
}

package dev.tokbench.memory;

/**
 * llama.cpp's KV cache summary line: {@code llama_kv_cache: size = 128.00 MiB ( 4096 cells, 16
 * layers, 1/1 seqs), K (f16): 64.00 MiB, V (f16): 64.00 MiB}.
 *
 * @param mib K and V together, in MiB
 * @param cells cells per stream
 * @param layers layers with a cache
 * @param seqs {@code n_seq_max}
 * @param streams KV streams
 * @param typeK the K cache type
 * @param kMib K, in MiB
 * @param typeV the V cache type
 * @param vMib V, in MiB
 * @param line the line in the log
 */
public record MeasuredKvCache(
    double mib,
    long cells,
    int layers,
    int seqs,
    int streams,
    String typeK,
    double kMib,
    String typeV,
    double vMib,
    int line) {}

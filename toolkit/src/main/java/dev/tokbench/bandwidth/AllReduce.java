package dev.tokbench.bandwidth;

/**
 * What a row split pays to put the GPUs' partial results together, per token: {@code count}
 * all-reduces of {@code payload} each over links of {@code link} bandwidth, each with a fixed
 * {@code latencyS}. A ring all-reduce over N GPUs sends and receives 2(N−1)/N of the payload per
 * GPU, so one takes 2(N−1)/N · payload / link + latency (NCCL's "bus bandwidth" convention).
 *
 * <p>A tensor-parallel transformer layer has two (after attention and after the feed-forward block)
 * of one activation row, {@code n_embd} values: {@link #perLayer}.
 *
 * @param count all-reduces per generated token
 * @param payload bytes each one reduces
 * @param link the bandwidth of each GPU's link (NVLink or PCIe, one direction)
 * @param latencyS seconds each one costs beyond its bytes (launch and synchronisation)
 */
public record AllReduce(int count, Bytes payload, Bandwidth link, double latencyS) {
  /** No exchange at all: one GPU, or a split that needs none. */
  public static final AllReduce NONE = new AllReduce(0, new Bytes(0), Bandwidth.gbPerS(1), 0);

  public AllReduce {
    if (count < 0) throw new IllegalArgumentException("all-reduces per token must be >= 0");
    if (count > 0 && link.bytesPerS() == 0)
      throw new IllegalArgumentException("an all-reduce needs a link bandwidth > 0");
    if (!(latencyS >= 0)) throw new IllegalArgumentException("latency must be >= 0 s");
  }

  /**
   * Two all-reduces per layer of {@code embd} values of {@code bytesPerValue} each (4 for the f32
   * activations llama.cpp's CUDA back end exchanges).
   */
  public static AllReduce perLayer(
      int layers, int embd, int bytesPerValue, Bandwidth link, double latencyS) {
    return new AllReduce(2 * layers, new Bytes((double) embd * bytesPerValue), link, latencyS);
  }

  /** Seconds per token among {@code gpus} GPUs; none for one. */
  public double secondsPerToken(int gpus) {
    if (gpus <= 1 || count == 0) return 0;
    double bytes = 2.0 * (gpus - 1) / gpus * payload.bytes();
    return count * (bytes / link.bytesPerS() + latencyS);
  }
}

package dev.tokbench.fleet;

import java.time.Duration;

/**
 * What {@code sbatch} is told for a Slurm target: partition, account, generic resources and time
 * limit ({@code null} where Slurm's defaults apply), and how often the job is polled.
 *
 * @param partition {@code --partition}
 * @param account {@code --account}
 * @param gres {@code --gres}, such as {@code gpu:1}
 * @param time {@code --time}, such as {@code 00:30:00}
 * @param poll how often {@code squeue} and the output files are read
 */
public record SlurmSettings(
    String partition, String account, String gres, String time, Duration poll) {
  /** Ten seconds: {@code squeue} is cheap, but slurmctld serves everybody. */
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(10);

  public SlurmSettings {
    if (poll == null) poll = DEFAULT_POLL;
    if (poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("poll must be positive, got " + poll);
    }
  }
}

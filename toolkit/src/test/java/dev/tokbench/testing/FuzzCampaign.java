package dev.tokbench.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs one fuzz target in Jazzer's fuzzing mode for a while: {@code FuzzCampaign CLASS DURATION
 * MODULE_DIR [LIBFUZZER_FLAG...]}, as {@code scripts/fuzz} calls it. The target's corpus under
 * {@code MODULE_DIR/src/test/resources} seeds the campaign; an input that breaks the contract is
 * written there ({@code crash-<sha1>}, {@code timeout-<sha1>}) and replays in every build from then
 * on; the inputs that found new coverage go to {@code MODULE_DIR/.cifuzz-corpus}, kept for the next
 * campaign. Exits 0 when the time ran out with no finding, 1 on a finding.
 */
public final class FuzzCampaign {
  private FuzzCampaign() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: FuzzCampaign CLASS DURATION MODULE_DIR [LIBFUZZER_FLAG...]");
      System.exit(2);
    }
    System.setProperty("JAZZER_FUZZ", "1");
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(args[0]))
            .configurationParameter("jazzer.max_duration", args[1])
            .configurationParameter(
                "jazzer.internal.basedir", Path.of(args[2]).toAbsolutePath().toString())
            .configurationParameter("jazzer.internal.arg.0", "fuzz");
    for (int i = 3; i < args.length; i++) {
      request.configurationParameter("jazzer.internal.arg." + (i - 2), args[i]);
    }
    LauncherDiscoveryRequest built = request.build();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(built, summary);
    PrintWriter out = new PrintWriter(System.out, true);
    summary.getSummary().printTo(out);
    summary.getSummary().printFailuresTo(out, 40);
    System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
  }
}

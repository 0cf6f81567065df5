package dev.tokbench.cli;

import dev.tokbench.serve.ServerLaunch;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Option;

/** Where {@code tokbench serve-bench} sends its requests: a running server, or one it launches. */
final class ServeBenchTarget {
  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "A running server to attach to, http://HOST:PORT.")
  URI url;

  @Option(
      names = "--llama-server",
      paramLabel = "BINARY",
      description = "Launch this llama-server with the flags after --.")
  String llamaServer;

  @Option(
      names = "--vllm",
      paramLabel = "VLLM",
      description = "Launch VLLM serve with the flags after -- (the model first).")
  String vllm;

  @Option(
      names = "--sglang",
      paramLabel = "PYTHON",
      description = "Launch PYTHON -m sglang.launch_server with the flags after --.")
  String sglang;

  @Option(
      names = "--mlc",
      paramLabel = "MLC_LLM",
      description = "Launch MLC_LLM serve with the flags after -- (the model first).")
  String mlc;

  /** The launch the option given asks for, with the server's flags; not for {@code --url}. */
  ServerLaunch launch(List<String> flags) {
    if (llamaServer != null) return ServerLaunch.llamaServer(llamaServer, flags);
    if (vllm != null) return ServerLaunch.vllm(vllm, flags);
    if (sglang != null) return ServerLaunch.sglang(sglang, flags);
    return ServerLaunch.mlc(mlc, flags);
  }
}

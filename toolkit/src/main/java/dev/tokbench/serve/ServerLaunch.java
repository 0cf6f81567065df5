package dev.tokbench.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A server to start for a load test: its kind and command line. Every launcher here takes {@code
 * --host} and {@code --port}; when the flags give no port, {@link #withFreePort()} adds a free one
 * on 127.0.0.1, so two runs never collide and nothing listens beyond loopback unless asked.
 *
 * @param kind what it is (request extras, readiness endpoint)
 * @param command the program and all its arguments
 */
public record ServerLaunch(ServerKind kind, List<String> command) {
  public ServerLaunch {
    Objects.requireNonNull(kind, "kind");
    command = List.copyOf(command);
    if (command.isEmpty()) throw new IllegalArgumentException("a server launch needs a program");
  }

  /** {@code llama-server FLAGS}: readiness is {@code /health}. */
  public static ServerLaunch llamaServer(String binary, List<String> flags) {
    return of(ServerKind.LLAMA_SERVER, List.of(binary), flags);
  }

  /** {@code vllm serve FLAGS} (the model is the first flag): readiness is {@code /health}. */
  public static ServerLaunch vllm(String vllm, List<String> flags) {
    return of(ServerKind.VLLM, List.of(vllm, "serve"), flags);
  }

  /** {@code PYTHON -m sglang.launch_server FLAGS}: readiness is {@code /health}. */
  public static ServerLaunch sglang(String python, List<String> flags) {
    return of(ServerKind.SGLANG, List.of(python, "-m", "sglang.launch_server"), flags);
  }

  /** {@code mlc_llm serve FLAGS} (the model first): readiness is {@code /v1/models}. */
  public static ServerLaunch mlc(String mlcLlm, List<String> flags) {
    return of(ServerKind.MLC, List.of(mlcLlm, "serve"), flags);
  }

  private static ServerLaunch of(ServerKind kind, List<String> program, List<String> flags) {
    List<String> all = new ArrayList<>(program);
    all.addAll(flags);
    return new ServerLaunch(kind, all);
  }

  /**
   * This launch with {@code --host 127.0.0.1 --port P} (P free now) added when it names no port.
   */
  public ServerLaunch withFreePort() {
    if (flag("--port").isPresent()) return this;
    List<String> all = new ArrayList<>(command);
    if (flag("--host").isEmpty()) all.addAll(List.of("--host", "127.0.0.1"));
    all.addAll(List.of("--port", Integer.toString(freePort())));
    return new ServerLaunch(kind, all);
  }

  /**
   * Where it will listen: its {@code --host} (a wildcard one means loopback) and {@code --port}.
   */
  public URI url() {
    String port =
        flag("--port")
            .orElseThrow(
                () ->
                    new IllegalStateException("no --port in " + command + "; use withFreePort()"));
    String host = flag("--host").orElse("127.0.0.1");
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) host = "127.0.0.1";
    if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
    return URI.create("http://" + host + ":" + port);
  }

  /** The value of {@code --name V} or {@code --name=V}, the last one winning as in argparse. */
  Optional<String> flag(String name) {
    Optional<String> found = Optional.empty();
    for (int i = 0; i < command.size(); i++) {
      String a = command.get(i);
      if (a.equals(name) && i + 1 < command.size()) found = Optional.of(command.get(++i));
      else if (a.startsWith(name + "=")) found = Optional.of(a.substring(name.length() + 1));
    }
    return found;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on loopback", e);
    }
  }

  @Override
  public String toString() {
    return kind + ": " + String.join(" ", command);
  }
}

package dev.tokbench.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tokbench.Version;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Jupyter protocol side of the kernel: answers shell and control requests, publishes status and
 * output on IOPub, and leaves Java to a {@link CellEngine}. Requests are handled in the order they
 * arrive on each channel; interrupts and shutdown come on control so they get through while a cell
 * runs.
 */
final class JavaKernel implements AutoCloseable {
  private final String session = UUID.randomUUID().toString();
  private final KernelSockets sockets;
  private final CompletableFuture<CellEngine> engine;
  private final CountDownLatch shutdown = new CountDownLatch(1);
  private final ScheduledExecutorService timer;
  private final Consumer<String> log;
  private final ExecuteHandler execute;
  private final EditorRequests editor;

  private JavaKernel(
      ConnectionFile connection, Supplier<CellEngine> engines, Consumer<String> log) {
    this.log = log;
    this.sockets =
        new KernelSockets(
            connection,
            new WireCodec(MessageSigner.of(connection.signatureScheme(), connection.key())),
            log);
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("tokbench-kernel-output"));
    // the engine starts in the background so the kernel answers kernel_info at once; it
    // evaluates nothing until the first execute_request
    this.engine =
        CompletableFuture.supplyAsync(
            engines, Executors.newSingleThreadExecutor(daemon("tokbench-kernel-start")));
    this.execute = new ExecuteHandler(session, sockets::publish, timer, engine);
    this.editor = new EditorRequests(engine, execute);
  }

  /** Binds the sockets named in {@code connection} and starts answering requests. */
  public static JavaKernel start(
      ConnectionFile connection, Supplier<CellEngine> engines, Consumer<String> log) {
    JavaKernel kernel = new JavaKernel(connection, engines, log);
    kernel.sockets.serve(kernel::handle, kernel::handle);
    kernel.publishStatus(null, "starting");
    return kernel;
  }

  /** Blocks until a client asks the kernel to shut down. */
  public void awaitShutdown() throws InterruptedException {
    shutdown.await();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    sockets.close();
    engine.thenAccept(CellEngine::close);
  }

  private void handle(KernelSockets.Channel channel, Message request) {
    publishStatus(request, "busy");
    try {
      JsonObject reply = answer(request);
      if (reply != null) {
        channel.send(request.reply(replyType(request.type()), session, reply));
      }
    } finally {
      publishStatus(request, "idle");
    }
    if (request.type().equals("shutdown_request")) {
      shutdown.countDown();
    }
  }

  private JsonObject answer(Message request) {
    JsonObject content = request.content();
    switch (request.type()) {
      case "kernel_info_request":
        return kernelInfo();
      case "execute_request":
        return execute.run(request);
      case "complete_request":
        return editor.complete(content);
      case "is_complete_request":
        return editor.isComplete(content);
      case "inspect_request":
        return editor.inspect(content);
      case "history_request":
        return editor.history();
      case "comm_info_request":
        return ok("comms", new JsonObject());
      case "interrupt_request":
        engine.thenAccept(CellEngine::interrupt);
        return ok();
      case "shutdown_request":
        JsonObject reply = ok();
        reply.add("restart", content.get("restart"));
        return reply;
      default:
        log.accept("ignored unsupported " + request.type());
        return null;
    }
  }

  private static String replyType(String requestType) {
    return requestType.substring(0, requestType.length() - "request".length()) + "reply";
  }

  private JsonObject kernelInfo() {
    JsonObject language = new JsonObject();
    language.addProperty("name", "java");
    language.addProperty("version", Runtime.version().feature() + "");
    language.addProperty("mimetype", "text/x-java-source");
    language.addProperty("file_extension", ".jshell");
    language.addProperty("pygments_lexer", "java");
    language.addProperty("codemirror_mode", "text/x-java");
    JsonObject info = ok("language_info", language);
    info.addProperty("protocol_version", Message.PROTOCOL_VERSION);
    info.addProperty("implementation", "tokbench");
    info.addProperty("implementation_version", Version.current());
    info.addProperty(
        "banner", "Java " + Runtime.version() + " (tokbench " + Version.current() + ")");
    info.add("help_links", new JsonArray());
    return info;
  }

  private void publishStatus(Message parent, String state) {
    JsonObject content = new JsonObject();
    content.addProperty("execution_state", state);
    Message request =
        parent != null
            ? parent
            : new Message(
                java.util.List.of(),
                new JsonObject(),
                new JsonObject(),
                new JsonObject(),
                new JsonObject(),
                java.util.List.of());
    sockets.publish(request.broadcast("status", session, content));
  }

  static JsonObject ok() {
    JsonObject reply = new JsonObject();
    reply.addProperty("status", "ok");
    return reply;
  }

  static JsonObject ok(String key, com.google.gson.JsonElement value) {
    JsonObject reply = ok();
    reply.add(key, value);
    return reply;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public String toString() {
    return "JavaKernel[session " + session + "]";
  }

  static Map<String, String> textPlain(String text) {
    return Map.of("text/plain", text);
  }
}

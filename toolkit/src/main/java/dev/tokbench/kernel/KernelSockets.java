package dev.tokbench.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The five ZeroMQ sockets of a kernel, bound to the addresses in the connection file and nowhere
 * else. Shell and control each get a thread that decodes (and so authenticates) every message
 * before handing it to a handler; the handler's replies go back on the same thread, because a
 * ZeroMQ socket must not be used from two threads at once. IOPub is shared and locked.
 */
final class KernelSockets implements AutoCloseable {
  /** Handles one authenticated request; replies through the given channel. */
  interface Handler {
    void handle(Channel channel, Message request);
  }

  /** A request/reply socket (shell or control) as seen by a handler. */
  interface Channel {
    void send(Message reply);
  }

  private static final long POLL_MS = 100;

  private final ZContext context = new ZContext(1);
  private final WireCodec codec;
  private final Consumer<String> log;
  private final ZMQ.Socket iopub;
  private final List<Thread> threads = new ArrayList<>();
  private final ZMQ.Socket shell;
  private final ZMQ.Socket control;
  private final ZMQ.Socket stdin;
  private final ZMQ.Socket heartbeat;
  private volatile boolean running = true;

  KernelSockets(ConnectionFile connection, WireCodec codec, Consumer<String> log) {
    this.codec = codec;
    this.log = log;
    context.setLinger(1000);
    shell = bind(SocketType.ROUTER, connection.endpoint(connection.shellPort()));
    control = bind(SocketType.ROUTER, connection.endpoint(connection.controlPort()));
    stdin = bind(SocketType.ROUTER, connection.endpoint(connection.stdinPort()));
    iopub = bind(SocketType.PUB, connection.endpoint(connection.iopubPort()));
    heartbeat = bind(SocketType.REP, connection.endpoint(connection.hbPort()));
  }

  /** Starts serving: one thread for each of shell, control and heartbeat. */
  void serve(Handler shellHandler, Handler controlHandler) {
    start("tokbench-kernel-shell", () -> loop(shell, shellHandler));
    start("tokbench-kernel-control", () -> loop(control, controlHandler));
    start("tokbench-kernel-heartbeat", this::echoHeartbeats);
  }

  /** Publishes on IOPub; safe from any thread. */
  void publish(Message message) {
    List<byte[]> frames = codec.encode(message);
    synchronized (iopub) {
      if (running) {
        sendAll(iopub, frames);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    for (Thread t : threads) {
      if (t != Thread.currentThread()) {
        joinQuietly(t);
      }
    }
    synchronized (iopub) {
      context.close();
    }
  }

  private ZMQ.Socket bind(SocketType type, String endpoint) {
    ZMQ.Socket socket = context.createSocket(type);
    try {
      socket.bind(endpoint);
    } catch (ZMQException e) {
      context.close();
      throw new KernelSetupException("cannot bind " + endpoint + ": " + e.getMessage());
    }
    return socket;
  }

  private void start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  private void loop(ZMQ.Socket socket, Handler handler) {
    ZMQ.Poller poller = context.createPoller(1);
    poller.register(socket, ZMQ.Poller.POLLIN);
    Channel channel = reply -> sendAll(socket, codec.encode(reply));
    while (running) {
      if (poller.poll(POLL_MS) <= 0 || !running) {
        continue;
      }
      List<byte[]> frames = receiveAll(socket);
      codec
          .decode(frames, reason -> log.accept("dropped " + reason))
          .ifPresent(request -> handleSafely(handler, channel, request));
    }
    poller.close();
  }

  private void handleSafely(Handler handler, Channel channel, Message request) {
    try {
      handler.handle(channel, request);
    } catch (RuntimeException e) {
      // a bug in one handler must not take the channel down with it
      log.accept("failed to handle " + request.type() + ": " + e);
    }
  }

  private void echoHeartbeats() {
    ZMQ.Poller poller = context.createPoller(1);
    poller.register(heartbeat, ZMQ.Poller.POLLIN);
    while (running) {
      if (poller.poll(POLL_MS) > 0 && running) {
        sendAll(heartbeat, receiveAll(heartbeat));
      }
    }
    poller.close();
  }

  private static List<byte[]> receiveAll(ZMQ.Socket socket) {
    List<byte[]> frames = new ArrayList<>();
    do {
      frames.add(socket.recv());
    } while (socket.hasReceiveMore());
    return frames;
  }

  private static void sendAll(ZMQ.Socket socket, List<byte[]> frames) {
    for (int i = 0; i < frames.size() - 1; i++) {
      socket.sendMore(frames.get(i));
    }
    socket.send(frames.get(frames.size() - 1));
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.tokbench.serve;

import java.util.List;

/**
 * What the {@link ScriptedSseServer} does with one completion request.
 *
 * @param firstChunkMs when an empty first chunk is sent (chat's role-only delta, or an empty text);
 *     -1 for none
 * @param ttftMs after the request was read, when the first content chunk is sent
 * @param gapsMs gaps between content chunks, used in turn (one value: a steady stream)
 * @param chunks content chunks; -1 for as many as {@code max_tokens} asks for
 * @param tokensPerChunk tokens each content chunk stands for in {@code usage}
 * @param usage whether the final chunk carries {@code usage}
 * @param fault how the request goes wrong, after {@code faultAfter} content chunks
 * @param faultAfter content chunks sent before the fault
 */
record Script(
    long firstChunkMs,
    long ttftMs,
    List<Long> gapsMs,
    int chunks,
    int tokensPerChunk,
    boolean usage,
    Fault fault,
    int faultAfter) {

  /** Ways a request goes wrong. */
  enum Fault {
    NONE,
    /** The request read, then the connection reset before a byte of the answer. */
    DROP,
    /** HTTP 500 with an OpenAI error body, before any event. */
    HTTP_500,
    /** The TCP connection reset mid-stream. */
    RESET,
    /** A clean end of the chunked body, without {@code [DONE]}. */
    END_WITHOUT_DONE,
    /** A {@code data:} line that is not JSON. */
    MALFORMED,
    /** An {@code {"error": ...}} event, then the end (llama-server's way). */
    ERROR_EVENT,
    /** llama-server's error event when its output is not valid UTF-8, then the end. */
    NOT_UTF8,
    /** Nothing more, ever, until the client goes away. */
    HANG
  }

  /** A steady stream: {@code tokens} chunks, the first after {@code ttftMs}, then one per gap. */
  static Script steady(long ttftMs, long gapMs, int tokens) {
    return new Script(-1, ttftMs, List.of(gapMs), tokens, 1, true, Fault.NONE, 0);
  }

  Script withFirstChunk(long ms) {
    return new Script(ms, ttftMs, gapsMs, chunks, tokensPerChunk, usage, fault, faultAfter);
  }

  Script withGaps(Long... ms) {
    return new Script(
        firstChunkMs, ttftMs, List.of(ms), chunks, tokensPerChunk, usage, fault, faultAfter);
  }

  Script withTokensPerChunk(int n) {
    return new Script(firstChunkMs, ttftMs, gapsMs, chunks, n, usage, fault, faultAfter);
  }

  Script withoutUsage() {
    return new Script(
        firstChunkMs, ttftMs, gapsMs, chunks, tokensPerChunk, false, fault, faultAfter);
  }

  Script failing(Fault f, int after) {
    return new Script(firstChunkMs, ttftMs, gapsMs, chunks, tokensPerChunk, usage, f, after);
  }

  long gapMs(int i) {
    return gapsMs.get(i % gapsMs.size());
  }
}

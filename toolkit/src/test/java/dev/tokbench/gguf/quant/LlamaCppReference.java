package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.run.llamacpp.embedded.NativeLlama;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Locale;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAccess;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;
import jdk.incubator.foreign.SymbolLookup;

/**
 * llama.cpp's own reference quantizers ({@code quantize_row_<type>_ref} in ggml-quants.c, what
 * llama-quantize runs without an importance matrix), called in the copy of llama.cpp that
 * de.kherud:llama 4.2.0 ships, through Java 17's incubating foreign-function API. Test code only:
 * it needs {@code --add-modules jdk.incubator.foreign}, which the build passes to the tests.
 */
public final class LlamaCppReference {
  private LlamaCppReference() {}

  /** llama.cpp's bytes for {@code values} quantized to {@code type}. */
  public static byte[] quantize(GgmlType type, float[] values) throws Throwable {
    NativeLlama.load();
    String name =
        "quantize_row_" + type.name().toLowerCase(Locale.ROOT).replace("_k", "_K") + "_ref";
    MemoryAddress symbol =
        SymbolLookup.loaderLookup()
            .lookup(name)
            .orElseThrow(() -> new AssertionError(name + " is not exported by libjllama"));
    MethodHandle h =
        CLinker.getInstance()
            .downcallHandle(
                symbol,
                MethodType.methodType(
                    void.class, MemoryAddress.class, MemoryAddress.class, long.class),
                FunctionDescriptor.ofVoid(
                    CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_LONG_LONG));
    try (ResourceScope scope = ResourceScope.newConfinedScope()) {
      MemorySegment src = MemorySegment.allocateNative(4L * values.length, scope);
      for (int i = 0; i < values.length; i++) MemoryAccess.setFloatAtIndex(src, i, values[i]);
      MemorySegment dst = MemorySegment.allocateNative(type.bytesFor(values.length), scope);
      h.invokeExact(src.address(), dst.address(), (long) values.length);
      return dst.toByteArray();
    }
  }

  /**
   * {@code ggml_validate_row_data(type, data, nbytes)}: false when llama.cpp finds NaN or infinity
   * where it looks (it prints what it found on stderr).
   */
  public static boolean validRowData(GgmlType type, byte[] data) throws Throwable {
    NativeLlama.load();
    MemoryAddress symbol =
        SymbolLookup.loaderLookup()
            .lookup("ggml_validate_row_data")
            .orElseThrow(() -> new AssertionError("ggml_validate_row_data is not exported"));
    MethodHandle h =
        CLinker.getInstance()
            .downcallHandle(
                symbol,
                MethodType.methodType(byte.class, int.class, MemoryAddress.class, long.class),
                FunctionDescriptor.of(
                    CLinker.C_CHAR, CLinker.C_INT, CLinker.C_POINTER, CLinker.C_LONG_LONG));
    try (ResourceScope scope = ResourceScope.newConfinedScope()) {
      MemorySegment buf = MemorySegment.allocateNative(Math.max(1, data.length), scope);
      buf.copyFrom(MemorySegment.ofArray(data));
      byte ok = (byte) h.invokeExact(type.id(), buf.address(), (long) data.length);
      return ok != 0;
    }
  }
}

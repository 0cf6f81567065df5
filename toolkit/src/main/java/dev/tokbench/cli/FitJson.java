package dev.tokbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.memory.BufferSize;
import dev.tokbench.memory.CacheType;
import dev.tokbench.memory.DeviceMemory;
import dev.tokbench.memory.MemoryOptions;
import dev.tokbench.memory.MemoryPlan;

/**
 * {@code gguf fit --json}: keys as issue 16 names them ({@code devices} of {@code device}, {@code
 * model_bytes}, {@code kv_bytes}, {@code compute_bytes}, {@code output_bytes}, {@code total_bytes},
 * the GPU first and the host last; {@code fits}, {@code max_context}, {@code max_ngl}, null when no
 * memory was given), plus the settings and every buffer.
 */
final class FitJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FitJson() {}

  static String object(MemoryPlan p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("model", p.model());
    o.put("device_name", p.gpu());
    o.set("options", options(p.options()));
    o.put("context", p.context());
    o.put("gpu_layers", p.gpuLayers());
    o.put("offloaded_layers", p.offloadedLayers());
    o.put("layers", p.layers());
    ArrayNode devices = o.putArray("devices");
    for (DeviceMemory d : p.devices()) devices.add(device(d));
    ArrayNode buffers = o.putArray("buffers");
    for (BufferSize b : p.buffers()) buffers.add(buffer(b));
    if (p.fit().isPresent()) {
      var f = p.fit().get();
      o.put("fits", f.fits());
      o.put("max_context", f.maxContext());
      o.put("max_ngl", f.maxGpuLayers());
      o.put("memory_bytes", f.memoryBytes());
      o.put("margin_bytes", f.marginBytes());
      o.put("unified_memory", f.unified());
      o.put("used_bytes", f.usedBytes());
    } else {
      o.putNull("fits");
      o.putNull("max_context");
      o.putNull("max_ngl");
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode device(DeviceMemory d) {
    ObjectNode n = JSON.createObjectNode();
    n.put("device", d.device());
    n.put("model_bytes", d.modelBytes());
    n.put("kv_bytes", d.kvBytes());
    n.put("compute_bytes", d.computeBytes());
    n.put("output_bytes", d.outputBytes());
    n.put("total_bytes", d.totalBytes());
    return n;
  }

  private static ObjectNode buffer(BufferSize b) {
    ObjectNode n = JSON.createObjectNode();
    n.put("component", b.component().key());
    n.put("buffer", b.buffer());
    n.put("device", b.device());
    n.put("bytes", b.bytes());
    return n;
  }

  private static ObjectNode options(MemoryOptions o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("ctx", o.context());
    n.put("ctk", CacheType.name(o.cacheK()));
    n.put("ctv", CacheType.name(o.cacheV()));
    n.put("fa", o.flashAttention() ? "on" : "off");
    n.put("parallel", o.parallel());
    n.put("batch", o.batch());
    n.put("ubatch", o.ubatch());
    n.put("ngl", o.gpuLayers());
    n.put("kv_unified", o.kvUnified());
    return n;
  }
}

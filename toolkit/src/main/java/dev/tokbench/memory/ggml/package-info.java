/**
 * A mirror of the parts of ggml that decide how much memory llama.cpp asks for: tensors with ggml's
 * shapes and strides ({@code ggml.c}), the order in which {@code ggml_build_forward_expand} lists a
 * graph's nodes, the backend scheduler that splits a graph between a GPU and the CPU and copies
 * inputs across ({@code ggml-backend.cpp}), and the graph allocator that places intermediate
 * tensors in a compute buffer ({@code ggml-alloc.c}). No arithmetic is done: only sizes and
 * lifetimes.
 *
 * <p>Each class names the llama.cpp function it follows (upstream of 2026-08-22), so that a change
 * upstream can be traced to the line here that must change with it.
 */
package dev.tokbench.memory.ggml;

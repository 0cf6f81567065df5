/**
 * GGUF models read and written byte-exact with llama.cpp: {@link dev.tokbench.gguf.Gguf#read} gives
 * header, metadata, tensor infos and mapped tensor data; {@code GgufWriter} writes v3 files.
 */
package dev.tokbench.gguf;

/**
 * llama.cpp's own logs (llama-cli, llama-completion, llama-server, llama-fit-params stderr) read as
 * memory rows: what each device held, as llama.cpp measured it.
 */
package dev.tokbench.formats.llamalog;

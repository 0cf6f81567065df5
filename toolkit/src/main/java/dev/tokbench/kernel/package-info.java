/**
 * A Jupyter kernel for Java on the notebook evaluator: the wire protocol (ZeroMQ, HMAC, JSON), its
 * magics, completion and inspection, and its kernelspec.
 */
package dev.tokbench.kernel;

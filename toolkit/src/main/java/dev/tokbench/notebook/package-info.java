/**
 * Java notebooks run headless in one JShell each: cells, magics, parameters, outputs written as
 * nbformat 4, the same evaluation the kernel uses.
 */
package dev.tokbench.notebook;

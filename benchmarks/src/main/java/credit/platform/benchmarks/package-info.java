/**
 * Benchmarks, one sub-package per area ({@code registry}, {@code scoring}, {@code sanctions}).
 * Results and the commands that produced them are in {@code docs/benchmarks.md}.
 */
package credit.platform.benchmarks;

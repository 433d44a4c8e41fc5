/**
 * The JMH benchmarks behind BENCHMARKS.md's speed targets (issue 16): the control tick in steady
 * state and each of its stages, the physics step, the protocol decoder, the 15-minute session and a
 * 100-session campaign. Built only with the bench profile, never by the test command; run from the
 * jar: {@code java -jar benchmarks/target/benchmarks.jar [JMH options] [benchmark regex]}. See
 * BENCHMARKS.md, "The benchmarks module".
 */
package org.percuss.benchmarks;

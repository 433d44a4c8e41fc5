/**
 * Recording and replaying sessions (docs/recording.md): a {@link org.percuss.controller.record.Recorder}
 * writes everything that enters the control loop, tick by tick, and everything it decides, into a
 * versioned, crash-safe file; {@link org.percuss.controller.record.Recording} reads one back;
 * {@link org.percuss.controller.record.Replay} runs today's controller on the recorded inputs in
 * virtual time, against a device that answers exactly as recorded, and compares its decisions.
 */
package org.percuss.controller.record;

/**
 * Live control of a running session (issue 17): the one request path that the terminal's keys and
 * the web page share ({@link org.percuss.controller.live.LiveControl}, which asks the control loop
 * through its thread-safe request methods, so every rule of the loop holds), and what a person at
 * the controls sees of the session ({@link org.percuss.controller.live.LiveSession} publishes a
 * {@link org.percuss.controller.live.LiveState} and keeps the {@link
 * org.percuss.controller.live.SampleHistory} the plots are drawn from). No I/O here: the terminal
 * lives in {@code controller.keys}, the HTTP server in {@code controller.web}.
 */
package org.percuss.controller.live;

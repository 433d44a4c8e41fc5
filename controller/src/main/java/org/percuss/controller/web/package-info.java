/**
 * {@code percuss run --web}: the page and the JSON + server-sent-events API for a running session,
 * served by Javalin on Jetty. Safe by default: loopback unless a host is given, a token for any
 * other address, no cookies, cross-site requests refused, nothing that changes limits or
 * configuration. Every request goes through {@link org.percuss.controller.live.LiveControl}; the
 * server only reads what {@link org.percuss.controller.live.LiveSession} publishes, so neither a
 * lost browser nor a lost server can touch the session. The only package that imports Javalin or
 * Jetty.
 */
package org.percuss.controller.web;

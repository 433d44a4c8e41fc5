/**
 * The terminal's keys in {@code percuss run}: JLine puts the terminal in raw mode for the session
 * and gives it back on every way out. The only package that imports JLine; what a key does is
 * {@link org.percuss.controller.live.KeyControl}'s business.
 */
package org.percuss.controller.keys;

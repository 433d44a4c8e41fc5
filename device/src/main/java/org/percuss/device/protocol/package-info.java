/**
 * The link protocol of PROTOCOL.md as pure code, no I/O: COBS framing, CRC-16/CCITT-FALSE, the
 * packet types, an allocation-free encoder and a streaming decoder that never throws on bad bytes.
 */
package org.percuss.device.protocol;

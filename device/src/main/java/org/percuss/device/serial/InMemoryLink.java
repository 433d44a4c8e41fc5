package org.percuss.device.serial;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Two {@link SerialLink} ends joined in memory, like a null-modem cable: what one end writes, the
 * other reads. For running a host against the simulated board inside one process.
 */
public final class InMemoryLink implements SerialLink {

    private static final int CAPACITY = 1 << 16;

    private final String name;
    private final BlockingQueue<Byte> in;
    private final BlockingQueue<Byte> out;
    private volatile boolean closed;
    private InMemoryLink peer;

    private InMemoryLink(String name, BlockingQueue<Byte> in, BlockingQueue<Byte> out) {
        this.name = name;
        this.in = in;
        this.out = out;
    }

    /** A connected pair: {@code [0]} for the host, {@code [1]} for the board. */
    public static InMemoryLink[] pair(String name) {
        BlockingQueue<Byte> hostToBoard = new ArrayBlockingQueue<>(CAPACITY);
        BlockingQueue<Byte> boardToHost = new ArrayBlockingQueue<>(CAPACITY);
        InMemoryLink host = new InMemoryLink(name, boardToHost, hostToBoard);
        InMemoryLink board = new InMemoryLink(name + " (board end)", hostToBoard, boardToHost);
        host.peer = board;
        board.peer = host;
        return new InMemoryLink[] {host, board};
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            Byte first = in.poll(5, TimeUnit.MILLISECONDS);
            if (first == null) {
                return closed || peer.closed ? -1 : 0;
            }
            buffer[offset] = first;
            int n = 1;
            Byte b;
            while (n < length && (b = in.poll()) != null) {
                buffer[offset + n++] = b;
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        if (closed || peer.closed) {
            throw new IOException(name + " is closed");
        }
        for (int i = offset; i < offset + length; i++) {
            if (!out.offer(buffer[i])) {
                throw new IOException(name + ": the other end is not reading");
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}

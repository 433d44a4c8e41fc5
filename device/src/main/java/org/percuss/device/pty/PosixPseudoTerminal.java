package org.percuss.device.pty;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.percuss.device.api.DeviceException;

/**
 * A {@link PseudoTerminal} made with the POSIX calls, through JNA: {@code posix_openpt},
 * {@code grantpt}, {@code unlockpt}, {@code ptsname}, then {@code cfmakeraw} on the slave's termios.
 * The only class that imports JNA. Linux and macOS.
 *
 * <ul>
 *   <li>The master is non-blocking; a read waits for data with {@code poll} (1 ms at most), so it
 *       answers at once when bytes arrive and returns 0 when none did.</li>
 *   <li>This object keeps a descriptor of the slave open for as long as the pair lives. Without
 *       it, the master reads end-of-line (EIO) whenever no host has the path open: before the first
 *       host, and between a host that exits and the next.</li>
 *   <li>A write never waits: when the line's buffers are full (tens of kilobytes that no host has
 *       read), what does not fit is dropped, as a UART's bytes are lost when no one listens. A
 *       host that opens the path flushes what was left for it.</li>
 *   <li>{@link #close()} waits for a read or write under way (a millisecond or so), then closes
 *       both descriptors, so a concurrent call never touches a descriptor number reused by
 *       someone else.</li>
 * </ul>
 * The termios structure is never looked into (its layout differs between systems): it is read
 * into a buffer larger than any, made raw by {@code cfmakeraw}, and written back.
 */
final class PosixPseudoTerminal implements PseudoTerminal {

    /** libc, as far as a pseudo-terminal needs it. */
    interface LibC extends Library {
        int posix_openpt(int flags) throws LastErrorException;

        int grantpt(int fd) throws LastErrorException;

        int unlockpt(int fd) throws LastErrorException;

        String ptsname(int fd);

        int open(String path, int flags) throws LastErrorException;

        int close(int fd);

        int tcgetattr(int fd, Pointer termios) throws LastErrorException;

        int tcsetattr(int fd, int optionalActions, Pointer termios) throws LastErrorException;

        void cfmakeraw(Pointer termios);

        int fcntl(int fd, int command, Object... argument) throws LastErrorException;

        /** {@code nfds_t} is an unsigned long on Linux, an unsigned int on macOS: a NativeLong fits both. */
        int poll(Pointer fds, NativeLong nfds, int timeoutMillis);

        NativeLong read(int fd, Pointer buffer, NativeLong count);

        NativeLong write(int fd, Pointer buffer, NativeLong count);
    }

    /** The flags and numbers that differ between the systems this runs on. */
    private record Constants(int noControllingTerminal, int nonBlocking, int again) {
        static final Constants LINUX = new Constants(0x100, 0x800, 11);
        static final Constants MAC = new Constants(0x20000, 0x4, 35);
    }

    private static final int O_RDWR = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int TCSANOW = 0;
    private static final short POLLIN = 0x1;
    private static final int EINTR = 4;
    private static final int TERMIOS_BYTES = 256; // struct termios: 60 bytes on Linux, 72 on macOS
    private static final int BUFFER_BYTES = 4096;
    private static final int WAIT_MILLIS = 1;
    private static final NativeLong ONE = new NativeLong(1);

    private static volatile LibC libc;

    private final LibC c;
    private final Constants k;
    private final int master;
    private final int slave;
    private final String path;
    private final ReadWriteLock lifetime = new ReentrantReadWriteLock();
    private final Object reading = new Object();
    private final Object writing = new Object();
    private final Memory readBuffer = new Memory(BUFFER_BYTES);
    private final Memory writeBuffer = new Memory(BUFFER_BYTES);
    private final Memory readPoll = new Memory(8);
    private volatile boolean closed;

    private PosixPseudoTerminal(LibC c, Constants k, int master, int slave, String path) {
        this.c = c;
        this.k = k;
        this.master = master;
        this.slave = slave;
        this.path = path;
    }

    static PseudoTerminal open() {
        return open(Platform.getOSType(), System.getProperty("os.name"));
    }

    /** A pair on the system of JNA's type {@code osType}, called {@code osName} in messages. */
    static PseudoTerminal open(int osType, String osName) {
        Constants k = osType == Platform.LINUX ? Constants.LINUX : osType == Platform.MAC ? Constants.MAC : null;
        if (k == null) {
            throw new DeviceException("percuss makes pseudo-terminals on Linux and macOS, not on " + osName
                    + "; join the board and the host with two serial ports and a null-modem cable instead");
        }
        LibC c = libc();
        int master = -1;
        int slave = -1;
        String step = "posix_openpt";
        try {
            master = c.posix_openpt(O_RDWR | k.noControllingTerminal());
            step = "grantpt";
            c.grantpt(master);
            step = "unlockpt";
            c.unlockpt(master);
            String path = ptsname(c, master);
            if (path == null) {
                throw new DeviceException("cannot make a pseudo-terminal: ptsname gave no path");
            }
            step = "open " + path;
            slave = c.open(path, O_RDWR | k.noControllingTerminal());
            step = "termios of " + path;
            Memory termios = new Memory(TERMIOS_BYTES);
            termios.clear();
            c.tcgetattr(slave, termios);
            c.cfmakeraw(termios);
            c.tcsetattr(slave, TCSANOW, termios);
            step = "fcntl";
            int flags = c.fcntl(master, F_GETFL);
            c.fcntl(master, F_SETFL, flags | k.nonBlocking());
            return new PosixPseudoTerminal(c, k, master, slave, path);
        } catch (LastErrorException e) {
            closeQuietly(c, slave);
            closeQuietly(c, master);
            throw new DeviceException("cannot make a pseudo-terminal: " + step + " failed: " + e.getMessage()
                    + (step.equals("posix_openpt") ? " (is /dev/ptmx there, and devpts mounted on /dev/pts?)" : ""), e);
        }
    }

    private static LibC libc() {
        LibC c = libc;
        if (c == null) {
            try {
                c = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
            } catch (UnsatisfiedLinkError e) {
                throw new DeviceException("cannot make a pseudo-terminal: the C library could not be loaded: "
                        + e.getMessage(), e);
            }
            libc = c;
        }
        return c;
    }

    /** {@code ptsname} returns a static buffer: one caller at a time. */
    private static synchronized String ptsname(LibC c, int master) {
        return c.ptsname(master);
    }

    private static void closeQuietly(LibC c, int fd) {
        if (fd >= 0) {
            c.close(fd);
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String name() {
        return "pty:" + path;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        lifetime.readLock().lock();
        try {
            synchronized (reading) {
                if (closed) {
                    return -1;
                }
                int events = poll(readPoll, POLLIN);
                if ((events & POLLIN) == 0) {
                    if (events != 0) {
                        LockSupport.parkNanos(WAIT_MILLIS * 1_000_000L); // a hang-up or error: no busy loop
                    }
                    return 0;
                }
                long n = c.read(master, readBuffer, new NativeLong(Math.min(length, BUFFER_BYTES))).longValue();
                if (n > 0) {
                    readBuffer.read(0, buffer, offset, (int) n);
                    return (int) n;
                }
                int errno = Native.getLastError();
                if (n == 0 || errno == k.again() || errno == EINTR) {
                    return 0;
                }
                throw new IOException(name() + ": read failed (errno " + errno + ")");
            }
        } finally {
            lifetime.readLock().unlock();
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        lifetime.readLock().lock();
        try {
            synchronized (writing) {
                if (closed) {
                    throw new IOException(name() + " is closed");
                }
                int done = 0;
                while (done < length) {
                    int chunk = Math.min(length - done, BUFFER_BYTES);
                    writeBuffer.write(0, buffer, offset + done, chunk);
                    long n = c.write(master, writeBuffer, new NativeLong(chunk)).longValue();
                    if (n > 0) {
                        done += (int) n;
                        continue;
                    }
                    int errno = Native.getLastError();
                    if (n < 0 && errno == EINTR) {
                        continue;
                    }
                    if (n == 0 || errno == k.again()) {
                        return; // the line's buffers are full, no one is reading: the rest is lost, as on a UART
                    }
                    throw new IOException(name() + ": write failed (errno " + errno + ")");
                }
            }
        } finally {
            lifetime.readLock().unlock();
        }
    }

    /** Waits up to {@value #WAIT_MILLIS} ms for {@code events} on the master; the events that came. */
    private int poll(Memory pollfd, short events) {
        pollfd.setInt(0, master);
        pollfd.setShort(4, events);
        pollfd.setShort(6, (short) 0);
        int ready = c.poll(pollfd, ONE, WAIT_MILLIS);
        return ready > 0 ? pollfd.getShort(6) : 0;
    }

    @Override
    public void close() {
        lifetime.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                c.close(slave);
                c.close(master);
            }
        } finally {
            lifetime.writeLock().unlock();
        }
    }
}

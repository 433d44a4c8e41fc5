package org.percuss.controller.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where {@code --web [HOST:]PORT} listens: 127.0.0.1 unless a host is given. A loopback address
 * serves the machine's own users without a token; any other address (0.0.0.0, a LAN address, a
 * host name) requires one.
 *
 * @param host the host to bind, as given (an IPv6 literal without brackets)
 * @param port the port, 1..65535, or 0 for any free one
 * @param loopback whether every address the host stands for is a loopback address
 */
public record WebAddress(String host, int port, boolean loopback) {

    /** The default host: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * Parses {@code [HOST:]PORT} ({@code 8080}, {@code 0.0.0.0:8080}, {@code [::1]:8080},
     * {@code raspberrypi.local:8080}).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static WebAddress parse(String text) {
        String host = LOOPBACK;
        String port = text;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("expected [IPv6]:PORT, such as [::1]:8080");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else if (text.lastIndexOf(':') >= 0) {
            int colon = text.lastIndexOf(':');
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new IllegalArgumentException("write an IPv6 address in brackets, such as [::1]:8080");
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the host before ':' is empty; give PORT alone for " + LOOPBACK);
        }
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("the port must be a number 0..65535 (0 picks a free one), got '" + port + "'");
        }
        int p = Integer.parseInt(port);
        if (p > 65535) {
            throw new IllegalArgumentException("the port must be 0..65535, got " + p);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
        boolean loopback = true;
        for (InetAddress a : addresses) {
            loopback &= a.isLoopbackAddress();
        }
        return new WebAddress(host, p, loopback);
    }

    /** The host as it goes into a URL: IPv6 in brackets. */
    public String urlHost() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** Whether the server listens on every address of the machine (0.0.0.0 or ::). */
    public boolean wildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }
}

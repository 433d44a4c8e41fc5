package org.percuss.controller.web;

import java.util.Locale;
import java.util.Set;

/**
 * Who may do what, decided per request from its headers alone:
 * <ul>
 *   <li>on an address other than loopback, every API call needs {@code Authorization: Bearer TOKEN}
 *       (401 otherwise); the page itself and its scripts are served to anyone, they hold no secret;</li>
 *   <li>on loopback, the Host header must name this server as loopback (127.0.0.1, localhost,
 *       [::1]): a page elsewhere that rebinds its own name to 127.0.0.1 gets 403 (DNS rebinding);</li>
 *   <li>a request that changes something must come from this server's own page or from no page at
 *       all: an {@code Origin} other than this server's, or {@code Sec-Fetch-Site} saying
 *       cross-site, gets 403 (cross-site request forgery). The API sets no cookies and honours
 *       none, and answers no CORS preflight, so another site's page can neither send the token
 *       nor read an answer.</li>
 * </ul>
 */
final class RequestGuard {

    /** A refusal: the status and the message. */
    record Refusal(int status, String message) {
    }

    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final WebAddress address;
    private final WebToken token;
    private volatile int port;

    RequestGuard(WebAddress address, WebToken token) {
        this.address = address;
        this.token = token;
        this.port = address.port();
    }

    /** The port the server got (when 0 was asked for). */
    void boundTo(int p) {
        port = p;
    }

    /**
     * The refusal of a request, or null when it may go on.
     *
     * @param changing whether it changes something (POST)
     * @param api whether it is an API call (under /api/)
     */
    Refusal check(boolean changing, boolean api, String host, String origin, String fetchSite, String authorization) {
        if (token != null && api) {
            if (authorization == null || authorization.isBlank()) {
                return new Refusal(401, "this server needs its token: send Authorization: Bearer TOKEN (percuss printed"
                        + " the page's address with the token when it made it; it is kept in " + token.file() + ")");
            }
            String presented = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null;
            if (!token.matches(presented)) {
                return new Refusal(401, "wrong token (a deleted token file means a new token: use the new one)");
            }
        }
        if (address.loopback() && !loopbackHost(host)) {
            return new Refusal(403, "this server answers only as http://127.0.0.1:" + port + "/ (or localhost);"
                    + " the request named the host '" + clip(host) + "'");
        }
        if (changing) {
            if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
                return new Refusal(403, "cross-site request refused (Sec-Fetch-Site: " + clip(fetchSite) + ")");
            }
            if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
                return new Refusal(403, "cross-site request refused (Origin: " + clip(origin) + ")");
            }
        }
        return null;
    }

    private boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        String name = h;
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && colon > h.lastIndexOf(']')) {
            name = h.substring(0, colon);
            if (!h.substring(colon + 1).equals(Integer.toString(port))) {
                return false;
            }
        } else if (port != 80) {
            return false;
        }
        return LOOPBACK_NAMES.contains(name) || name.equals(address.urlHost().toLowerCase(Locale.ROOT));
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("[\\p{Cntrl}]", "?");
        return t.length() <= 80 ? t : t.substring(0, 80) + "...";
    }
}

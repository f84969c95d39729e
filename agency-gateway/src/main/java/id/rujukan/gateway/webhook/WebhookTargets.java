package id.rujukan.gateway.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the gateway may push: an agency's own server on the internet, never inside the cluster. An agency admin
 * names the URL; without this check they could make the gateway call loopback, the pod network, the node's
 * link-local services or a cloud's metadata endpoint (169.254.169.254) and read the answer off their timeline.
 * Every address the host name resolves to is checked, at registration and again before each push (a name can
 * be pointed elsewhere after it was registered); only hosts named in {@code rujukan.webhook.allowed-hosts}
 * are exempt (the local stack and the tests, whose agency systems do run on loopback).
 */
@ApplicationScoped
public class WebhookTargets {

    private final Set<String> allowedHosts;

    public WebhookTargets(WebhookConfig config) {
        this.allowedHosts = config.allowedHosts().orElse(List.of()).stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Why the gateway must not push to {@code url}. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    /**
     * @throws Refused if the URL is no absolute http(s) URL, or its host is, or resolves to, an address inside
     *         a private network, or cannot be resolved
     */
    public void check(String url) throws Refused {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Refused("url must be an absolute http(s) URL");
        }
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new Refused("url must be an absolute http(s) URL");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowedHosts.contains(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " of url cannot be resolved");
        }
        for (InetAddress address : addresses) {
            String inside = inside(address);
            if (inside != null) {
                throw new Refused("url must point to the agency's server on the internet, not inside the network: "
                        + host + " is " + address.getHostAddress() + ", " + inside);
            }
        }
    }

    /** What kind of internal address this is, or {@code null} for a public one. */
    static String inside(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (cloud metadata lives there)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                return "a carrier-grade NAT address";
            }
            if (first == 0 || first >= 240) {
                return "a reserved address";
            }
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return "a unique local address";
            }
            // ::ffff:a.b.c.d carries an IPv4 address: judged as that address
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return inside(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return "an address that cannot be read";
                }
            }
        }
        return null;
    }
}

package app.thaw.notifications.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses webhook URLs that would make Thaw call into its own network (SSRF): hosts that resolve
 * to loopback, private (RFC 1918, RFC 4193), link-local (which holds cloud metadata at
 * 169.254.169.254), carrier-grade NAT, unspecified or multicast addresses. Every address a name
 * resolves to must be public, so a name with one private answer is refused. Development may allow
 * hosts explicitly ({@code *} for all). Resolving blocks: call {@link #check} off the event loop.
 *
 * <p>{@link #check} judges a URL when it is registered and before each attempt, with a clear
 * reason; {@link #connectable} judges the addresses the HTTP client actually connects to, after its
 * own resolution, so a name whose answer changes in between (DNS rebinding) is caught where it
 * matters — the address is pinned by the connection itself.
 */
public final class AddressGuard {

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    /** Name resolution, replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public AddressGuard(Set<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    public AddressGuard(Set<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Checks the URL; a refusal is an {@link UnsafeWebhookUrl} saying why. */
    public void check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UnsafeWebhookUrl("only http and https URLs can receive webhooks");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new UnsafeWebhookUrl("the URL has no host");
        }
        if (url.getUserInfo() != null) {
            throw new UnsafeWebhookUrl("credentials in the URL are not accepted; use the signing secret");
        }
        if (allowedHosts.contains("*") || allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException unknown) {
            throw new UnsafeWebhookUrl("the host " + host + " does not resolve");
        }
        for (InetAddress address : List.of(addresses)) {
            if (!isPublic(address)) {
                throw new UnsafeWebhookUrl("the host " + host + " resolves to a private, loopback, link-local or metadata address");
            }
        }
    }

    /**
     * The addresses the HTTP client resolved for a webhook's host, if it may connect to them: every
     * one public, or the host allowed. Called on the event loop with addresses already resolved (no
     * lookup here).
     *
     * @throws UnsafeWebhookUrl if any is private, loopback, link-local or metadata and the host is not allowed
     */
    public List<? extends SocketAddress> connectable(List<? extends SocketAddress> resolved) {
        if (allowedHosts.contains("*")) {
            return resolved;
        }
        for (SocketAddress candidate : resolved) {
            if (candidate instanceof InetSocketAddress socket && socket.getAddress() != null && !isPublic(socket.getAddress())
                    && !allowedHosts.contains(socket.getHostString().toLowerCase(Locale.ROOT))) {
                throw new UnsafeWebhookUrl("the host " + socket.getHostString()
                        + " resolved, when connecting, to a private, loopback, link-local or metadata address");
            }
        }
        return resolved;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8 "this network", 192.0.0.0/24 IETF, 198.18.0.0/15 benchmarking.
            return !(first == 100 && second >= 64 && second <= 127) && first != 0
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    && !(first == 198 && (second == 18 || second == 19));
        }
        if (address instanceof Inet6Address v6) {
            // fc00::/7 unique local (fd00:ec2::254 is a cloud metadata address); an IPv4-mapped address is judged as IPv4.
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;
            }
            if (v6.isIPv4CompatibleAddress()) {
                return false;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }
}

package app.thaw.notifications.webhooks;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;

/**
 * Refuses webhook URLs that would make Thaw call into its own network (SSRF): hosts that resolve
 * to any block of IANA's IPv4 and IPv6 special-purpose registries (loopback, private, link-local
 * with the cloud metadata at 169.254.169.254, carrier-grade NAT, documentation, benchmarking,
 * reserved, broadcast, multicast, ...), or to an IPv6 form embedding such an IPv4 address (NAT64,
 * 6to4; IPv4-mapped, -compatible and Teredo are refused outright). Every address a name
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
        this.allowedHosts = allowedHosts.stream()
                .map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
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
                throw new UnsafeWebhookUrl(
                        "the host " + host + " resolves to a private, loopback, link-local or metadata address");
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
            if (candidate instanceof InetSocketAddress socket
                    && socket.getAddress() != null
                    && !isPublic(socket.getAddress())
                    && !allowedHosts.contains(socket.getHostString().toLowerCase(Locale.ROOT))) {
                throw new UnsafeWebhookUrl("the host " + socket.getHostString()
                        + " resolved, when connecting, to a private, loopback, link-local or metadata address");
            }
        }
        return resolved;
    }

    /**
     * Every block of IANA's IPv4 Special-Purpose Address Registry, multicast and the limited
     * broadcast address; parsed and matched with the IPAddress library (ADR 33).
     */
    static final List<IPAddress> SPECIAL_V4 = blocks(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.31.196.0/24",
            "192.52.193.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "192.175.48.0/24",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4",
            "255.255.255.255/32");

    /**
     * Every block of IANA's IPv6 Special-Purpose Address Registry, plus the deprecated site-local
     * and IPv4-compatible blocks and multicast. Teredo (2001::/32) lies in 2001::/23; the NAT64
     * well-known prefix and 6to4 are judged by the IPv4 address they embed, see {@link #isPublic}.
     */
    static final List<IPAddress> SPECIAL_V6 = blocks(
            "::/96",
            "::ffff:0:0/96",
            "64:ff9b:1::/48",
            "100::/64",
            "100:0:0:1::/64",
            "2001::/23",
            "2001:db8::/32",
            "2620:4f:8000::/48",
            "3fff::/20",
            "5f00::/16",
            "fc00::/7",
            "fe80::/10",
            "fec0::/10",
            "ff00::/8");

    private static final IPAddress NAT64_WELL_KNOWN = new IPAddressString("64:ff9b::/96").getAddress();
    private static final IPAddress SIX_TO_FOUR = new IPAddressString("2002::/16").getAddress();

    /**
     * Whether Thaw may call {@code address}: outside every special-purpose block, and, for the IPv6
     * forms that carry an IPv4 address Thaw's packets would reach (NAT64 64:ff9b::/96, 6to4
     * 2002::/16), that IPv4 address too. IPv4-mapped and -compatible, Teredo and local NAT64 are
     * special blocks of their own and refused whatever they embed.
     */
    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return outside(SPECIAL_V4, new IPv4Address(bytes));
        }
        IPv6Address v6 = new IPv6Address(bytes);
        if (!outside(SPECIAL_V6, v6)) {
            return false;
        }
        if (NAT64_WELL_KNOWN.contains(v6)) {
            return outside(SPECIAL_V4, v6.getEmbeddedIPv4Address());
        }
        if (SIX_TO_FOUR.contains(v6)) {
            return outside(SPECIAL_V4, v6.get6To4IPv4Address());
        }
        return true;
    }

    private static boolean outside(List<IPAddress> blocks, IPAddress address) {
        for (IPAddress block : blocks) {
            if (block.contains(address)) {
                return false;
            }
        }
        return true;
    }

    private static List<IPAddress> blocks(String... cidrs) {
        return Stream.of(cidrs)
                .map(cidr -> new IPAddressString(cidr).getAddress().toPrefixBlock())
                .map(IPAddress.class::cast)
                .toList();
    }
}

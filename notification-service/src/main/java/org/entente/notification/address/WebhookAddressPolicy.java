package org.entente.notification.address;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may be called at, so that whoever edits the reference data cannot
 * make the service call into its own networks: {@code https} only, at a host every address of
 * which is outside the {@linkplain #INTERNAL internal ranges} (loopback, unspecified, link-local
 * with the cloud metadata address 169.254.169.254, private and unique-local, shared (CGNAT),
 * multicast, reserved), unless it is inside a network the operator allows
 * ({@code entente.webhooks.allowed-networks}: a receiver on a private network, or the tests'
 * local receivers). An IPv4 address carried in an IPv6 one (IPv4-mapped {@code ::ffff:0:0/96},
 * NAT64's {@code 64:ff9b::/96}) is judged as the IPv4 address it reaches.
 * <p>
 * The documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) are
 * not refused: they reach nobody's network, and so serve the tests as public addresses that can
 * never be anyone's receiver.
 * <p>
 * The host is resolved at each check, so that a name which resolved to a public address when it
 * was registered and to an internal one later (DNS rebinding) is refused then.
 * <p>
 * It is checked twice: when a contact chain is saved ({@link #refusalToRegister}: the reference
 * data API and the seeded file refuse such an address with a 400 naming the field and the range)
 * and before every call ({@link #refusal}). Lives apart from both the reference data and the
 * webhook dispatcher, which both use it.
 */
public final class WebhookAddressPolicy {

    private static final String PROPERTY = "entente.webhooks.allowed-networks";

    /** How a host name becomes addresses: the JDK's resolver, or a test's. */
    @FunctionalInterface
    public interface Resolver {

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A range no webhook is called in unless allowed, and what it is, for the reason of a refusal. */
    private record Internal(Network network, String kind) {
    }

    /** Checked in order: the first range an address is in names it (::1 is loopback before it is in ::/96). */
    private static final List<Internal> INTERNAL = List.of(
            new Internal(Network.parse("0.0.0.0/8"), "unspecified"),
            new Internal(Network.parse("10.0.0.0/8"), "private"),
            new Internal(Network.parse("100.64.0.0/10"), "shared, carrier-grade NAT"),
            new Internal(Network.parse("127.0.0.0/8"), "loopback"),
            new Internal(Network.parse("169.254.0.0/16"), "link-local"),
            new Internal(Network.parse("172.16.0.0/12"), "private"),
            new Internal(Network.parse("192.168.0.0/16"), "private"),
            new Internal(Network.parse("224.0.0.0/4"), "multicast"),
            new Internal(Network.parse("240.0.0.0/4"), "reserved"),
            new Internal(Network.parse("::/128"), "unspecified"),
            new Internal(Network.parse("::1/128"), "loopback"),
            new Internal(Network.parse("::/96"), "IPv4-compatible"),
            new Internal(Network.parse("fc00::/7"), "unique-local"),
            new Internal(Network.parse("fe80::/10"), "link-local"),
            new Internal(Network.parse("fec0::/10"), "site-local"),
            new Internal(Network.parse("ff00::/8"), "multicast"));

    /** The first 96 bits of IPv6 addresses whose last 32 are the IPv4 address reached: IPv4-mapped, NAT64. */
    private static final List<byte[]> IPV4_CARRIERS = List.of(
            HexFormat.of().parseHex("00000000000000000000ffff"),
            HexFormat.of().parseHex("0064ff9b0000000000000000"));

    private static final String REFUSED = "refused by the address policy: ";

    private final List<Network> allowed;
    private final Resolver resolver;

    /** @param allowedNetworks CIDR networks, such as {@code 10.20.0.0/16} or {@code fd00:1::/64} */
    public WebhookAddressPolicy(List<String> allowedNetworks, Resolver resolver) {
        this.allowed = allowedNetworks.stream().map(Network::parse).toList();
        this.resolver = resolver;
    }

    public static WebhookAddressPolicy of(List<String> allowedNetworks) {
        return new WebhookAddressPolicy(allowedNetworks, InetAddress::getAllByName);
    }

    /**
     * Why {@code address} may not be called, or empty if it may. The reason names the range, never
     * the address (its path or query may hold the receiver's token).
     *
     * @throws UnknownHostException if its host has no address now
     */
    public Optional<String> refusal(URI address) throws UnknownHostException {
        if (!"https".equalsIgnoreCase(address.getScheme())) {
            return Optional.of(REFUSED + "not https");
        }
        if (address.getHost() == null) {
            return Optional.of(REFUSED + "no host");
        }
        for (InetAddress resolved : resolver.resolve(address.getHost())) {
            byte[] reached = reached(resolved.getAddress());
            if (allowed.stream().anyMatch(network -> network.contains(reached))) {
                continue;
            }
            Optional<Internal> internal = INTERNAL.stream().filter(range -> range.network().contains(reached)).findFirst();
            if (internal.isPresent()) {
                return Optional.of(REFUSED + "its host resolves into " + internal.get().network() + " ("
                        + internal.get().kind() + "), which " + PROPERTY + " does not allow");
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code address} may not be registered as a webhook, or empty if it may: the policy of
     * {@link #refusal}, on what its host resolves to now. A host that resolves to nothing now is
     * not refused: a receiver's name may be published after it is registered, a resolver may fail
     * for a moment, and the check before every call, on what it resolves to then, is what keeps
     * calls out of internal networks anyway.
     */
    public Optional<String> refusalToRegister(String address) {
        try {
            return refusal(URI.create(address));
        } catch (IllegalArgumentException malformed) {
            return Optional.of(REFUSED + "not a usable address");
        } catch (UnknownHostException notResolvedNow) {
            return Optional.empty();
        }
    }

    private static byte[] reached(byte[] address) {
        for (byte[] carrier : IPV4_CARRIERS) {
            if (address.length == 16 && Arrays.equals(address, 0, carrier.length, carrier, 0, carrier.length)) {
                return Arrays.copyOfRange(address, carrier.length, 16);
            }
        }
        return address;
    }

    /** An IPv4 or IPv6 network in CIDR notation. */
    private record Network(String cidr, byte[] prefix, int bits) {

        /** An IP literal only, so that reading the configuration never asks DNS. */
        private static final Pattern LITERAL = Pattern.compile(
                "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

        static Network parse(String cidr) {
            String[] parts = cidr.strip().split("/", -1);
            try {
                if (parts.length == 2 && LITERAL.matcher(parts[0]).matches()) {
                    byte[] prefix = InetAddress.getByName(parts[0]).getAddress();
                    int bits = Integer.parseInt(parts[1]);
                    if (bits >= 0 && bits <= prefix.length * 8) {
                        return new Network(cidr.strip(), prefix, bits);
                    }
                }
            } catch (UnknownHostException | NumberFormatException malformed) {
                // Reported below, as any other malformed network.
            }
            throw new IllegalArgumentException(PROPERTY + ": '" + cidr + "' is not a CIDR network such as 10.20.0.0/16 or fd00::/8");
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }

        @Override
        public String toString() {
            return cidr;
        }
    }
}

package org.entente.notification.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The address policy on literal addresses (which the JDK resolves without asking DNS), on
 * {@code localhost}, and on names whose resolution a test decides.
 */
class WebhookAddressPolicyTest {

    static final WebhookAddressPolicy DEFAULTS = WebhookAddressPolicy.of(List.of());

    @ParameterizedTest
    @CsvSource({
            "https://127.0.0.1/hook,               127.0.0.0/8,    loopback",
            "https://127.8.9.10:8443/hook,         127.0.0.0/8,    loopback",
            "https://2130706433/hook,              127.0.0.0/8,    loopback",
            "https://0.0.0.0/hook,                 0.0.0.0/8,      unspecified",
            "https://169.254.169.254/latest/meta-data, 169.254.0.0/16, link-local",
            "https://10.0.0.1/hook,                10.0.0.0/8,     private",
            "https://172.16.0.1/hook,              172.16.0.0/12,  private",
            "https://172.31.255.254/hook,          172.16.0.0/12,  private",
            "https://192.168.1.1/hook,             192.168.0.0/16, private",
            "https://100.64.0.1/hook,              100.64.0.0/10,  'shared, carrier-grade NAT'",
            "https://224.0.0.1/hook,               224.0.0.0/4,    multicast",
            "https://255.255.255.255/hook,         240.0.0.0/4,    reserved",
            "https://[::1]/hook,                   ::1/128,        loopback",
            "https://[::]/hook,                    ::/128,         unspecified",
            "https://[fe80::1]/hook,               fe80::/10,      link-local",
            "https://[fd00::1]/hook,               fc00::/7,       unique-local",
            "https://[ff02::1]/hook,               ff00::/8,       multicast",
            "https://[::ffff:127.0.0.1]/hook,      127.0.0.0/8,    loopback",
            "https://[::ffff:a9fe:a9fe]/hook,      169.254.0.0/16, link-local",
            "https://[64:ff9b::a00:1]/hook,        10.0.0.0/8,     private"})
    void shouldRefuseAnAddressInAnInternalRangeNamingTheRange(String address, String range, String kind) throws Exception {
        assertThat(DEFAULTS.refusal(URI.create(address))).contains("refused by the address policy: its host resolves into "
                + range + " (" + kind + "), which entente.webhooks.allowed-networks does not allow");
    }

    @Test
    void shouldRefuseLocalhost() throws Exception {
        // Given the name this machine resolves to its loopback address (127.0.0.1, ::1 or both, in some order)

        // When it is a webhook's host
        var refusal = DEFAULTS.refusal(URI.create("https://localhost:8443/hook"));

        // Then it is refused as loopback
        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains("(loopback)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org/hook", "ftp://example.org/hook", "//example.org/hook"})
    void shouldRefuseAnythingButHttps(String address) throws Exception {
        assertThat(DEFAULTS.refusal(URI.create(address))).contains("refused by the address policy: not https");
    }

    @Test
    void shouldRefuseAnAddressWithoutAHost() throws Exception {
        assertThat(DEFAULTS.refusal(URI.create("https:///hook"))).contains("refused by the address policy: no host");
    }

    /**
     * Public addresses from the documentation ranges, which the policy leaves alone: they stand for
     * any public receiver and can never be a real one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"https://192.0.2.10/hook", "https://198.51.100.7:8443/hook?token=abc", "https://[2001:db8::10]/hook",
            "https://172.32.0.1/hook", "https://100.128.0.1/hook"})
    void shouldAcceptAPublicAddress(String address) throws Exception {
        assertThat(DEFAULTS.refusal(URI.create(address))).isEmpty();
    }

    @Test
    void shouldAcceptAnInternalAddressOnlyInsideAnAllowedNetwork() throws Exception {
        // Given an operator who allows one private network and the IPv6 loopback address
        WebhookAddressPolicy policy = WebhookAddressPolicy.of(List.of("10.20.0.0/16", " ::1/128 "));

        // When webhooks are inside them, and just outside them
        // Then those inside are accepted, whichever way they are written, and those outside refused
        assertThat(policy.refusal(URI.create("https://10.20.3.4/hook"))).isEmpty();
        assertThat(policy.refusal(URI.create("https://[::ffff:10.20.3.4]/hook"))).isEmpty();
        assertThat(policy.refusal(URI.create("https://[::1]/hook"))).isEmpty();
        assertThat(policy.refusal(URI.create("https://10.21.0.1/hook"))).isPresent();
        assertThat(policy.refusal(URI.create("https://127.0.0.1/hook"))).isPresent();
    }

    @Test
    void shouldRefuseAHostIfAnyOfItsAddressesIsInternal() throws Exception {
        // Given a name that resolves to a public address and to a private one
        WebhookAddressPolicy policy = new WebhookAddressPolicy(List.of(),
                host -> new InetAddress[] {address("192.0.2.10"), address("10.1.2.3")});

        // When it is a webhook's host
        var refusal = policy.refusal(URI.create("https://receiver.example/hook"));

        // Then it is refused, whichever address a connection would use
        assertThat(refusal).contains("refused by the address policy: "
                + "its host resolves into 10.0.0.0/8 (private), which entente.webhooks.allowed-networks does not allow");
    }

    @Test
    void shouldJudgeWhatTheHostResolvesToAtEachCheck() throws Exception {
        // Given a name that resolves to a public address when the webhook is registered
        AtomicReference<InetAddress> resolvesTo = new AtomicReference<>(address("192.0.2.10"));
        WebhookAddressPolicy policy = new WebhookAddressPolicy(List.of(), host -> new InetAddress[] {resolvesTo.get()});
        URI webhook = URI.create("https://receiver.example/hook");
        assertThat(policy.refusal(webhook)).isEmpty();

        // When its owner re-points it at the cloud metadata address (DNS rebinding)
        resolvesTo.set(address("169.254.169.254"));

        // Then the next check refuses it
        assertThat(policy.refusal(webhook)).hasValueSatisfying(reason -> assertThat(reason).contains("169.254.0.0/16 (link-local)"));
    }

    @Test
    void shouldJudgeAnIpv4MappedAddressFromDnsAsTheIpv4AddressItReaches() throws Exception {
        // Given a name whose AAAA record is ::ffff:127.0.0.1, which the JDK keeps as an IPv6 address
        byte[] mapped = HexFormat.of().parseHex("00000000000000000000ffff7f000001");
        InetAddress ipv6 = Inet6Address.getByAddress(null, mapped, -1);
        WebhookAddressPolicy policy = new WebhookAddressPolicy(List.of(), host -> new InetAddress[] {ipv6});

        assertThat(ipv6).isInstanceOf(Inet6Address.class);

        // When it is a webhook's host
        var refusal = policy.refusal(URI.create("https://receiver.example/hook"));

        // Then it is refused as the loopback address it reaches
        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains("127.0.0.0/8 (loopback)"));
    }

    @Test
    void shouldTellAHostThatDoesNotResolveFromARefusedOne() {
        // Given a name that does not resolve (now: it may later)
        WebhookAddressPolicy policy = new WebhookAddressPolicy(List.of(), host -> {
            throw new UnknownHostException(host);
        });

        // When it is a webhook's host
        // Then the check says so, rather than refusing it for good
        assertThatThrownBy(() -> policy.refusal(URI.create("https://receiver.example/hook"))).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void shouldLetAHostThatDoesNotResolveYetBeRegisteredAndCheckedWhenCalled() {
        // Given a name that does not resolve when its chain is saved
        WebhookAddressPolicy policy = new WebhookAddressPolicy(List.of(), host -> {
            throw new UnknownHostException(host);
        });

        // Then it may be registered (what it resolves to is checked before each call), and a malformed address may not
        assertThat(policy.refusalToRegister("https://receiver.example/hook")).isEmpty();
        assertThat(policy.refusalToRegister("https://receiver example/hook")).contains("refused by the address policy: not a usable address");
    }

    @Test
    void shouldRefuseToRegisterWhatItWouldRefuseToCall() {
        // Given a name that resolves into the cloud metadata range when its chain is saved
        WebhookAddressPolicy policy = new WebhookAddressPolicy(List.of(), host -> new InetAddress[] {address("169.254.169.254")});

        // Then it is refused then, for the reason a call would be
        assertThat(policy.refusalToRegister("https://metadata.example/latest")).contains("refused by the address policy: "
                + "its host resolves into 169.254.0.0/16 (link-local), which entente.webhooks.allowed-networks does not allow");
        assertThat(DEFAULTS.refusalToRegister("https://[fd12:3456::1]/hook")).hasValueSatisfying(reason ->
                assertThat(reason).contains("fc00::/7 (unique-local)"));
        assertThat(DEFAULTS.refusalToRegister("https://192.0.2.10/hook")).isEmpty();
    }

    @Test
    void shouldAllowNoInternalNetworkUnlessConfigured() {
        assertThat(bind(Map.of()).allowedNetworks()).isEmpty();
        assertThat(bind(Map.of("entente.webhooks.allowed-networks", "10.20.0.0/16, fd00:1::/64")).allowedNetworks())
                .containsExactly("10.20.0.0/16", "fd00:1::/64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/eight", "256.0.0.0/8", "intranet.example/8", ""})
    void shouldRefuseToStartWithAnAllowedNetworkThatIsNotACidrNetwork(String network) {
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookAddressPolicy.of(List.of(network)))
                .withMessage("entente.webhooks.allowed-networks: '" + network + "' is not a CIDR network such as 10.20.0.0/16 or fd00::/8");
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    private static WebhookAddressProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("entente.webhooks", WebhookAddressProperties.class);
    }
}

package app.thaw.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

class WebhookUnitTests {

    static final List<Duration> STANDARD = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    @Test
    void theRetryScheduleFollowsStandardWebhooksAndEndsAfterTheLastDelay() {
        RetrySchedule schedule = new RetrySchedule(STANDARD);
        Instant failed = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(schedule.maxAttempts()).isEqualTo(8);
        assertThat(schedule.next(1, failed, null)).contains(failed.plusSeconds(5));
        assertThat(schedule.next(4, failed, null)).contains(failed.plus(Duration.ofHours(2)));
        assertThat(schedule.next(7, failed, null)).contains(failed.plus(Duration.ofHours(10)));
        assertThat(schedule.next(8, failed, null)).isEmpty();
    }

    @Test
    void retryAfterOnlyEverDelaysTheNextAttempt() {
        RetrySchedule schedule = new RetrySchedule(STANDARD);
        Instant failed = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(schedule.next(1, failed, Duration.ofMinutes(1))).contains(failed.plusSeconds(60));
        assertThat(schedule.next(2, failed, Duration.ofSeconds(1))).contains(failed.plus(Duration.ofMinutes(5)));
    }

    @Test
    void signaturesMatchTheReferenceLibraryForEveryActiveSecret() throws Exception {
        WebhookSecret old = WebhookSecret.generate().expiringAt(Instant.parse("2030-01-02T00:00:00Z"));
        WebhookSecret current = WebhookSecret.generate();
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        String body = "{\"type\":\"thaw.case.opened\",\"data\":{\"caseId\":\"c-1\",\"name\":\"张三\"}}";

        String header = WebhookSignature.sign(List.of(old, current), now, "msg_1", now.getEpochSecond(), body);

        assertThat(header.split(" "))
                .containsExactly(
                        new Webhook(old.value()).sign("msg_1", now.getEpochSecond(), body),
                        new Webhook(current.value()).sign("msg_1", now.getEpochSecond(), body));
        assertThat(WebhookSignature.sign(
                        List.of(old, current), now.plus(Duration.ofDays(2)), "msg_1", now.getEpochSecond(), body))
                .isEqualTo(new Webhook(current.value()).sign("msg_1", now.getEpochSecond(), body));
    }

    @Test
    void aLiveSignatureVerifiesWithTheReferenceLibrary() {
        WebhookSecret secret = WebhookSecret.generate();
        Instant now = Instant.now();
        String body = "{\"ok\":true}";
        String signature = WebhookSignature.sign(List.of(secret), now, "msg_2", now.getEpochSecond(), body);
        assertThatCode(() -> new Webhook(secret.value())
                        .verify(
                                body,
                                Map.of(
                                        "webhook-id",
                                        List.of("msg_2"),
                                        "webhook-timestamp",
                                        List.of(Long.toString(now.getEpochSecond())),
                                        "webhook-signature",
                                        List.of(signature))))
                .doesNotThrowAnyException();
    }

    @Test
    void secretsAreWhsecWithAtLeast24BytesOfKey() {
        assertThat(WebhookSecret.generate().key()).hasSize(32);
        assertThatThrownBy(() -> new WebhookSecret(
                        "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[23]), null))
                .hasMessageContaining("24 bytes");
        assertThatThrownBy(() -> new WebhookSecret("secret", null)).hasMessageContaining("whsec_");
    }

    @Test
    void aPublicNameThatResolvesToAPrivateAddressIsRefused() throws Exception {
        InetAddress internal = InetAddress.getByAddress("rebind.example", new byte[] {10, 1, 2, 3});
        InetAddress external = InetAddress.getByAddress("rebind.example", new byte[] {93, (byte) 184, (byte) 215, 14});
        AddressGuard guard = new AddressGuard(Set.of(), host -> new InetAddress[] {external, internal});
        assertThatThrownBy(() -> guard.check(URI.create("https://rebind.example/hook")))
                .isInstanceOf(UnsafeWebhookUrl.class);
        AddressGuard publicOnly = new AddressGuard(Set.of(), host -> new InetAddress[] {external});
        assertThatCode(() -> publicOnly.check(URI.create("https://rebind.example/hook")))
                .doesNotThrowAnyException();
    }

    @Test
    void theAddressesTheClientResolvedWhenConnectingArePinnedToPublicOnesUnlessTheHostIsAllowed() throws Exception {
        InetSocketAddress rebound = new InetSocketAddress(
                InetAddress.getByAddress("rebind.example", new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}),
                443);
        InetSocketAddress external = new InetSocketAddress(
                InetAddress.getByAddress("rebind.example", new byte[] {93, (byte) 184, (byte) 215, 14}), 443);
        AddressGuard guard = new AddressGuard(Set.of("127.0.0.1"));

        assertThat(guard.connectable(List.of(external))).isEqualTo(List.of(external));
        assertThatThrownBy(() -> guard.connectable(List.of(external, rebound)))
                .isInstanceOf(UnsafeWebhookUrl.class)
                .hasMessageContaining("rebind.example")
                .hasMessageContaining("when connecting");
        InetSocketAddress allowedLoopback =
                new InetSocketAddress(InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1}), 8080);
        assertThat(guard.connectable(List.of(allowedLoopback))).isEqualTo(List.of(allowedLoopback));
        assertThat(new AddressGuard(Set.of("*")).connectable(List.of(rebound))).isEqualTo(List.of(rebound));
    }

    @Test
    void metadataCgnatAndMappedAddressesAreNotPublic() throws Exception {
        for (String address : List.of(
                "169.254.169.254",
                "100.64.0.1",
                "127.0.0.1",
                "10.0.0.1",
                "172.16.0.1",
                "192.168.0.1",
                "0.0.0.0",
                "::1",
                "fd00:ec2::254",
                "fe80::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254")) {
            assertThat(AddressGuard.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
        assertThat(AddressGuard.isPublic(InetAddress.getByName("93.184.215.14")))
                .isTrue();
        assertThat(AddressGuard.isPublic(InetAddress.getByName("2606:4700::1111")))
                .isTrue();
    }

    @Test
    void everySpecialPurposeBlockOfBothRegistriesIsRefusedAtItsEdges() throws Exception {
        for (String address : List.of(
                // IPv4: broadcast, TEST-NET-1/2/3, benchmarking, reserved, IETF, AS112, AMT, 6to4 relay, multicast,
                // this network.
                "255.255.255.255",
                "192.0.2.1",
                "198.51.100.255",
                "203.0.113.7",
                "198.19.255.255",
                "240.0.0.1",
                "254.255.255.255",
                "192.0.0.9",
                "192.0.0.171",
                "192.31.196.1",
                "192.52.193.1",
                "192.88.99.1",
                "192.175.48.1",
                "224.0.0.1",
                "239.255.255.255",
                "0.1.2.3",
                "172.31.255.255",
                "100.127.255.255",
                // IPv6: unspecified, IPv4-compatible, discard, dummy, IETF (Teredo, ORCHID, AMT), documentation old and
                // new,
                // AS112, SRv6, site-local, multicast, local-use NAT64.
                "::",
                "::7f00:1",
                "100::1",
                "100:0:0:1::1",
                "2001::1",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2",
                "2001:20::1",
                "2001:db8::1",
                "3fff::1",
                "2620:4f:8000::1",
                "5f00::1",
                "fec0::1",
                "ff02::1",
                "64:ff9b:1::8.8.8.8",
                // Embedded IPv4: NAT64 and 6to4 forms of loopback, metadata, private and TEST-NET.
                "64:ff9b::127.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b::10.0.0.1",
                "2002:7f00:1::1",
                "2002:a9fe:a9fe::1",
                "2002:c000:0201::1",
                "2002:0a00:0001::")) {
            assertThat(AddressGuard.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
        // Just outside the blocks, and the embedded forms of public addresses, pass.
        for (String address : List.of(
                "1.1.1.1",
                "8.8.8.8",
                "100.128.0.1",
                "100.63.255.255",
                "172.32.0.1",
                "192.0.1.1",
                "198.20.0.1",
                "223.255.255.255",
                "2606:4700::1111",
                "2001:200::1",
                "64:ff9b::8.8.8.8",
                "2002:0808:0808::1")) {
            assertThat(AddressGuard.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
    }

    @Test
    void aNameResolvingToA6to4FormOfLoopbackIsRefusedAtRegistration() throws Exception {
        InetAddress sixToFourLoopback = InetAddress.getByName("2002:7f00:1::1");
        AddressGuard guard = new AddressGuard(Set.of(), host -> new InetAddress[] {sixToFourLoopback});
        assertThatThrownBy(() -> guard.check(URI.create("https://hooks.example/x")))
                .isInstanceOf(UnsafeWebhookUrl.class);
    }

    @Test
    void anExplicitlyAllowedDevelopmentHostPasses() {
        AddressGuard guard =
                new AddressGuard(Set.of("127.0.0.1"), host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        assertThatCode(() -> guard.check(URI.create("http://127.0.0.1:9000/hook")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(URI.create("http://localhost:9000/hook")))
                .isInstanceOf(UnsafeWebhookUrl.class);
    }
}

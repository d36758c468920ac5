package app.thaw.notifications.delivery;

import static app.thaw.notifications.NotificationsTestBase.caseData;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import app.thaw.notifications.HttpStub;
import app.thaw.notifications.NotificationServiceApplication;
import app.thaw.notifications.delivery.internal.DeliveryWorker;
import app.thaw.platform.events.EventInbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.testing.TestTokens;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * ADR 30's promise across a real restart: the application context is closed (its embedded store
 * with it) and a new one starts on the same data directory; the same event, delivered again even
 * after the inbox lost its record of it, reaches the real SMTP server and the real webhook
 * receiver exactly once.
 */
class DedupeAcrossRestartTests {

    static final TestTokens tokens = new TestTokens();
    static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final HttpStub receiver = new HttpStub();

    static {
        smtp.start();
    }

    @TempDir
    Path dataDir;

    @AfterAll
    static void stopPeers() {
        smtp.stop();
        receiver.close();
    }

    ConfigurableApplicationContext start() {
        // Command-line arguments: they outrank application.yml, as the tests' dynamic properties do.
        return new SpringApplicationBuilder(NotificationServiceApplication.class, OwnNettyResources.class)
                .run(
                        "--server.port=0",
                        "--thaw.security.jwk-set-uri=" + tokens.jwkSetUri(),
                        "--thaw.store.data-dir=" + dataDir,
                        // The same keyset too: the second application opens the webhook secrets the first one sealed.
                        "--thaw.notifications.webhooks.keyset-dir=" + dataDir.resolve("keys"),
                        "--thaw.timers.enabled=false",
                        "--thaw.events.relay.enabled=false",
                        "--thaw.events.subscriptions[0].name=case-service",
                        "--thaw.events.subscriptions[0].types=thaw.notification.*",
                        "--thaw.events.subscriptions[0].url=http://127.0.0.1:9/internal/events",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        "--thaw.notifications.webhooks.allowed-private-hosts=127.0.0.1",
                        "--thaw.notifications.webhooks.timeout=2s");
    }

    /**
     * Each context on Netty resources of its own: closing a context that used the global ones
     * would dispose them under every other server in this JVM (the shared test context's stubs).
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    static WebTestClient web(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    static void deliver(ConfigurableApplicationContext app, ThawEvent event) {
        String service = tokens.token(
                List.of("thaw_service"),
                claims -> claims.claim("tenant_id", "thaw")
                        .subject("service-account-case-service")
                        .claim("azp", "case-service"));
        web(app).post()
                .uri("/internal/events")
                .headers(h -> h.setBearerAuth(service))
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue(event.toCloudEvent())
                .exchange()
                .expectStatus()
                .isOk();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(app.getBean(DeliveryWorker.class)::idle);
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(to -> to.toString().contains(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void theSameEventAfterARealRestartReachesTheMailServerAndTheWebhookReceiverOnce() {
        String tenant = "restart-" + System.nanoTime();
        String email = tenant + "@merchant.example";
        String hook = "/hooks/" + tenant;
        String admin = tokens.token(
                List.of("merchant_admin"),
                claims -> claims.claim("tenant_id", tenant).subject("admin-1"));
        ThawEvent opened = ThawEvent.of(
                "/thaw/case-service",
                "thaw.case.opened",
                "case-r1",
                tenant,
                Instant.now(),
                null,
                caseData("case-r1", "RISK_TXN", false, "reference", "TH-r1"));

        ConfigurableApplicationContext first = start();
        try {
            web(first)
                    .post()
                    .uri("/api/v1/notifications/recipients")
                    .headers(h -> h.setBearerAuth(admin))
                    .bodyValue(Map.of(
                            "kind",
                            "CLIENT",
                            "name",
                            "Merchant Contact",
                            "email",
                            email,
                            "channels",
                            List.of("EMAIL"),
                            "language",
                            "en"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            web(first)
                    .post()
                    .uri("/api/v1/notifications/webhooks")
                    .headers(h -> h.setBearerAuth(admin))
                    .bodyValue(Map.of("url", receiver.url(hook), "eventTypes", List.of("thaw.case.*")))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            deliver(first, opened);
            assertThat(mailTo(email)).hasSize(1);
            assertThat(receiver.received(hook)).hasSize(1);
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = start();
        try {
            ReactiveMongoTemplate mongo = second.getBean(ReactiveMongoTemplate.class);
            assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "deliveries")
                            .block())
                    .as("the deliveries survived the restart")
                    .isEqualTo(2);
            // As if the inbox had lost its record of the event too: only the deliveries' ids stand between it and a
            // second send.
            assertThat(mongo.remove(Query.query(Criteria.where("_id").is(opened.id())), EventInbox.PROCESSED_EVENTS)
                            .block()
                            .getDeletedCount())
                    .isEqualTo(1);
            deliver(second, opened);
        } finally {
            second.close();
        }

        assertThat(mailTo(email)).hasSize(1);
        assertThat(receiver.received(hook)).hasSize(1);
    }
}

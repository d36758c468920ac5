package app.thaw.notifications.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.webhooks.WebhookEndpoint;
import app.thaw.notifications.webhooks.WebhookSecret;
import app.thaw.notifications.webhooks.WebhookService;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Signing secrets at rest: stored sealed for their endpoint, never in clear; a sealed secret moved
 * to another endpoint does not open; secrets stored in clear before sealing are still read, and are
 * sealed at start without touching the endpoint's version. (That every webhook still verifies with
 * the reference library, after a restart too, is proven by {@code WebhookTests} and
 * {@code DedupeAcrossRestartTests}, which now run on sealed secrets.)
 */
class WebhookSecretsAtRestTests extends NotificationsTestBase {

    @Autowired
    WebhookService webhooks;

    Document stored(String id) {
        return mongo.findById(id, Document.class, WebhookStore.COLLECTION).block();
    }

    /** Registered through the API, as a tenant does, with the secret it chose. */
    WebhookEndpoint register(String tenant, WebhookSecret secret) {
        Map<?, ?> answer = postJson(
                        admin(tenant),
                        "/api/v1/notifications/webhooks",
                        Map.of(
                                "url",
                                receiver.url("/sealed-" + UUID.randomUUID()),
                                "eventTypes",
                                List.of("thaw.case.*"),
                                "secret",
                                secret.value()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return webhooks.get(tenant, (String) ((Map<?, ?>) answer.get("endpoint")).get("id"))
                .block();
    }

    @Test
    void aSecretIsStoredSealedForItsEndpointAndReadBackAsGivenAlsoAfterARotation() {
        String tenant = newTenant();
        WebhookSecret given = WebhookSecret.generate();
        WebhookEndpoint endpoint = register(tenant, given);

        Document document = stored(endpoint.id());
        String raw = document.toJson();
        assertThat(raw).doesNotContain(given.value(), given.value().substring(WebhookSecret.PREFIX.length()));
        assertThat(document.getList("secrets", Document.class))
                .singleElement()
                .satisfies(secret ->
                        assertThat(secret).containsKey(WebhookStore.SEALED).doesNotContainKey(WebhookStore.IN_CLEAR));
        assertThat(webhooks.get(tenant, endpoint.id()).block().currentSecret().value())
                .isEqualTo(given.value());

        postJson(
                        admin(tenant),
                        "/api/v1/notifications/webhooks/{id}/rotate-secret",
                        Map.of("version", endpoint.version()),
                        endpoint.id())
                .expectStatus()
                .isOk();
        WebhookEndpoint rotated = webhooks.get(tenant, endpoint.id()).block();
        assertThat(rotated.secrets())
                .hasSize(2)
                .first()
                .satisfies(old -> assertThat(old.value()).isEqualTo(given.value()));
        assertThat(stored(endpoint.id()).getList("secrets", Document.class))
                .hasSize(2)
                .allSatisfy(secret ->
                        assertThat(secret).containsKey(WebhookStore.SEALED).doesNotContainKey(WebhookStore.IN_CLEAR));
        assertThat(stored(endpoint.id()).toJson())
                .doesNotContain(rotated.currentSecret().value());
    }

    @Test
    void aSealedSecretCopiedToAnotherEndpointDoesNotOpen() {
        String tenant = newTenant();
        WebhookEndpoint first = register(tenant, WebhookSecret.generate());
        WebhookEndpoint second = register(tenant, WebhookSecret.generate());

        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(second.id())),
                        new Update().set("secrets", stored(first.id()).get("secrets")),
                        WebhookStore.COLLECTION)
                .block();

        assertThatThrownBy(() -> webhooks.get(tenant, second.id()).block())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(second.id())
                .hasMessageNotContaining("whsec_");
    }

    @Test
    void aSecretStoredInClearIsReadAndSealedAtStartKeepingTheEndpointsVersion() {
        String tenant = newTenant();
        WebhookSecret legacy = WebhookSecret.generate();
        String id = "ep-legacy-" + tenant;
        mongo.insert(
                        new Document("_id", id)
                                .append("tenantId", tenant)
                                .append("url", receiver.url("/legacy-" + tenant))
                                .append("eventTypes", List.of("thaw.case.*"))
                                .append(
                                        "secrets",
                                        List.of(new Document(WebhookStore.IN_CLEAR, legacy.value())
                                                .append("expiresAt", null)))
                                .append("enabled", true)
                                .append("version", 3L),
                        WebhookStore.COLLECTION)
                .block();
        assertThat(webhooks.get(tenant, id).block().currentSecret().value())
                .as("read as stored before sealing")
                .isEqualTo(legacy.value());

        assertThat(webhooks.sealSecretsStoredInClear().block()).isGreaterThanOrEqualTo(1);

        Document sealed = stored(id);
        assertThat(sealed.toJson()).doesNotContain(legacy.value());
        assertThat(sealed.getList("secrets", Document.class))
                .singleElement()
                .satisfies(secret ->
                        assertThat(secret).containsKey(WebhookStore.SEALED).doesNotContainKey(WebhookStore.IN_CLEAR));
        assertThat(((Number) sealed.get("version")).longValue()).isEqualTo(3L);
        assertThat(webhooks.get(tenant, id).block().currentSecret().value()).isEqualTo(legacy.value());
        assertThat(webhooks.sealSecretsStoredInClear().block())
                .as("nothing left in clear")
                .isZero();
    }
}

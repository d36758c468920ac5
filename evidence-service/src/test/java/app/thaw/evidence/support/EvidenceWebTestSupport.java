package app.thaw.evidence.support;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.evidence.casefile.CaseFiles;
import app.thaw.evidence.custody.CustodyLog;
import app.thaw.platform.testing.ApiCalls;
import app.thaw.platform.testing.CloudEvents;
import app.thaw.platform.testing.MutableClock;
import app.thaw.platform.testing.ServiceContractTests;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one application context every web test of this module shares (same configuration, so
 * Spring's cache boots it once), on the in-process embedded store, with a clock the tests move.
 * It extends the platform's contract so that context is also the one the contract checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(EvidenceWebTestSupport.TestClock.class)
public abstract class EvidenceWebTestSupport extends ServiceContractTests implements ApiCalls {

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected MutableClock clock;

    @Override
    protected String area() {
        return "evidence";
    }

    @Override
    protected String serviceName() {
        return "evidence-service";
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.frozenNow();
        }
    }

    protected static String token(String tenant, String username, String... roles) {
        return tokens.token(
                List.of(roles),
                claims -> claims.claim("tenant_id", tenant)
                        .claim("preferred_username", username)
                        .subject("sub-" + username));
    }

    protected static String merchant(String tenant) {
        return token(tenant, tenant + "-admin", "merchant_admin");
    }

    protected static String staff(String... roles) {
        return token("thaw", "staff-" + String.join("-", roles), roles);
    }

    /** The case's custody report ({@code GET …/custody/verify}) as {@code bearer} asks for it: 200, its body. */
    protected WebTestClient.BodyContentSpec custodyReport(String caseId, String bearer) {
        return web.get()
                .uri("/api/v1/evidence/cases/{caseId}/custody/verify", caseId)
                .headers(h -> h.setBearerAuth(bearer))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    /** An agent exports the case's dossier (the export is an entry of the custody chain): 200. */
    protected void exportDossierAsAnAgent(String caseId) {
        bigWeb().get()
                .uri("/api/v1/evidence/cases/{caseId}/dossier", caseId)
                .headers(h -> h.setBearerAuth(staff("staff_agent")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult();
    }

    /** A client that reads bodies of several MiB (downloads, dossiers) into memory for assertions. */
    protected WebTestClient bigWeb() {
        return web.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
    }

    /** Makes a case known the way production does: case-service's thaw.case.opened, delivered to /internal/events. */
    protected String openCase(String tenant, String scenario) {
        String caseId = "case-" + UUID.randomUUID();
        deliverCaseEvent("thaw.case.opened", tenant, caseId, scenario);
        return caseId;
    }

    protected void deliverCaseEvent(String type, String tenant, String caseId, String scenario) {
        deliverCaseEvent(type, tenant, caseId, scenario, null);
    }

    /** @param sequence the event's place among the case's events (null: unnumbered) */
    protected void deliverCaseEvent(String type, String tenant, String caseId, String scenario, Long sequence) {
        Map<String, Object> event = caseServiceEvent(
                type,
                tenant,
                caseId,
                Map.of("caseId", caseId, "scenario", scenario, "drill", false, "restricted", false));
        if (sequence != null) {
            event.put("sequence", sequence);
        }
        deliver(event);
    }

    /** Delivers {@code event} to /internal/events as another service does: accepted. */
    protected void deliver(Map<String, Object> event) {
        postJson(tokens.token("thaw_service"), "/internal/events", event)
                .expectStatus()
                .is2xxSuccessful();
    }

    /** A CloudEvent from case-service, sent now (a mutable map, for a test to add to or take from). */
    protected static Map<String, Object> caseServiceEvent(
            String type, String tenant, String subject, Map<String, Object> data) {
        return CloudEvents.envelope("/thaw/case-service", type, tenant, subject, data);
    }

    /** Uploads raw bytes; returns the exchange for the test to assert on. */
    protected WebTestClient.ResponseSpec uploadRaw(
            String token, String caseId, String requirement, String fileName, String contentType, byte[] content) {
        return uploadRaw(token, caseId, requirement, fileName, contentType, content, Map.of());
    }

    /**
     * Uploads raw bytes with what the holder declares of the document ({@code documentType}, {@code nameOnDocument},
     * {@code expiryDate}, {@code answers}: query parameters of the upload); returns the exchange.
     */
    protected WebTestClient.ResponseSpec uploadRaw(
            String token,
            String caseId,
            String requirement,
            String fileName,
            String contentType,
            byte[] content,
            Map<String, String> declared) {
        return web.post()
                .uri(uri -> {
                    uri.path("/api/v1/evidence/cases/{caseId}/items")
                            .queryParam("requirementCode", requirement)
                            .queryParam("fileName", fileName);
                    declared.forEach(uri::queryParam);
                    return uri.build(caseId);
                })
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.parseMediaType(contentType))
                .bodyValue(content)
                .exchange();
    }

    protected String uploadedId(
            String token, String caseId, String requirement, String fileName, String contentType, byte[] content) {
        return uploadedId(token, caseId, requirement, fileName, contentType, content, Map.of());
    }

    /** The id of an upload with what the holder declares of the document (see {@link #uploadRaw}). */
    protected String uploadedId(
            String token,
            String caseId,
            String requirement,
            String fileName,
            String contentType,
            byte[] content,
            Map<String, String> declared) {
        return (String) uploadRaw(token, caseId, requirement, fileName, contentType, content, declared)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    /** A small bank statement (a.pdf, a PDF made from {@code seed}) uploaded to the case as {@code token}. */
    protected WebTestClient.ResponseSpec uploadStatement(String token, String caseId, long seed) {
        return uploadRaw(token, caseId, "BANK_STATEMENT", "a.pdf", "application/pdf", Samples.pdf(100, seed));
    }

    /** acme's ID document (id.png, a PNG made from {@code seed}) uploaded to the case: its id. */
    protected String acmesIdDocument(String caseId, long seed) {
        return uploadedId(merchant("acme"), caseId, "ID_DOCUMENT", "id.png", "image/png", Samples.png(seed));
    }

    /** A page or fragment answered 200: its HTML. */
    protected static String html(WebTestClient.ResponseSpec answer) {
        return html(answer, 200);
    }

    /** A page or fragment answered 400: its HTML. */
    protected static String badRequestHtml(WebTestClient.ResponseSpec answer) {
        return html(answer, 400);
    }

    private static String html(WebTestClient.ResponseSpec answer, int status) {
        return answer.expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The id of the first hold of the case file answered 201 (to a hold placed). */
    protected static String firstHoldId(WebTestClient.ResponseSpec placed) {
        return (String) ((Map<?, ?>) ((List<?>) placed.expectStatus()
                                .isCreated()
                                .expectBody(Map.class)
                                .returnResult()
                                .getResponseBody()
                                .get("holds"))
                        .getFirst())
                .get("holdId");
    }

    /** The admin of the case's merchant {@code tenant} lets {@code insurerTenant} follow the case: the consent's id. */
    protected String grantConsent(String tenant, String insurerTenant, String caseId) {
        return (String) postJson(
                        merchant(tenant),
                        "/api/v1/evidence/cases/{caseId}/consents",
                        Map.of("insurerTenantId", insurerTenant),
                        caseId)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("consentId");
    }

    /** A compliance officer releases the case's hold, giving {@code reason}. */
    protected WebTestClient.ResponseSpec releaseHold(String caseId, String holdId, String reason) {
        return postJson(
                staff("compliance_officer"),
                "/api/v1/evidence/cases/{caseId}/holds/{holdId}/release",
                Map.of("reason", reason),
                caseId,
                holdId);
    }

    /** {@code POST /items/{id}/verdict} with {@code body}, as {@code bearer}'s caller. */
    protected WebTestClient.ResponseSpec verdict(String id, String bearer, Map<String, ?> body) {
        return web.post()
                .uri("/api/v1/evidence/items/{id}/verdict", id)
                .headers(h -> h.setBearerAuth(bearer))
                .bodyValue(body)
                .exchange();
    }

    /** The verdict, taken: 200, the item's body. */
    protected WebTestClient.BodyContentSpec decided(String id, String bearer, Map<String, ?> body) {
        return verdict(id, bearer, body).expectStatus().isOk().expectBody();
    }

    /**
     * acme's business licence (licence.png), uploaded with what the holder declares of it: 营业执照 of 杭州小象贸易有限公司,
     * expired 2021-03-31. Answers its id.
     */
    protected String declaredExpiredLicence(String caseId, long seed) {
        return uploadedId(
                merchant("acme"),
                caseId,
                "BUSINESS_LICENSE",
                "licence.png",
                "image/png",
                Samples.png(seed),
                Map.of("documentType", "营业执照", "nameOnDocument", "杭州小象贸易有限公司", "expiryDate", "2021-03-31"));
    }

    /**
     * Cuts the case's custody chain back to its first entry, as one who deleted the later entries and moved the case
     * file's head back would: a consistent, shorter chain that only the signed dossier can show was longer.
     */
    protected void cutChainBackToFirstEntry(String caseId) {
        Document first = find(
                        CustodyLog.COLLECTION,
                        Criteria.where("caseId").is(caseId).and("seq").is(1L))
                .getFirst();
        mongo.remove(Query.query(Criteria.where("caseId").is(caseId).and("seq").gt(1L)), CustodyLog.COLLECTION)
                .block();
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(caseId)),
                        new Update()
                                .set(CustodyLog.HEAD, new Document("seq", 1L).append("hash", first.getString("hash"))),
                        CaseFiles.COLLECTION)
                .block();
    }

    /** How often the audit log of {@code tenant} records {@code action} on the case. */
    protected long audited(String tenant, String action, String caseId) {
        return count(
                "audit_log",
                Criteria.where("tenantId")
                        .is(tenant)
                        .and("action")
                        .is(action)
                        .and("objectId")
                        .is(caseId));
    }

    /** How often any tenant's audit log records {@code action} on the case. */
    protected long audited(String action, String caseId) {
        return count(
                "audit_log", Criteria.where("action").is(action).and("objectId").is(caseId));
    }

    protected long count(String collection, Criteria criteria) {
        return mongo.count(Query.query(criteria), collection).block();
    }

    protected List<Document> find(String collection, Criteria criteria) {
        return mongo.find(Query.query(criteria), Document.class, collection)
                .collectList()
                .block();
    }

    protected Clock clock() {
        return clock;
    }

    @Override
    public WebTestClient web() {
        return web;
    }
}

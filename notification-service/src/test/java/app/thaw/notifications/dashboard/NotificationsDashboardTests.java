package app.thaw.notifications.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.webhooks.DisabledReason;
import app.thaw.notifications.webhooks.WebhookService;
import app.thaw.platform.testing.AuditEntries;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The staff dashboard under /dashboard/notifications/: each page renders the tenant's data in the
 * caller's language, only for supervisors and platform admins (dead letters: platform admins
 * only), and its writes work or refuse with a message the page shows.
 */
class NotificationsDashboardTests extends NotificationsTestBase {

    @Autowired
    WebhookService webhookService;

    static String supervisor(String tenant) {
        return token(tenant, "supervisor-1", "staff_supervisor");
    }

    static String platformAdmin(String tenant) {
        return token(tenant, "platform-admin-1", "platform_admin");
    }

    String page(String path, String token, String language, HttpStatus expected) {
        return page(path, token, language, expected, new Object[0]);
    }

    /** The page at {@code path}, a URI template whose variables are encoded strictly (any character may be sent). */
    String page(String path, String token, String language, HttpStatus expected, Object... variables) {
        return getIn(language, token, path, variables)
                .expectStatus()
                .isEqualTo(expected)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** A client with e-mail and SMS, and a case opened for it: delivered at once on both channels. */
    String openCaseForClient(String tenant, String caseId) {
        registerRecipient(tenant, merchantContact(caseId + "@example.com", "+8613800000009", List.of("EMAIL", "SMS")));
        deliver(event(
                        tenant,
                        "thaw.case.opened",
                        caseId,
                        caseData(
                                caseId,
                                "RISK_TXN",
                                false,
                                "reference",
                                "TH-" + caseId,
                                "holder",
                                Map.of(
                                        "type",
                                        "ENTERPRISE",
                                        "displayName",
                                        "Widgets Ltd",
                                        "accountReference",
                                        "acct-1"),
                                "platform",
                                "LianLian",
                                "scope",
                                "TRANSACTION",
                                "openedAt",
                                Instant.now().toString())))
                .expectStatus()
                .isOk();
        return mongo.findOne(
                        Query.query(Criteria.where("tenantId")
                                .is(tenant)
                                .and("channel")
                                .is("EMAIL")),
                        Document.class,
                        "deliveries")
                .block()
                .getString("_id");
    }

    @Test
    void theDeliveryLogShowsTheTenantsDeliveriesInEnglishAndChineseAndFilters() {
        String tenant = newTenant();
        openCaseForClient(tenant, "case-log");

        String english = page("/dashboard/notifications/", supervisor(tenant), "en", HttpStatus.OK);
        assertThat(english)
                .contains(
                        "lang=\"en\"",
                        "Delivery log",
                        ">Case opened<",
                        "title=\"thaw.case.opened\"",
                        "case-log",
                        "E-mail",
                        "SMS",
                        "Delivered",
                        "hx-get=\"/dashboard/notifications/deliveries/");
        String chinese = page("/dashboard/notifications/", supervisor(tenant), "zh-CN,zh;q=0.9", HttpStatus.OK);
        assertThat(chinese)
                .contains("lang=\"zh-CN\"", "投递记录", "电子邮件", "短信", "已送达", ">案件已开立<")
                .doesNotContain("Delivery log", ">thaw.case.opened<");

        String smsOnly = page("/dashboard/notifications/?channel=SMS", supervisor(tenant), "en", HttpStatus.OK);
        assertThat(smsOnly).contains("|SMS\"").doesNotContain("|EMAIL\"");
        assertThat(page("/dashboard/notifications/?caseId=another-case", supervisor(tenant), "en", HttpStatus.OK))
                .contains("No deliveries match.")
                .doesNotContain("case-log");
        assertThat(page("/dashboard/notifications/", supervisor(newTenant()), "en", HttpStatus.OK))
                .as("another tenant's supervisor")
                .doesNotContain("case-log");
    }

    @Test
    void anUnknownFilterValueIsRefusedWithAVisibleMessage() {
        assertThat(page("/dashboard/notifications/?channel=FAX", supervisor(newTenant()), "en", HttpStatus.BAD_REQUEST))
                .contains("role=\"alert\"", "Unknown channel or status in the filter.");
        assertThat(page(
                        "/dashboard/notifications/?status=LOST",
                        supervisor(newTenant()),
                        "zh-CN",
                        HttpStatus.BAD_REQUEST))
                .contains("筛选条件中的渠道或状态无效。");
    }

    @Test
    void aDeliveryShowsEveryAttemptAndAReplayAddsOne() {
        String tenant = newTenant();
        String id = openCaseForClient(tenant, "case-replay");

        String detail = page("/dashboard/notifications/deliveries/{id}", supervisor(tenant), "en", HttpStatus.OK, id);
        assertThat(detail)
                .contains("[TH-case-replay] We found it and we are on it", "Succeeded", " ms", "Replay now")
                .containsOnlyOnce("class=\"attempt\"");

        String replayed = postIn("zh-CN", supervisor(tenant), "/dashboard/notifications/deliveries/{id}/replay", id)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(replayed).contains("已重发", "成功");
        assertThat(replayed.split("class=\"attempt\"", -1)).hasSize(3);

        getAs(supervisor(newTenant()), "/dashboard/notifications/deliveries/{id}", id)
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("role=\"alert\"", "Not found"));
        postIn("en", supervisor(tenant), "/dashboard/notifications/deliveries/{id}/replay", "no-such-delivery")
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("role=\"alert\"", "Not found"));
    }

    @Test
    void theMailboxShowsCapturedMessagesNewestFirstWithTheirBody() {
        String tenant = newTenant();
        Instant now = Instant.now();
        mongo.insert(
                        new Document("_id", "m-older-" + tenant)
                                .append("tenantId", tenant)
                                .append("channel", "SMS")
                                .append("to", "+8613800000001")
                                .append("text", "Older SMS body")
                                .append("eventType", "thaw.case.opened")
                                .append("capturedAt", Date.from(now.minusSeconds(60))),
                        "mailbox")
                .block();
        mongo.insert(
                        new Document("_id", "a-newer-" + tenant)
                                .append("tenantId", tenant)
                                .append("channel", "EMAIL")
                                .append("to", "client@example.com")
                                .append("subject", "Newer subject")
                                .append("text", "Newer e-mail body\nsecond line")
                                .append("eventType", "thaw.case.opened")
                                .append("capturedAt", Date.from(now)),
                        "mailbox")
                .block();

        String english = page("/dashboard/notifications/mailbox", supervisor(tenant), "en", HttpStatus.OK);
        assertThat(english)
                .contains(
                        "Development mailbox", "Newer subject", "client@example.com", "Newer e-mail body\nsecond line");
        assertThat(english.indexOf("Newer e-mail body")).isLessThan(english.indexOf("Older SMS body"));
        assertThat(page("/dashboard/notifications/mailbox", supervisor(tenant), "zh-CN", HttpStatus.OK))
                .contains("开发邮箱", "收件人");
        assertThat(page("/dashboard/notifications/mailbox", supervisor(newTenant()), "en", HttpStatus.OK))
                .doesNotContain("Newer subject");
    }

    @Test
    void aDisabledWebhookEndpointIsListedAndCanBeEnabledAgainAtTheVersionShown() {
        String tenant = newTenant();
        Map<?, ?> registered = postJson(
                        admin(tenant),
                        "/api/v1/notifications/webhooks",
                        Map.of("url", receiver.url("/dashboard-hook"), "eventTypes", List.of("thaw.case.*")))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String id = (String) ((Map<?, ?>) registered.get("endpoint")).get("id");
        assertThat(page("/dashboard/notifications/webhooks", supervisor(tenant), "en", HttpStatus.OK))
                .contains("Every webhook endpoint is healthy.");
        webhookService.disable(tenant, id, DisabledReason.FAILING.sentence(5)).block();
        long version = webhookService.get(tenant, id).block().version();

        String listed = page("/dashboard/notifications/webhooks", supervisor(tenant), "en", HttpStatus.OK);
        assertThat(listed)
                .contains(
                        "/dashboard-hook",
                        "Disabled",
                        "failing for 5 days without a success",
                        "Enable again",
                        "version=" + version);
        // The reason in the page's language, not the English sentence the endpoint keeps for the API.
        assertThat(page("/dashboard/notifications/webhooks", supervisor(tenant), "zh-CN", HttpStatus.OK))
                .contains("已停用", "重新启用", "连续 5 天投递均未成功")
                .doesNotContain("without a success");

        postIn("en", supervisor(tenant), "/dashboard/notifications/webhooks/{id}/enable?version={v}", id, version - 1)
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("role=\"alert\"", "Reload the page"));
        postIn("en", supervisor(tenant), "/dashboard/notifications/webhooks/{id}/enable?version={v}", id, version)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("Enabled again", "/dashboard-hook"));
        assertThat(webhookService.get(tenant, id).block().enabled()).isTrue();
        assertThat(page("/dashboard/notifications/webhooks", supervisor(tenant), "en", HttpStatus.OK))
                .contains("Every webhook endpoint is healthy.");
    }

    @Test
    void theGoldenFifteenChartCountsCasesToldInTimeAndLate() {
        // The chart buckets by UTC day: at noon, "20 minutes ago" is today whenever the test runs.
        Instant noon =
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(12));
        clock.set(noon.isBefore(clock.instant()) ? noon.plus(Duration.ofDays(1)) : noon);
        String tenant = newTenant();
        openCaseForClient(tenant, "case-in-time");
        // A case heard of 20 minutes ago whose client was never told: late.
        Instant heardOf = clock.instant().minus(Duration.ofMinutes(20));
        mongo.insert(
                        new Document("_id", "e-late|staff|IN_APP")
                                .append("tenantId", tenant)
                                .append("caseId", "case-late")
                                .append("eventType", "thaw.case.opened")
                                .append("channel", "IN_APP")
                                .append("status", "DELIVERED")
                                .append("createdAt", Date.from(heardOf)),
                        "deliveries")
                .block();

        String english = page("/dashboard/notifications/golden-15", supervisor(tenant), "en", HttpStatus.OK);
        assertThat(english).contains("Golden 15 minutes", "2 cases in the last 14 days", "new Chart(", "golden-chart");
        assertThat(english).containsPattern("class=\"within\">1<").containsPattern("class=\"late\">1<");
        assertThat(english).containsPattern("\"within\":\\[(0,)*1\\]").containsPattern("\"late\":\\[(0,)*1\\]");
        assertThat(page("/dashboard/notifications/golden-15", supervisor(tenant), "zh-CN", HttpStatus.OK))
                .contains("黄金 15 分钟", "最近 14 天共 2 个案件");
    }

    List<Document> audited(String staffTenant, String action) {
        return AuditEntries.of(mongo, staffTenant, action);
    }

    @Test
    void staffNameATenantToReadItsDeliveryLogAndGoldenFifteenEachReadAuditedAndReplayStaysWithTheTenant() {
        String merchant = newTenant();
        String id = openCaseForClient(merchant, "case-named");
        String staff = newTenant();

        assertThat(page("/dashboard/notifications/", supervisor(staff), "en", HttpStatus.OK))
                .as("own tenant by default")
                .doesNotContain("case-named");
        String log = page("/dashboard/notifications/?tenantId=" + merchant, supervisor(staff), "en", HttpStatus.OK);
        assertThat(log).contains("case-named", "value=\"" + merchant + "\"", "tenantId=" + merchant);
        assertThat(audited(staff, "notification.cross_tenant_list"))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.get("details", Document.class)).containsEntry("tenantFilter", merchant));
        // Typed into the form: surrounding spaces are dropped.
        assertThat(page(
                        "/dashboard/notifications/?channel=EMAIL&tenantId={tenant}",
                        supervisor(staff),
                        "en",
                        HttpStatus.OK,
                        " " + merchant + " "))
                .contains("case-named");

        String detail = page(
                "/dashboard/notifications/deliveries/{id}?tenantId={tenant}",
                platformAdmin(staff),
                "en",
                HttpStatus.OK,
                id,
                merchant);
        assertThat(detail)
                .contains("Attempts", "Succeeded")
                .as("a replay is a write in the caller's own tenant")
                .doesNotContain("Replay now");
        assertThat(audited(staff, "notification.cross_tenant_read"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.getString("objectId")).isEqualTo(id));
        getAs(platformAdmin(staff), "/dashboard/notifications/deliveries/{id}", id)
                .expectStatus()
                .isNotFound();

        String golden =
                page("/dashboard/notifications/golden-15?tenantId=" + merchant, supervisor(staff), "en", HttpStatus.OK);
        assertThat(golden).contains("1 case in the last 14 days", "value=\"" + merchant + "\"");
        assertThat(audited(staff, "notification.cross_tenant_statistics"))
                .singleElement()
                .satisfies(entry ->
                        assertThat(entry.get("details", Document.class)).containsEntry("tenantFilter", merchant));
        assertThat(page("/dashboard/notifications/golden-15", supervisor(staff), "en", HttpStatus.OK))
                .contains("0 cases in the last 14 days");
    }

    @Test
    void aMalformedTenantIsRefusedWithAVisibleMessageAndNothingIsReadOrAudited() {
        String merchant = newTenant();
        openCaseForClient(merchant, "case-malformed");
        String staff = newTenant();
        for (String tenantId : List.of("a".repeat(65), merchant + "\u0000", "../" + merchant)) {
            assertThat(page(
                            "/dashboard/notifications/?tenantId={tenant}",
                            supervisor(staff),
                            "en",
                            HttpStatus.BAD_REQUEST,
                            tenantId))
                    .contains("The tenant must be 1 to 64 letters")
                    .doesNotContain("case-malformed");
            assertThat(page(
                            "/dashboard/notifications/golden-15?tenantId={tenant}",
                            supervisor(staff),
                            "zh-CN",
                            HttpStatus.BAD_REQUEST,
                            tenantId))
                    .contains("租户须为 1 至 64 个字母")
                    .doesNotContain("golden-chart");
        }
        getAs(supervisor(staff), "/dashboard/notifications/deliveries/any?tenantId={tenant}", "bad tenant")
                .expectStatus()
                .isBadRequest();
        assertThat(audited(staff, "notification.cross_tenant_list")).isEmpty();
        assertThat(audited(staff, "notification.cross_tenant_statistics")).isEmpty();
    }

    @Test
    void onlySupervisorsAndPlatformAdminsSeeTheDashboardAndOnlyPlatformAdminsTheDeadLetters() {
        String tenant = newTenant();
        for (String role : new String[] {"staff_agent", "merchant_admin", "compliance_officer"}) {
            for (String path : new String[] {
                "/dashboard/notifications/",
                "/dashboard/notifications/mailbox",
                "/dashboard/notifications/webhooks",
                "/dashboard/notifications/golden-15"
            }) {
                getAs(token(tenant, "someone", role), path).expectStatus().isNotFound();
            }
        }
        web.get().uri("/dashboard/notifications/").exchange().expectStatus().isUnauthorized();

        assertThat(page("/dashboard/notifications/", supervisor(tenant), "en", HttpStatus.OK))
                .doesNotContain("Dead letters");
        page("/dashboard/notifications/dead-letters", supervisor(tenant), "en", HttpStatus.NOT_FOUND);
        postAs(supervisor(tenant), "/dashboard/notifications/dead-letters/{id}/replay", "any")
                .expectStatus()
                .isNotFound();
        assertThat(page("/dashboard/notifications/", platformAdmin(tenant), "en", HttpStatus.OK))
                .contains("Dead letters", "nav-dead-letters");
    }

    @Test
    void aPlatformAdminReplaysADeadLetterAndAnUnknownOneIsRefused() {
        String id = "dl-" + UUID.randomUUID();
        Document event = new Document("type", "thaw.notification.delivered")
                .append("subject", "case-dead")
                .append("tenantId", "acme");
        mongo.insert(
                        new Document("_id", id)
                                .append("status", "DEAD")
                                .append("event", event)
                                .append("attempts", 8)
                                .append("createdAt", new Date()),
                        "outbox")
                .block();
        mongo.insert(
                        new Document("_id", id)
                                .append("eventId", "e-1")
                                .append("event", event)
                                .append("subscriber", "case-service")
                                .append("attempts", 8)
                                .append("lastError", "HTTP 503 from case-service")
                                .append("parkedAt", new Date()),
                        "dead_letters")
                .block();

        String english = page("/dashboard/notifications/dead-letters", platformAdmin("thaw"), "en", HttpStatus.OK);
        assertThat(english)
                .contains("Dead letters", id, "thaw.notification.delivered", "HTTP 503 from case-service", "Replay");
        assertThat(page("/dashboard/notifications/dead-letters", platformAdmin("thaw"), "zh-CN", HttpStatus.OK))
                .contains("死信", "重放");

        postIn("en", platformAdmin("thaw"), "/dashboard/notifications/dead-letters/{id}/replay", id)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("Queued again for delivery."));
        assertThat(page("/dashboard/notifications/dead-letters", platformAdmin("thaw"), "en", HttpStatus.OK))
                .doesNotContain(id);
        postIn("en", platformAdmin("thaw"), "/dashboard/notifications/dead-letters/{id}/replay", id)
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("role=\"alert\"", "Not found"));
    }

    /** Gets {@code path} as {@code bearer}, asking for a page in {@code language}. */
    private WebTestClient.ResponseSpec getIn(String language, String bearer, String path, Object... variables) {
        return web.get()
                .uri(path, variables)
                .headers(h -> h.setBearerAuth(bearer))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }

    /** Posts to {@code path} (no body) as {@code bearer}, asking for a page in {@code language}. */
    private WebTestClient.ResponseSpec postIn(String language, String bearer, String path, Object... variables) {
        return web.post()
                .uri(path, variables)
                .headers(h -> h.setBearerAuth(bearer))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
    }
}

package app.thaw.cases.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import app.thaw.platform.testing.ApiAnswers;
import app.thaw.platform.testing.IdempotencyFaults;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class IntakeApiTests extends CaseApiTests {

    @Test
    void intakeOpensATriagedCaseWithChecklistTasksAndTheGoldenFifteenClock() {
        postJson(token("acme", "merchant_admin"), "/api/v1/cases", intake(RISK_NOTICE))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/v1/cases/.+")
                .expectHeader()
                .valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("TRIAGED")
                .jsonPath("$.scenario")
                .isEqualTo("RISK_TXN")
                .jsonPath("$.scope")
                .isEqualTo("TRANSACTION")
                .jsonPath("$.reference")
                .value(ref -> assertThat((String) ref).matches("acme-C-2025-\\d{6}"))
                .jsonPath("$.triage.matched[0].phrase")
                .exists()
                .jsonPath("$.triage.facts.timeLimits[0].unit")
                .isEqualTo("BUSINESS_DAYS")
                .jsonPath("$.checklist[?(@.code == 'BUSINESS_LICENSE')].status")
                .isEqualTo("MISSING")
                .jsonPath("$.tasks[0].titleZh")
                .exists()
                .jsonPath("$.clocks[0].kind")
                .isEqualTo("GOLDEN_15")
                .jsonPath("$.frozenAmount.currency")
                .isEqualTo("CNY");
    }

    @Test
    void openingPublishesOpenedTriagedStatusChangedAndClockSetThroughTheOutbox() {
        String id = open("acme", RISK_NOTICE);

        assertThat(published(id))
                .contains("thaw.case.opened", "thaw.case.triaged", "thaw.case.status_changed", "thaw.case.clock_set");
        org.bson.Document opened = events(id).stream()
                .filter(e -> e.getString("type").equals("thaw.case.opened"))
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) opened.get("data");
        assertThat(data)
                .containsEntry("caseId", id)
                .containsEntry("scenario", "RISK_TXN")
                .containsEntry("drill", false)
                .containsEntry("restricted", false)
                .containsEntry("platform", "连连支付")
                .containsKey("reference");
        assertThat(opened.getString("tenantId")).isEqualTo("acme");
        assertThat(mongo.findById(id, org.bson.Document.class, "cases")
                        .block()
                        .getList("pendingEvents", Object.class, List.of()))
                .as("released from the case document")
                .isEmpty();
    }

    @Test
    void theNoticesOwnTimeLimitIsAClockOnTheCaseAndSetsReminders() {
        String id = open("acme", RISK_NOTICE);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clocks = (List<Map<String, Object>>)
                read(id, token("acme", "merchant_admin")).get("clocks");
        // 30 September 2025 10:00 Shanghai + 3 business days across National Day = the make-up Saturday 11 October.
        assertThat(clocks)
                .filteredOn(clock -> "NOTICE_DEADLINE".equals(clock.get("kind")))
                .singleElement()
                .satisfies(clock -> assertThat(clock)
                        .containsEntry("dueAt", "2025-10-11T02:00:00Z")
                        .containsEntry("state", "RUNNING"));
        assertThat(events(id))
                .filteredOn(e -> e.getString("type").equals("thaw.case.clock_set"))
                .anySatisfy(
                        e -> assertThat(e.get("data", org.bson.Document.class).getString("clock"))
                                .isEqualTo("NOTICE_DEADLINE"));
    }

    @Test
    void aNoticeMatchingNothingIsNotGuessedAndNeedsAPerson() {
        post("/api/v1/cases/triage", token("acme", "merchant_admin"), Map.of("noticeText", "您好，附件为本月对账单，请查收。"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.scenario")
                .doesNotExist()
                .jsonPath("$.needsPerson")
                .isEqualTo(true)
                .jsonPath("$.confidence")
                .isEqualTo(0.0);
        String id = open("acme", "您好，附件为本月对账单，请查收。");

        assertThat(read(id, token("acme", "staff_agent")))
                .containsEntry("status", "OPEN")
                .containsEntry("needsPerson", true);
    }

    @Test
    void aCommaBeforeACurrencyOrAnEmptyAmountIsNoServerError() {
        for (String notice :
                List.of("Three transfers, USD 96,000 in total, are under risk review.", "冻结金额：, 元。风控审核中。")) {
            post("/api/v1/cases/triage", token("acme", "merchant_admin"), Map.of("noticeText", notice))
                    .expectStatus()
                    .isOk();
            open("acme", notice);
        }
    }

    @Test
    void referencesAreUniqueAcrossTenantsAndTellTheTenantApart() {
        String first = (String) read(open("refs-one", RISK_NOTICE), token("refs-one", "merchant_admin"))
                .get("reference");
        String second = (String) read(open("refs-two", RISK_NOTICE), token("refs-two", "merchant_admin"))
                .get("reference");

        assertThat(first).isEqualTo("refs-one-C-2025-000001");
        assertThat(second).isEqualTo("refs-two-C-2025-000001");
    }

    @Test
    void theOpenedEventCarriesTheHoldersAccountReferenceMaskedToItsLastFour() {
        String id = open("mask1", RISK_NOTICE);
        Map<?, ?> opened = events(id).stream()
                .filter(event -> "thaw.case.opened".equals(event.getString("type")))
                .findFirst()
                .map(event -> (Map<?, ?>) event.get("data"))
                .orElseThrow();
        assertThat(((Map<?, ?>) opened.get("holder")).get("accountReference")).isEqualTo("****C778");
        assertThat(events(id)).allSatisfy(event -> assertThat(event.toJson()).doesNotContain("ACC-778"));
    }

    @Test
    void aVagueNoticeStaysOpenForStaffToTriage() {
        String id = open("acme", "您的账户暂时无法使用，请联系客服。");

        assertThat(read(id, token("acme", "merchant_admin"))).containsEntry("status", "OPEN");
    }

    @Test
    void missingAndOversizeFieldsAreNamedWithTheirRules() {
        post(
                        "/api/v1/cases",
                        token("acme", "merchant_admin"),
                        Map.of(
                                "platform",
                                "",
                                "noticeText",
                                "x".repeat(20_001),
                                "holder",
                                Map.of("type", "ROBOT", "displayName", "A", "accountReference", "B")))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors[?(@.field == 'platform')].rule")
                .isEqualTo("NotBlank")
                .jsonPath("$.errors[?(@.field == 'noticeText')].rule")
                .isEqualTo("Size")
                .jsonPath("$.errors[?(@.field == 'holder.type')].rule")
                .isEqualTo("Pattern");
    }

    @Test
    void anUnknownCurrencyOrCodeIsAClearProblem() {
        Map<String, Object> body = new java.util.HashMap<>(intake(RISK_NOTICE));
        body.put("frozenAmount", Map.of("amount", "10", "currency", "XYZ"));
        post("/api/v1/cases", token("acme", "merchant_admin"), body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("frozenAmount.currency")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("Currency");

        getAs(token("acme", "merchant_admin"), "/api/v1/cases?scenario=FROZEN_BY_MISTAKE")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("scenario")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("OneOf");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstCaseAndOpensNoSecond() {
        String key = java.util.UUID.randomUUID().toString();
        String bearer = token("idem", "merchant_admin");
        String first = (String) createdId(openKeyed(bearer, key));

        openKeyed(bearer, key)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(first);
        assertQueueHoldsOne(bearer);
    }

    @Test
    void aRetryAfterTheInstanceDiedBetweenTheCaseAndTheKeyFindsTheCaseInsteadOfOpeningASecond() {
        String key = java.util.UUID.randomUUID().toString();
        String bearer = token("idem-crash", "merchant_admin");
        String first = (String) createdId(openKeyed(bearer, key));
        List<String> publishedOnce = published(first);
        // What kill -9 after the case's write leaves: the key still claimed, its lease lapsed, no response.
        IdempotencyFaults.loseCompletion(mongo, key);

        openKeyed(bearer, key)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Location", "/api/v1/cases/" + first)
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(first);
        assertQueueHoldsOne(bearer);
        assertThat(published(first)).isEqualTo(publishedOnce).contains("thaw.case.opened");
    }

    @Test
    void anInsurerReadsButCannotOpenOrChangeACase() {
        post("/api/v1/cases", token("acme", "insurer"), intake(RISK_NOTICE))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("forbidden");
        String id = open("acme", RISK_NOTICE);
        read(id, token("acme", "insurer"));
        transition(id, token("acme", "insurer"), "GATHERING_EVIDENCE", Map.of())
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aStaleWriteIsAVersionConflictAndChangesNothing() {
        String id = open("acme", RISK_NOTICE);
        String bearer = token("acme", "merchant_admin");
        web.post()
                .uri("/api/v1/cases/{id}/transitions", id)
                .headers(h -> {
                    h.setBearerAuth(bearer);
                    h.setIfMatch("\"0\"");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("to", "GATHERING_EVIDENCE", "reason", "start"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"1\"");

        web.post()
                .uri("/api/v1/cases/{id}/assignment", id)
                .headers(h -> {
                    h.setBearerAuth(bearer);
                    h.setIfMatch("\"0\"");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("assignee", "li.lei"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version_conflict");
        assertThat(read(id, bearer)).containsEntry("assignee", null).containsEntry("version", 1);
    }

    @Test
    void assigningTheCaseSetsItsRunningClocksAgainWithTheAssigneeAsOwnerAndEveryEventIsNumberedInOrder() {
        String id = open("acme", RISK_NOTICE);
        String bearer = token("acme", "merchant_admin");
        List<Document> before = events(id);
        assertThat(before)
                .filteredOn(event -> "thaw.case.clock_set".equals(event.getString("type")))
                .isNotEmpty()
                .allSatisfy(
                        event -> assertThat(event.get("data", Document.class).containsKey("ownerUserId"))
                                .as("unassigned")
                                .isFalse());

        post("/api/v1/cases/" + id + "/assignment", bearer, Map.of("assignee", "7d2b8e4a-agent"))
                .expectStatus()
                .isOk();

        java.util.Set<String> earlier =
                before.stream().map(event -> event.getString("id")).collect(java.util.stream.Collectors.toSet());
        List<Document> after = events(id).stream()
                .filter(event -> !earlier.contains(event.getString("id")))
                .toList();
        assertThat(after)
                .filteredOn(event -> "thaw.case.clock_set".equals(event.getString("type")))
                .isNotEmpty()
                .allSatisfy(
                        event -> assertThat(event.get("data", Document.class).getString("ownerUserId"))
                                .isEqualTo("7d2b8e4a-agent"));
        List<Long> sequences = events(id).stream()
                .map(event -> ((Number) event.get("sequence")).longValue())
                .toList();
        assertThat(sequences).doesNotHaveDuplicates();
        long newestBefore = before.stream()
                .mapToLong(event -> ((Number) event.get("sequence")).longValue())
                .max()
                .orElseThrow();
        assertThat(after)
                .allSatisfy(event ->
                        assertThat(((Number) event.get("sequence")).longValue()).isGreaterThan(newestBefore));
    }

    @Test
    void concurrentWritesWithoutAVersionAreAllAppliedNoneRefusedAsAConflict() throws Exception {
        String id = open("acme", RISK_NOTICE);
        String bearer = token("acme", "merchant_admin");
        long before = ((Number) read(id, bearer).get("version")).longValue();
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String assignee = "agent-" + i;
                statuses.add(pool.submit(
                        () -> post("/api/v1/cases/" + id + "/assignment", bearer, Map.of("assignee", assignee))
                                .returnResult(String.class)
                                .getStatus()
                                .value()));
            }
            for (java.util.concurrent.Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(((Number) read(id, bearer).get("version")).longValue()).isEqualTo(before + writers);
    }

    @Test
    void anIllegalTransitionIs409NamingTheCurrentAndAllowedStates() {
        String id = open("acme", RISK_NOTICE);

        transition(id, token("acme", "merchant_admin"), "RESOLVED", Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("illegal_transition")
                .jsonPath("$.currentState")
                .isEqualTo("TRIAGED")
                .jsonPath("$.allowedStates[0]")
                .isEqualTo("GATHERING_EVIDENCE");
    }

    @Test
    void theQueueIsPagedByCursorAndFiltered() {
        String bearer = token("pager", "merchant_admin");
        for (int i = 0; i < 5; i++) {
            clock.advance(java.time.Duration.ofSeconds(1));
            postJson(bearer, "/api/v1/cases", intake(i % 2 == 0 ? RISK_NOTICE : "您的账户长期未使用，已转为休眠账户。"))
                    .expectStatus()
                    .isCreated();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> first = getAs(bearer, "/api/v1/cases?limit=2")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(2);
        String cursor = (String) first.get("nextCursor");
        getAs(bearer, "/api/v1/cases?limit=2&cursor={c}", cursor)
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.nextCursor")
                .exists();
        getAs(bearer, "/api/v1/cases?scenario=DORMANCY")
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.items[0].scenario")
                .isEqualTo("DORMANCY");
        getAs(bearer, "/api/v1/cases?status=TRIAGED&limit=100")
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(5);
        getAs(bearer, "/api/v1/cases?limit=101")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    @Test
    void theOpenApiDocumentListsTheCaseEndpoints() {
        ApiAnswers.apiDocument(web)
                .jsonPath("$.paths['/api/v1/cases'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/cases/{id}/transitions'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/cases/{id}/appeal-letter'].get.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/cases/drills'].post")
                .exists();
    }

    /** The intake opened with an Idempotency-Key. */
    private WebTestClient.ResponseSpec openKeyed(String bearer, String key) {
        return web.post()
                .uri("/api/v1/cases")
                .headers(h -> {
                    h.setBearerAuth(bearer);
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(intake(RISK_NOTICE))
                .exchange();
    }

    /** The caller's queue holds one case: a repeat opened none. */
    private void assertQueueHoldsOne(String bearer) {
        getAs(bearer, "/api/v1/cases").expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }
}

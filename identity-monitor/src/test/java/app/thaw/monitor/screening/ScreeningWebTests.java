package app.thaw.monitor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.MonitorWebTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ScreeningWebTests extends MonitorWebTestBase {

    @Test
    void aChineseNameOnEnrolmentHitsItsPinyinListEntryAndRaisesASanctionsAlert() {
        String tenant = newTenant();
        String subject = enrol(tenant, Map.of("NAME_NATIVE", "张磊", "PHONE", "+8613912340000"));
        Document alert = alerts(tenant).getFirst();
        assertThat(alert.getString("kind")).isEqualTo("SANCTIONS_HIT");
        assertThat(alert.getString("subjectId")).isEqualTo(subject);
        Document sanction = alert.get("sanction", Document.class);
        assertThat(sanction.getString("listEntryId")).isEqualTo("16318");
        assertThat(sanction.getDouble("score")).isEqualTo(1.0);
        assertThat(sanction.getList("matchedFields", String.class)).containsExactly("NAME_NATIVE→name");
        // The hit records the list version that triggered it.
        assertThat(sanction.getString("listId")).isEqualTo("ofac-sdn");
        assertThat(sanction.getString("listVersion")).hasSize(64).isEqualTo(listVersion());
        assertThat(sanction.getString("entryFingerprint")).hasSize(16);

        Document event = outbox(tenant).getFirst().get("event", Document.class);
        assertThat(event.getString("type")).isEqualTo("thaw.alert.raised");
        Document data = event.get("data", Document.class);
        assertThat(data.getString("kind")).isEqualTo("SANCTIONS_HIT");
        assertThat(data.getString("listEntryId")).isEqualTo("16318");
        assertThat(data.getDouble("score")).isEqualTo(1.0);
        assertThat(data.getList("matchedFields", String.class)).containsExactly("NAME_NATIVE→name");
        assertThat(data.getString("subjectLabel")).isEqualTo("张*");
        assertThat(data.getString("listId")).isEqualTo("ofac-sdn");
        assertThat(data.getString("listVersion")).isEqualTo(listVersion());
    }

    private String listVersion() {
        return getAs(bank(newTenant()), "/api/v1/monitor/screening/list")
                                .expectBody(Map.class)
                                .returnResult()
                                .getResponseBody()
                                .get("lists")
                        instanceof List<?> lists
                ? ((Map<?, ?>) lists.getFirst()).get("sha256").toString()
                : "";
    }

    @Test
    void theListEndpointNamesEachListWithItsVersionDateAndSize() {
        getAs(bank(newTenant()), "/api/v1/monitor/screening/list")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.lists.length()")
                .isEqualTo(1)
                .jsonPath("$.lists[0].id")
                .isEqualTo("ofac-sdn")
                .jsonPath("$.lists[0].name")
                .isEqualTo("OFAC SDN (test sample)")
                .jsonPath("$.lists[0].format")
                .isEqualTo("OFAC_CSV")
                .jsonPath("$.lists[0].published")
                .isEqualTo("2021-06-01")
                // 14 in the sample (other tests of this class add up to two)
                .jsonPath("$.lists[0].entries")
                .value(v -> assertThat(((Number) v).intValue()).isBetween(14, 16))
                .jsonPath("$.lists[0].sha256")
                .value(v -> assertThat(v.toString()).matches("[0-9a-f]{64}"))
                .jsonPath("$.lists[0].retrievedAt")
                .exists()
                .jsonPath("$.lists[0].refreshInterval")
                .isEqualTo("PT24H")
                .jsonPath("$.lists[0].location")
                .value(v -> assertThat(v.toString()).endsWith("sdn.csv"))
                .jsonPath("$.entries")
                .value(v -> assertThat(((Number) v).intValue()).isBetween(14, 16));
    }

    @Test
    void aClearedFalsePositiveIsNotFlaggedAgainForTheSameEntry() {
        String tenant = newTenant();
        String subject = enrol(tenant, Map.of("NAME_LATIN", "Lei Zhang"));
        Document alert = alerts(tenant).getFirst();
        String alertId = alert.getString("_id");
        postJson(
                        bank(tenant),
                        "/api/v1/monitor/alerts/" + alertId + "/dismiss",
                        Map.of("version", 1, "reason", "different person"))
                .expectStatus()
                .isForbidden();
        postJson(
                        token(tenant, "compliance_officer"),
                        "/api/v1/monitor/alerts/" + alertId + "/dismiss",
                        Map.of("version", 1, "reason", "different person, DOB differs"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("DISMISSED")
                .jsonPath("$.screeningDecision.decision")
                .isEqualTo("NOT_A_MATCH");
        // The alert shows the decision standing for its (subject, entry): what, why, who.
        getAs(bank(tenant), "/api/v1/monitor/alerts/" + alertId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.screeningDecision.decision")
                .isEqualTo("NOT_A_MATCH")
                .jsonPath("$.screeningDecision.reason")
                .isEqualTo("different person, DOB differs")
                .jsonPath("$.screeningDecision.listEntryId")
                .isEqualTo(alert.get("sanction", Document.class).getString("listEntryId"))
                .jsonPath("$.screeningDecision.decidedBy")
                .exists();
        postAs(bank(tenant), "/api/v1/monitor/subjects/" + subject + "/screen")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.newAlerts")
                .isEqualTo(0);
        assertThat(alerts(tenant)).hasSize(1);
        // Another subject with the same name is still screened, and its alert has no decision.
        String other = enrol(tenant, Map.of("NAME_LATIN", "ZHANG Lei"));
        assertThat(alerts(tenant)).hasSize(2);
        getAs(bank(tenant), "/api/v1/monitor/alerts?kind=SANCTIONS_HIT&subjectId=" + other)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].screeningDecision")
                .doesNotExist();
    }

    @Test
    void aNotAMatchHoldsUntilTheEntryChangesAndATrueMatchIsKeptWithItsEvidence() throws IOException {
        String tenant = newTenant();
        String compliance = token(tenant, "compliance_officer");
        String subject = enrol(tenant, Map.of("NAME_LATIN", "Guoying Wang"));
        Document alert = alerts(tenant).getFirst();
        assertThat(alert.get("sanction", Document.class).getString("listEntryId"))
                .isEqualTo("16819");
        postJson(
                        compliance,
                        "/api/v1/monitor/alerts/" + alert.getString("_id") + "/dismiss",
                        Map.of("version", 1, "reason", "DOB differs"))
                .expectStatus()
                .isOk();
        getAs(bank(tenant), "/api/v1/monitor/subjects/" + subject + "/screening/decisions")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].listEntryId")
                .isEqualTo("16819")
                .jsonPath("$[0].decision")
                .isEqualTo("NOT_A_MATCH")
                .jsonPath("$[0].reason")
                .isEqualTo("DOB differs")
                .jsonPath("$[0].alertId")
                .isEqualTo(alert.getString("_id"))
                .jsonPath("$[0].entryFingerprint")
                .isEqualTo(alert.get("sanction", Document.class).getString("entryFingerprint"));
        // Unchanged entry: still suppressed after a list refresh that changed something else.
        String admin = token("thaw", "platform_admin");
        appendToTheList(
                "sdn.csv",
                "99998,\"UNRELATED, Person\",\"individual\",\"TEST\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n");
        refreshedTheList(admin, true);
        assertThat(alerts(tenant)).hasSize(1);
        // The entry changes (a new alias): the pair is flagged anew, by the new list version.
        appendToTheList("alt.csv", "16819,9999,\"aka\",\"WANG, Guo Ying\",-0- \n");
        refreshedTheList(admin, true);
        List<Document> now = alerts(tenant);
        assertThat(now).hasSize(2);
        assertThat(now)
                .filteredOn(a -> a.getString("state").equals("NEW"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.get("sanction", Document.class).getString("listEntryId"))
                            .isEqualTo("16819");
                    assertThat(a.get("sanction", Document.class).getString("entryFingerprint"))
                            .isNotEqualTo(alert.get("sanction", Document.class).getString("entryFingerprint"));
                });
        // A true match is kept with its evidence (compliance only, audited); it suppresses nothing.
        postJson(
                        bank(tenant),
                        "/api/v1/monitor/subjects/" + subject + "/screening/decisions",
                        Map.of("listEntryId", "16819", "decision", "TRUE_MATCH", "reason", "passport matches"))
                .expectStatus()
                .isForbidden();
        postJson(
                        compliance,
                        "/api/v1/monitor/subjects/" + subject + "/screening/decisions",
                        Map.of(
                                "listEntryId",
                                "16819",
                                "decision",
                                "TRUE_MATCH",
                                "reason",
                                "passport matches",
                                "evidence",
                                List.of("evd_passport_scan", "DOB 19 Mar 1950 matches")))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.decision")
                .isEqualTo("TRUE_MATCH")
                .jsonPath("$.evidence[1]")
                .isEqualTo("DOB 19 Mar 1950 matches")
                .jsonPath("$.decidedBy")
                .exists();
        assertThat(audited(tenant, "monitor.screening.decided")).hasSize(1);
        // Bad input names its field and rule; an unknown entry is refused; nothing is stored.
        postJson(
                        compliance,
                        "/api/v1/monitor/subjects/" + subject + "/screening/decisions",
                        Map.of("listEntryId", "16819", "decision", "MAYBE", "reason", "x"))
                .expectStatus()
                .isBadRequest();
        postJson(
                        compliance,
                        "/api/v1/monitor/subjects/" + subject + "/screening/decisions",
                        Map.of("listEntryId", "16819", "decision", "NOT_A_MATCH", "reason", " "))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation_failed");
        postJson(
                        compliance,
                        "/api/v1/monitor/subjects/" + subject + "/screening/decisions",
                        Map.of("listEntryId", "eu-fsf:1", "decision", "NOT_A_MATCH", "reason", "x"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("list_entry_not_found")
                .jsonPath("$.listEntryId")
                .isEqualTo("eu-fsf:1");
        getAs(bank(tenant), "/api/v1/monitor/subjects/" + subject + "/screening/decisions")
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].decision")
                .isEqualTo("TRUE_MATCH");
        // Both of the pair's alerts show the standing decision, the true match with its evidence.
        getAs(bank(tenant), "/api/v1/monitor/alerts?kind=SANCTIONS_HIT&subjectId=" + subject)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.items[0].screeningDecision.decision")
                .isEqualTo("TRUE_MATCH")
                .jsonPath("$.items[1].screeningDecision.decision")
                .isEqualTo("TRUE_MATCH")
                .jsonPath("$.items[0].screeningDecision.evidence[0]")
                .isEqualTo("evd_passport_scan");
    }

    @Test
    void screeningOnRequestAnswersHitsWithScoreAndMatchedFieldsWithoutAnAlert() {
        String tenant = newTenant();
        postJson(bank(tenant), "/api/v1/monitor/screening/check", Map.of("name", "National Bank of Cuba"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.hits[0].entryId")
                .isEqualTo("306")
                .jsonPath("$.hits[0].matchedName")
                .isEqualTo("NATIONAL BANK OF CUBA")
                .jsonPath("$.hits[0].matchedFields[0]")
                .isEqualTo("NAME_LATIN→alias");
        assertThat(alerts(tenant)).isEmpty();
    }

    @Test
    void aChangedListReScreensEverySubjectAndAnUnchangedOneDoesNot() throws IOException {
        String tenant = newTenant();
        enrol(tenant, Map.of("NAME_LATIN", "Qian Duoduo"));
        assertThat(alerts(tenant)).isEmpty();
        String admin = token("thaw", "platform_admin");
        refreshedTheList(admin, false);
        appendToTheList(
                "sdn.csv", "99999,\"QIAN, Duoduo\",\"individual\",\"TEST\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n");
        refreshedTheList(admin, true);
        assertThat(alerts(tenant))
                .singleElement()
                .satisfies(alert -> assertThat(
                                alert.get("sanction", Document.class).getString("listEntryId"))
                        .isEqualTo("99999"));
    }

    @Test
    void onlyPlatformAdministratorsRefreshTheList() {
        postAs(bank(newTenant()), "/api/v1/monitor/admin/screening/refresh")
                .expectStatus()
                .isForbidden();
    }

    /** A platform admin refreshes the sanctions list; the answer says whether it {@code changed}. */
    private void refreshedTheList(String admin, boolean changed) {
        postAs(admin, "/api/v1/monitor/admin/screening/refresh")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.changed")
                .isEqualTo(changed);
    }

    /** A line added to one of the list's files, as the publisher's next version would have it. */
    private static void appendToTheList(String file, String line) throws IOException {
        Files.writeString(LIST_DIR.resolve(file), line, StandardOpenOption.APPEND);
    }
}

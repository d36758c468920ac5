package app.thaw.evidence.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import app.thaw.platform.plans.Quotas;
import app.thaw.platform.testing.ApiAnswers;
import app.thaw.platform.testing.PlanChanges;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;

/** The plan's monthly evidence storage (ADR 62): bytes kept this month against a limit in MiB. */
class StorageQuotaWebTests extends EvidenceWebTestSupport {

    void planChanged(String tenant, String plan) {
        deliver(PlanChanges.changed(tenant, plan, 1, Instant.now()).toCloudEvent());
    }

    long usedBytes(String tenant) {
        String month = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)).toString();
        return find(Quotas.COLLECTION, Criteria.where("_id").is(tenant + "|evidenceStorageMb|" + month)).stream()
                .mapToLong(document -> document.get("used", Number.class).longValue())
                .sum();
    }

    @Test
    void aPlanWithoutStorageRefusesAnUploadWith429AndKeepsNoBytes() {
        String tenant = "sq-" + UUID.randomUUID().toString().substring(0, 8);
        planChanged(tenant, "INSURER");
        String caseId = openCase(tenant, "RISK_TXN");
        long blobsBefore = count(BlobStore.FILES, new Criteria());

        ApiAnswers.quotaExceeded(
                        uploadRaw(
                                merchant(tenant),
                                caseId,
                                "BANK_STATEMENT",
                                "statement.pdf",
                                "application/pdf",
                                Samples.pdf(2048, 7)),
                        "evidenceStorageMb",
                        0)
                .jsonPath("$.plan")
                .isEqualTo("INSURER")
                .jsonPath("$.resetsAt")
                .exists();

        assertThat(count(EvidenceItems.COLLECTION, Criteria.where("caseId").is(caseId)))
                .isZero();
        // The streamed content does not stay behind.
        assertThat(count(BlobStore.FILES, new Criteria())).isEqualTo(blobsBefore);
        assertThat(usedBytes(tenant)).isZero();
    }

    @Test
    void aKeptFileCountsItsBytesAndTheSameContentAgainGivesThemBack() {
        String tenant = "sq-" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = openCase(tenant, "RISK_TXN");
        byte[] content = Samples.pdf(1_500_000, 3);

        uploadedId(merchant(tenant), caseId, "BANK_STATEMENT", "statement.pdf", "application/pdf", content);
        uploadRaw(merchant(tenant), caseId, "BANK_STATEMENT", "again.pdf", "application/pdf", content)
                .expectStatus()
                .is2xxSuccessful();

        assertThat(usedBytes(tenant)).isEqualTo(content.length);
        getAs(tokens.token("thaw_service"), "/internal/usage/{tenant}", tenant)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.used.evidenceStorageMb")
                .isEqualTo(2)
                .jsonPath("$.plan")
                .isEqualTo("THAW_ASSIST");
    }
}

package app.thaw.evidence.item.internal;

import static app.thaw.evidence.support.Samples.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.TenantScope;
import app.thaw.evidence.item.EvidenceId;
import app.thaw.evidence.item.EvidenceItem;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.item.RequirementCode;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** The items store names the tenant in every read by id: another tenant's item is not found, not refused. */
class EvidenceItemsTenantScopeTests extends EvidenceWebTestSupport {

    @Autowired
    EvidenceItems items;

    private EvidenceItem acmesItem() {
        Instant now = clock().instant();
        EvidenceItem item = EvidenceItem.received(
                EvidenceId.newId(),
                "acme",
                new CaseId("case-" + UUID.randomUUID()),
                RequirementCode.ID_DOCUMENT,
                null,
                "id.txt",
                "text/plain",
                text("id").length,
                UUID.randomUUID().toString(),
                "000000000000000000000000",
                "acme/admin",
                now,
                now,
                null,
                LocalDate.of(2026, 12, 7));
        StepVerifier.create(items.insert(item, List.of())).expectNextCount(1).verifyComplete();
        return item;
    }

    @Test
    void aReadByIdWithAnotherTenantFindsNothing() {
        EvidenceItem item = acmesItem();
        StepVerifier.create(items.find("globex", item.id())).verifyComplete();
        StepVerifier.create(items.find(TenantScope.of(Set.of("globex", "bank")), item.id()))
                .verifyComplete();
        StepVerifier.create(items.find("acme", item.id()).map(EvidenceItem::tenantId))
                .expectNext("acme")
                .verifyComplete();
        StepVerifier.create(items.find(TenantScope.everyTenant(), item.id()).map(EvidenceItem::tenantId))
                .expectNext("acme")
                .verifyComplete();
    }

    @Test
    void theCustodyMarkIsReadAndClearedOnlyForTheItemsTenant() {
        EvidenceItem item = acmesItem();
        StepVerifier.create(items.isCustodyPending("globex", item.id()))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(items.custodyRecorded("globex", item.id())).verifyComplete();
        StepVerifier.create(items.isCustodyPending("acme", item.id()))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(items.custodyRecorded("acme", item.id())).verifyComplete();
        StepVerifier.create(items.isCustodyPending("acme", item.id()))
                .expectNext(false)
                .verifyComplete();
    }
}

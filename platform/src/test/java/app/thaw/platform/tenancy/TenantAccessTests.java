package app.thaw.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import app.thaw.store.EmbeddedStore;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.test.StepVerifier;

/** The one tenant-access rule (ADR 60): own tenant, staff, a linked partner bank, nobody else. */
class TenantAccessTests {

    static final Caller ACME_ADMIN =
            new Caller("acme", "u1", "thaw-test", "acme-admin", Set.of(ThawRoles.MERCHANT_ADMIN));
    static final Caller BANK = new Caller("bank-demo", "svc", "demo-bank", null, Set.of(ThawRoles.PARTNER_BANK));
    static final Caller OTHER_BANK =
            new Caller("bank-other", "svc2", "other-bank", null, Set.of(ThawRoles.PARTNER_BANK));
    static final Caller GLOBEX_ADMIN =
            new Caller("globex", "u2", "thaw-test", "globex-admin", Set.of(ThawRoles.MERCHANT_ADMIN));
    static final Caller AGENT = new Caller("thaw", "u3", "thaw-test", "agent", Set.of(ThawRoles.STAFF_AGENT));
    static final Caller INSURER = new Caller("insurer-demo", "u4", "demo-insurer", null, Set.of(ThawRoles.INSURER));

    @TempDir
    Path folder;

    EmbeddedStore store;
    MongoClient client;
    PartnerLinks links;
    TenantAccess access;

    @BeforeEach
    void start() {
        store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
        client = MongoClients.create(store.connectionString(""));
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "tenancy");
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
        links = new PartnerLinks(mongo, clock, null);
        access = new TenantAccess(links, new AuditLog(mongo, clock, null));
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void ownTenantAndStaffReachWithoutALink() {
        StepVerifier.create(access.reach(ACME_ADMIN, "acme"))
                .expectNext(Reach.OWN)
                .verifyComplete();
        StepVerifier.create(access.reach(AGENT, "acme")).expectNext(Reach.STAFF).verifyComplete();
    }

    @Test
    void aBankReachesAMerchantOnlyWhileLinked() {
        StepVerifier.create(access.reach(BANK, "acme")).expectNext(Reach.NONE).verifyComplete();

        links.change("acme", "bank-demo", true, "acme/acme-admin", "/thaw/test", null)
                .block();
        StepVerifier.create(access.reach(BANK, "acme"))
                .expectNext(Reach.PARTNER)
                .verifyComplete();
        StepVerifier.create(access.reach(OTHER_BANK, "acme"))
                .expectNext(Reach.NONE)
                .verifyComplete();
        StepVerifier.create(access.reach(BANK, "globex")).expectNext(Reach.NONE).verifyComplete();
        StepVerifier.create(access.partnerOf(BANK)).expectNext("acme").verifyComplete();

        links.change("acme", "bank-demo", false, "acme/acme-admin", "/thaw/test", null)
                .block();
        StepVerifier.create(access.reach(BANK, "acme")).expectNext(Reach.NONE).verifyComplete();
        StepVerifier.create(access.partnerOf(BANK)).verifyComplete();
    }

    @Test
    void aLinkGivesNothingToAnyoneButAPartnerBank() {
        links.change("acme", "globex", true, "acme/acme-admin", "/thaw/test", null)
                .block();
        links.change("acme", "insurer-demo", true, "acme/acme-admin", "/thaw/test", null)
                .block();

        StepVerifier.create(access.reach(GLOBEX_ADMIN, "acme"))
                .expectNext(Reach.NONE)
                .verifyComplete();
        StepVerifier.create(access.reach(INSURER, "acme"))
                .expectNext(Reach.NONE)
                .verifyComplete();
    }

    @Test
    void aLinkIsOneWay() {
        links.change("acme", "bank-demo", true, "acme/acme-admin", "/thaw/test", null)
                .block();

        Caller bankAsMerchantOfAcme =
                new Caller("acme", "u9", "thaw-test", "acme-admin", Set.of(ThawRoles.PARTNER_BANK));
        StepVerifier.create(access.reach(bankAsMerchantOfAcme, "bank-demo"))
                .expectNext(Reach.NONE)
                .verifyComplete();
    }

    @Test
    void changesCountUpAndRepeatingOneChangesNothing() {
        PartnerLink first =
                links.change("acme", "bank-demo", true, "a", "/thaw/test", null).block();
        PartnerLink again =
                links.change("acme", "bank-demo", true, "a", "/thaw/test", null).block();
        PartnerLink revoked = links.change("acme", "bank-demo", false, "a", "/thaw/test", null)
                .block();

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(again.sequence()).isEqualTo(1);
        assertThat(revoked.sequence()).isEqualTo(2);
        assertThat(revoked.linkedAt()).isEqualTo(first.linkedAt());
        StepVerifier.create(links.of("bank-demo").map(PartnerLink::active))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void aReplicaAppliesNewerOverOlderSoALateLinkCannotUndoARevocation() {
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        PartnerLink linked = new PartnerLink("acme", "bank-demo", true, 1, at, "a", at);
        PartnerLink revoked = new PartnerLink("acme", "bank-demo", false, 2, at.plusSeconds(60), "a", at);

        StepVerifier.create(links.apply(revoked)).expectNext(true).verifyComplete();
        StepVerifier.create(links.apply(linked)).expectNext(false).verifyComplete();
        StepVerifier.create(links.apply(revoked)).expectNext(false).verifyComplete();
        StepVerifier.create(access.reach(BANK, "acme")).expectNext(Reach.NONE).verifyComplete();
    }
}

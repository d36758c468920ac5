package app.thaw.evidence.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CustodyChainTests {

    private final Instant at = Instant.parse("2026-11-23T10:15:30.123456789Z");

    @Test
    void eachEntryLinksToThePreviousHash() {
        List<CustodyEntry> chain = chain(3);
        assertThat(chain.get(0).previousHash()).isEqualTo(CustodyChain.GENESIS);
        assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
        assertThat(verify(chain).firstBreak()).isNull();
    }

    @Test
    void changingAnyFieldBreaksThatEntry() {
        List<CustodyEntry> chain = chain(3);
        CustodyEntry original = chain.get(1);
        chain.set(
                1,
                new CustodyEntry(
                        original.tenantId(),
                        original.caseId(),
                        original.seq(),
                        original.action(),
                        original.evidenceId(),
                        original.contentSha256(),
                        original.actor(),
                        original.at(),
                        Map.of("why", "other"),
                        original.previousHash(),
                        original.hash()));
        assertThat(verify(chain).firstBreak().seq()).isEqualTo(2);
    }

    @Test
    void recomputingAnEditedEntrysHashBreaksTheNextLink() {
        List<CustodyEntry> chain = chain(3);
        CustodyEntry original = chain.get(1);
        chain.set(
                1,
                CustodyChain.append(
                        1,
                        chain.get(0).hash(),
                        original.tenantId(),
                        original.caseId(),
                        CustodyAction.VERIFIED,
                        original.evidenceId(),
                        original.contentSha256(),
                        "someone",
                        original.at(),
                        Map.of()));
        CustodyChain.Break broken = verify(chain).firstBreak();
        assertThat(broken.seq()).isEqualTo(3);
        assertThat(broken.reason()).contains("previous hash");
    }

    @Test
    void fieldsCannotBeShiftedAcrossTheirBoundaries() {
        CustodyEntry a = CustodyChain.append(
                0, CustodyChain.GENESIS, "t", "c", CustodyAction.VIEWED, "ab", null, "c", at, Map.of());
        CustodyEntry b = CustodyChain.append(
                0, CustodyChain.GENESIS, "t", "c", CustodyAction.VIEWED, "a", null, "bc", at, Map.of());
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    private List<CustodyEntry> chain(int length) {
        List<CustodyEntry> chain = new ArrayList<>();
        CustodyEntry previous = null;
        for (int i = 0; i < length; i++) {
            previous = CustodyChain.append(
                    previous == null ? 0 : previous.seq(),
                    previous == null ? CustodyChain.GENESIS : previous.hash(),
                    "acme",
                    "case-1",
                    CustodyAction.VIEWED,
                    "e-1",
                    "f".repeat(64),
                    "acme/u",
                    at.plusSeconds(i),
                    Map.of("n", "" + i));
            chain.add(previous);
        }
        return chain;
    }

    private static CustodyChain.Walk verify(List<CustodyEntry> chain) {
        CustodyChain.Walk walk = CustodyChain.walk();
        chain.forEach(walk::accept);
        return walk;
    }
}

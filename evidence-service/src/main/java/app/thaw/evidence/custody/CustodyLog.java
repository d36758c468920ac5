package app.thaw.evidence.custody;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The custody log of every case: one hash chain per case ({@link CustodyChain}), append-only.
 * Every read names the case's tenant: another tenant's chain is simply not there.
 */
public interface CustodyLog {

    /** The collection of entries (named for tests and operators). */
    String COLLECTION = "custody";
    /** The member of a case file holding its chain's head. */
    String HEAD = "custodyHead";
    /** The collection of heads signed dossiers pinned, one document per export. */
    String SIGNED_HEADS = "custody_signed_heads";

    /** Appends what happened to the case or, when {@code evidenceId} is given, to one of its items. */
    Mono<CustodyEntry> append(
            String tenantId,
            String caseId,
            CustodyAction action,
            @Nullable String evidenceId,
            @Nullable String contentSha256,
            String actor,
            Map<String, String> details);

    /** Appends what happened to the case as a whole (hold, export, consent). */
    default Mono<CustodyEntry> caseAction(
            String tenantId, String caseId, CustodyAction action, String actor, Map<String, String> details) {
        return append(tenantId, caseId, action, null, null, actor, details);
    }

    /** The head of the case's chain as the case file records it (position 0 and {@link CustodyChain#GENESIS} before the first). */
    Mono<Head> head(String tenantId, String caseId);

    /**
     * Records the head a signed dossier pinned (its manifest and detached signature with it), so
     * verification can tell a chain shortened or rewritten after the export (ADR 23).
     */
    Mono<Void> recordSignedHead(
            String tenantId, String caseId, long seq, String hash, byte[] manifest, String signature);

    /** The heads the case's signed dossiers pinned, oldest export first. */
    Flux<SignedHead> signedHeads(String tenantId, String caseId);

    /** Whether the chain holds an entry {@code action} whose details name {@code key} = {@code value}, or, for
     *  {@code key} "evidenceId", that item. */
    Mono<Boolean> holds(String tenantId, String caseId, CustodyAction action, String key, String value);

    /** Entries after {@code afterSeq}, oldest first, at most {@code limit}. */
    Flux<CustodyEntry> page(String tenantId, String caseId, long afterSeq, int limit);

    /** The whole chain in order, read a page at a time. */
    Flux<CustodyEntry> all(String tenantId, String caseId);

    /** A chain's last position and its hash ({@link CustodyChain#GENESIS} before the first entry). */
    record Head(long seq, String hash) {}

    /** A head a signed dossier pinned when it was exported, with the signed manifest that says so. */
    record SignedHead(
            long seq,
            String hash,
            String exportedAt,
            @Nullable String manifest,
            @Nullable String signature) {}
}

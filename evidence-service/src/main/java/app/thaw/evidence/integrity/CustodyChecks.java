package app.thaw.evidence.integrity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.thaw.evidence.casefile.CaseAccess;
import app.thaw.evidence.casefile.CaseCustody;
import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.custody.CustodyChain;
import app.thaw.evidence.custody.CustodyEntry;
import app.thaw.evidence.custody.CustodyLog;
import app.thaw.evidence.item.EvidenceItem;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.item.UploadCustody;
import app.thaw.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Recomputes a case's custody chain and every stored file's hash. The chain's upload entries are
 * the reference for each file: editing the file, or the item's recorded hash, or an entry, shows.
 */
@Service
public class CustodyChecks {

    private final CaseAccess cases;
    private final CustodyLog log;
    private final EvidenceItems items;
    private final BlobStore blobs;
    private final UploadCustody uploads;
    private final CaseCustody caseCustody;
    private final SignedManifests manifests;

    CustodyChecks(
            CaseAccess cases,
            CustodyLog log,
            EvidenceItems items,
            BlobStore blobs,
            UploadCustody uploads,
            CaseCustody caseCustody,
            SignedManifests manifests) {
        this.cases = cases;
        this.log = log;
        this.items = items;
        this.blobs = blobs;
        this.uploads = uploads;
        this.caseCustody = caseCustody;
        this.manifests = manifests;
    }

    /** What the check found. {@code firstBrokenEntry} is null when the chain is whole. */
    public record Report(
            String caseId,
            long entries,
            String headHash,
            boolean intact,
            CustodyChain.@Nullable Break firstBrokenEntry,
            List<FileCheck> files) {}

    /**
     * One file: the hash the custody log recorded at upload, the one on the item's record, the
     * one computed now from the stored content, and the verdict (OK, CONTENT_CHANGED,
     * RECORD_CHANGED, CONTENT_MISSING, NOT_IN_LOG; CUSTODY_PENDING: uploaded moments ago, its entry
     * still on its way — not a fault).
     */
    public record FileCheck(
            String evidenceId,
            @Nullable String loggedSha256,
            String recordedSha256,
            @Nullable String actualSha256,
            String status) {}

    public Mono<Report> verify(Caller caller, CaseId caseId) {
        return cases.open(caller, caseId).flatMap(this::verify);
    }

    /**
     * Walks the chain, then holds it against the heads recorded apart from it: the one on the case
     * file (moved by every append) and the one each signed dossier pinned. A chain that ends before
     * such a head, or holds another entry at its position, was shortened or rewritten: the first bad
     * position is reported, whichever check finds it (ADR 23). A dossier's head is read from its
     * signed manifest, whose signature is checked again: a stored head edited to fit a shortened
     * chain, or an altered manifest, is a break at the position the record names (ADR 57). Uploads
     * that died before their custody entry are settled first ({@link UploadCustody}), and so are holds and
     * consents whose entry is owed ({@link CaseCustody}, ADR 52).
     */
    public Mono<Report> verify(CaseFile file) {
        String caseId = file.caseId().value();
        String tenantId = file.tenantId();
        return uploads.repair(file)
                .then(caseCustody.repair(file))
                .then(Mono.zip(
                        log.head(tenantId, caseId),
                        log.signedHeads(tenantId, caseId).collectList()))
                .flatMap(heads -> {
                    List<Anchor> anchors = new ArrayList<>();
                    List<CustodyChain.Break> alteredDossiers = new ArrayList<>();
                    if (heads.getT1().seq() > 0) {
                        anchors.add(
                                new Anchor(heads.getT1().seq(), heads.getT1().hash(), "the case file records"));
                    }
                    for (CustodyLog.SignedHead signed : heads.getT2()) {
                        String dossier = "the dossier signed at " + signed.exportedAt();
                        SignedManifests.Pinned pinned = signed.manifest() == null || signed.signature() == null
                                ? new SignedManifests.Pinned.Altered("its signed manifest is gone")
                                : manifests.read(caseId, signed.manifest(), signed.signature());
                        switch (pinned) {
                            case SignedManifests.Pinned.Head head ->
                                anchors.add(new Anchor(head.seq(), head.hash(), dossier + " pinned"));
                            case SignedManifests.Pinned.UnknownKey unknown ->
                                anchors.add(new Anchor(
                                        signed.seq(),
                                        signed.hash(),
                                        dossier + " (key " + unknown.keyId() + ", no longer held here) recorded"));
                            case SignedManifests.Pinned.Altered altered ->
                                alteredDossiers.add(new CustodyChain.Break(
                                        Math.max(1, signed.seq()),
                                        "the record of " + dossier + " cannot be trusted: " + altered.reason()));
                        }
                    }
                    CustodyChain.Walk walk = CustodyChain.walk();
                    Map<String, String> logged = new HashMap<>();
                    Map<Long, String> hashesAtAnchors = new HashMap<>();
                    long[] last = {0};
                    return log.all(tenantId, caseId)
                            .doOnNext(entry -> {
                                walk.accept(entry);
                                remember(logged, entry);
                                last[0] = Math.max(last[0], entry.seq());
                                if (anchors.stream().anyMatch(anchor -> anchor.seq() == entry.seq())) {
                                    hashesAtAnchors.put(entry.seq(), entry.hash());
                                }
                            })
                            .then(Mono.defer(() -> items.all(file.tenantId(), file.caseId())
                                    .filter(item -> !item.isDeleted())
                                    .concatMap(item ->
                                            check(item, logged.get(item.id().value())))
                                    .collectList()))
                            .map(checks -> {
                                CustodyChain.Break first = walk.firstBreak();
                                for (CustodyChain.Break altered : alteredDossiers) {
                                    if (first == null || altered.seq() < first.seq()) {
                                        first = altered;
                                    }
                                }
                                for (Anchor anchor : anchors) {
                                    CustodyChain.Break broken =
                                            anchor.check(last[0], hashesAtAnchors.get(anchor.seq()));
                                    if (broken != null && (first == null || broken.seq() < first.seq())) {
                                        first = broken;
                                    }
                                }
                                boolean filesOk = checks.stream()
                                        .allMatch(check -> check.status().equals("OK")
                                                || check.status().equals("CUSTODY_PENDING"));
                                return new Report(
                                        caseId,
                                        walk.checked(),
                                        walk.headHash(),
                                        first == null && filesOk,
                                        first,
                                        new ArrayList<>(checks));
                            });
                });
    }

    /** A head recorded apart from the chain: the chain must reach it, with the same entry there. */
    private record Anchor(long seq, String hash, String recordedBy) {

        CustodyChain.@Nullable Break check(long lastSeq, @Nullable String hashThere) {
            if (lastSeq < seq) {
                return new CustodyChain.Break(
                        lastSeq + 1,
                        "entries " + (lastSeq + 1) + " to " + seq + " are missing: " + recordedBy
                                + " the chain up to entry " + seq);
            }
            if (!hash.equals(hashThere)) {
                return new CustodyChain.Break(
                        seq, "entry " + seq + " is not the one " + recordedBy + " (its hash differs)");
            }
            return null;
        }
    }

    private static void remember(Map<String, String> logged, CustodyEntry entry) {
        if (entry.action() == CustodyAction.UPLOADED && entry.evidenceId() != null && entry.contentSha256() != null) {
            logged.putIfAbsent(entry.evidenceId(), entry.contentSha256());
        }
    }

    private Mono<FileCheck> check(EvidenceItem item, @Nullable String loggedSha) {
        Mono<Boolean> pending =
                loggedSha == null ? items.isCustodyPending(item.tenantId(), item.id()) : Mono.just(false);
        return pending.flatMap(awaitingEntry -> blobs.sha256(item.blobId(), DefaultDataBufferFactory.sharedInstance)
                .map(actual -> {
                    String reference = loggedSha != null ? loggedSha : item.sha256();
                    String status = awaitingEntry
                            ? "CUSTODY_PENDING"
                            : loggedSha == null
                                    ? "NOT_IN_LOG"
                                    : !actual.equals(reference)
                                            ? "CONTENT_CHANGED"
                                            : !item.sha256().equals(reference) ? "RECORD_CHANGED" : "OK";
                    return new FileCheck(item.id().value(), loggedSha, item.sha256(), actual, status);
                })
                .defaultIfEmpty(new FileCheck(item.id().value(), loggedSha, item.sha256(), null, "CONTENT_MISSING")));
    }
}

package app.thaw.evidence.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import app.thaw.evidence.casefile.Actors;
import app.thaw.evidence.casefile.CaseAccess;
import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.consent.Consents;
import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.custody.CustodyEntry;
import app.thaw.evidence.custody.CustodyLog;
import app.thaw.evidence.dossier.offline.DossierFormat;
import app.thaw.evidence.dossier.offline.DossierVerifier;
import app.thaw.evidence.item.DocumentMetadata;
import app.thaw.evidence.item.EvidenceItem;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Exports a case as a signed dossier: a ZIP streamed to the caller with {@code manifest.json}
 * (per file: requirement, the reason it answers, hash, size, type, verdict, uploader, time),
 * {@code manifest.jws} (the service's detached signature over the manifest), the case's custody
 * log including this export, a README, and the files. The export is recorded in the custody log
 * before the ZIP is written, so the dossier's log shows it.
 */
@Service
public class Dossiers {

    private final CaseAccess cases;
    private final Consents consents;
    private final EvidenceItems items;
    private final BlobStore blobs;
    private final CustodyLog custody;
    private final DossierSigner signer;
    private final AuditLog audit;
    private final Clock clock;

    Dossiers(
            CaseAccess cases,
            Consents consents,
            EvidenceItems items,
            BlobStore blobs,
            CustodyLog custody,
            DossierSigner signer,
            AuditLog audit,
            Clock clock) {
        this.cases = cases;
        this.consents = consents;
        this.items = items;
        this.blobs = blobs;
        this.custody = custody;
        this.signer = signer;
        this.audit = audit;
        this.clock = clock;
    }

    /** What will be streamed: the case, its live items, and the signed metadata. */
    public record Export(
            CaseFile caseFile, List<EvidenceItem> items, byte[] manifest, byte[] custodyLog, String signature) {}

    /**
     * Prepares a dossier for {@code caller}: staff and the case's own users by the usual access
     * rules; an insurer only with an active consent (404 otherwise; audited either way).
     */
    public Mono<Export> prepare(Caller caller, CaseId caseId) {
        Mono<CaseFile> file = caller.hasRole(ThawRoles.INSURER) && !Actors.isStaff(caller)
                ? consents.forInsurer(caller, caseId, "dossier")
                : cases.open(caller, caseId);
        return file.flatMap(caseFile -> custody.caseAction(
                        caseFile.tenantId(),
                        caseId.value(),
                        CustodyAction.EXPORTED,
                        Actors.name(caller),
                        Map.of("format", "dossier-v" + DossierFormat.VERSION))
                .then(audit.record(
                        "evidence.dossier_exported", "case", caseId.value(), Map.of("caseTenant", caseFile.tenantId())))
                .then(Mono.zip(
                        items.all(caseFile.tenantId(), caseId)
                                .filter(item -> !item.isDeleted())
                                .collectList(),
                        custody.all(caseFile.tenantId(), caseId.value()).collectList()))
                .flatMap(parts -> Mono.fromCallable(
                                () -> sign(caseFile, parts.getT1(), parts.getT2(), Actors.name(caller)))
                        // ECDSA signing reads SecureRandom: off the event loop.
                        .subscribeOn(Schedulers.boundedElastic())
                        // The head this dossier pins is kept apart from the chain, which verification holds it to.
                        .flatMap(export -> custody.recordSignedHead(
                                        caseFile.tenantId(),
                                        caseId.value(),
                                        parts.getT2().getLast().seq(),
                                        parts.getT2().getLast().hash(),
                                        export.manifest(),
                                        export.signature())
                                .thenReturn(export))));
    }

    private Export sign(CaseFile caseFile, List<EvidenceItem> live, List<CustodyEntry> entries, String exportedBy) {
        List<Object> jsonEntries = new ArrayList<>();
        for (CustodyEntry entry : entries) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("tenantId", entry.tenantId());
            json.put("caseId", entry.caseId());
            json.put("seq", entry.seq());
            json.put("action", entry.action().name());
            json.put("evidenceId", entry.evidenceId());
            json.put("contentSha256", entry.contentSha256());
            json.put("actor", entry.actor());
            json.put("at", entry.at().toString());
            json.put("details", new LinkedHashMap<>(entry.details()));
            json.put("previousHash", entry.previousHash());
            json.put("hash", entry.hash());
            jsonEntries.add(json);
        }
        byte[] custodyLog = JSONObjectUtils.toJSONString(
                        Map.of("caseId", caseFile.caseId().value(), "entries", jsonEntries))
                .getBytes(StandardCharsets.UTF_8);
        List<Object> files = new ArrayList<>();
        for (EvidenceItem item : live) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", path(item));
            file.put("evidenceId", item.id().value());
            file.put("requirementCode", item.requirementCode().name());
            file.put(
                    "requirementCodes",
                    item.requirements().stream().map(Enum::name).toList());
            if (item.metadata() != null) {
                file.put("declared", metadataJson(item.metadata()));
            }
            file.put("answers", item.answers());
            file.put("fileName", item.fileName());
            file.put("sha256", item.sha256());
            file.put("size", item.size());
            file.put("contentType", item.contentType());
            file.put("status", item.status().name());
            if (item.verdict() != null) {
                Map<String, Object> verdict = new LinkedHashMap<>();
                verdict.put("accepted", item.verdict().accepted());
                verdict.put(
                        "reasonCode",
                        item.verdict().reason() == null
                                ? null
                                : item.verdict().reason().name());
                verdict.put("note", item.verdict().note());
                verdict.put("by", item.verdict().by());
                verdict.put("at", item.verdict().at().toString());
                if (item.verdict().read() != null) {
                    verdict.put("read", metadataJson(item.verdict().read()));
                }
                file.put("verdict", verdict);
            }
            file.put("expired", item.expired());
            file.put("uploadedBy", item.uploadedBy());
            file.put("uploadedAt", item.uploadedAt().toString());
            files.add(file);
        }
        CustodyEntry head = entries.getLast();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "thaw-evidence-dossier");
        manifest.put("version", DossierFormat.VERSION);
        manifest.put("caseId", caseFile.caseId().value());
        manifest.put("tenantId", caseFile.tenantId());
        manifest.put("scenario", caseFile.scenario());
        manifest.put("exportedAt", clock.instant().toString());
        manifest.put("exportedBy", exportedBy);
        manifest.put("signingKeyId", signer.keyId());
        manifest.put("files", files);
        manifest.put(
                "custodyLog",
                Map.of(
                        "path",
                        DossierFormat.CUSTODY_LOG,
                        "sha256",
                        DossierVerifier.sha256(custodyLog),
                        "entries",
                        entries.size(),
                        "headHash",
                        head.hash()));
        byte[] manifestBytes = JSONObjectUtils.toJSONString(manifest).getBytes(StandardCharsets.UTF_8);
        return new Export(caseFile, live, manifestBytes, custodyLog, signer.sign(manifestBytes));
    }

    /**
     * The ZIP, written on a bounded-elastic thread into a stream the response drains with
     * back-pressure; each file is read from the store in chunk windows as the ZIP needs it.
     */
    public Flux<DataBuffer> stream(Export export, DataBufferFactory buffers) {
        return Flux.from(DataBufferUtils.outputStreamPublisher(
                out -> write(export, out),
                buffers,
                task -> Schedulers.boundedElastic().schedule(task),
                64 * 1024));
    }

    private void write(Export export, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, DossierFormat.MANIFEST, export.manifest());
            entry(zip, DossierFormat.SIGNATURE, export.signature().getBytes(StandardCharsets.US_ASCII));
            entry(zip, DossierFormat.CUSTODY_LOG, export.custodyLog());
            entry(zip, DossierFormat.README, readme(export).getBytes(StandardCharsets.UTF_8));
            for (EvidenceItem item : export.items()) {
                zip.putNextEntry(new ZipEntry(path(item)));
                if (item.size() > 0) {
                    // This thread is a bounded-elastic worker: waiting for the next chunk here is allowed.
                    for (DataBuffer buffer : blobs.read(
                                    item.blobId(), 0, item.size() - 1, DefaultDataBufferFactory.sharedInstance)
                            .toIterable(2)) {
                        try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                            while (chunks.hasNext()) {
                                ByteBuffer chunk = chunks.next();
                                byte[] bytes = new byte[chunk.remaining()];
                                chunk.get(bytes);
                                zip.write(bytes);
                            }
                        }
                    }
                }
                zip.closeEntry();
            }
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static String path(EvidenceItem item) {
        return DossierFormat.FILES + item.id().value() + "/" + item.fileName();
    }

    private String readme(Export export) {
        return """
                Thaw evidence dossier for case %s (tenant %s).

                manifest.json    every file with its requirement, the reason it answers, SHA-256, size, type,
                                 verdict, uploader and upload time; the custody log's SHA-256 and last hash
                manifest.jws     a detached JWS (ES256) over the exact bytes of manifest.json, key id %s
                custody-log.json the case's custody hash chain, this export included
                files/           the evidence files, by evidence id

                To verify without Thaw: fetch the public keys once from
                  <Thaw>/api/v1/evidence/dossiers/jwks.json
                and run evidence-service/tools/verify-dossier <this.zip> <jwks.json> (see its README).
                """.formatted(export.caseFile().caseId(), export.caseFile().tenantId(), signer.keyId());
    }

    /** Verifies a dossier against this service's own public keys; reads the upload as a stream. */
    public Mono<DossierVerifier.Report> verify(Flux<DataBuffer> body) {
        return Mono.fromCallable(() -> {
                    try (InputStream zip = DataBufferUtils.subscriberInputStream(body, 4)) {
                        return new DossierVerifier(signer.publicKeys()).verify(zip);
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** What a document says, as declared by the uploader or read by staff. */
    private static Map<String, Object> metadataJson(DocumentMetadata metadata) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("documentType", metadata.documentType());
        json.put("nameOnDocument", metadata.nameOnDocument());
        json.put(
                "expiryDate",
                metadata.expiryDate() == null ? null : metadata.expiryDate().toString());
        return json;
    }
}

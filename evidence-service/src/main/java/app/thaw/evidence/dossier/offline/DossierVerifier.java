package app.thaw.evidence.dossier.offline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.custody.CustodyChain;
import app.thaw.evidence.custody.CustodyEntry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

/**
 * Checks a dossier with nothing but the dossier and the service's public keys: the signature over
 * the manifest, every file against the manifest (hash and size, nothing missing, nothing added),
 * the custody log against the manifest and its own hash chain, and each file against the hash the
 * custody log recorded when it was uploaded. Reads the ZIP as a stream; file contents are hashed,
 * never held. Plain Java: the service's verify endpoint and the command-line verifier both use it.
 */
public final class DossierVerifier {

    /** Manifest, signature and custody log are read whole; anything bigger is not a Thaw dossier. */
    private static final int MAX_METADATA_BYTES = 64 * 1024 * 1024;

    private final JWKSet trustedKeys;

    public DossierVerifier(JWKSet trustedKeys) {
        this.trustedKeys = trustedKeys;
    }

    /** One thing that does not match, about {@code subject} (a path in the ZIP, or "signature"). */
    public record Mismatch(String subject, String problem) {}

    /** The outcome: valid only when there is no mismatch. */
    public record Report(
            boolean valid,
            @Nullable String caseId,
            int files,
            long custodyEntries,
            @Nullable String keyId,
            List<Mismatch> mismatches) {}

    public Report verify(InputStream zipStream) throws IOException {
        byte[] manifestBytes = null;
        byte[] signature = null;
        byte[] custodyBytes = null;
        Map<String, Hashed> files = new LinkedHashMap<>();
        List<Mismatch> mismatches = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(zipStream)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                switch (name) {
                    case DossierFormat.MANIFEST -> manifestBytes = readBounded(zip);
                    case DossierFormat.SIGNATURE -> signature = readBounded(zip);
                    case DossierFormat.CUSTODY_LOG -> custodyBytes = readBounded(zip);
                    case DossierFormat.README -> zip.transferTo(OutputStreamSink.INSTANCE);
                    default -> {
                        if (name.startsWith(DossierFormat.FILES) && !entry.isDirectory()) {
                            files.put(name, hash(zip));
                        } else if (!entry.isDirectory()) {
                            mismatches.add(new Mismatch(name, "an entry a Thaw dossier does not contain"));
                        }
                    }
                }
            }
        }
        if (manifestBytes == null || signature == null || custodyBytes == null) {
            mismatches.add(new Mismatch(
                    "dossier",
                    "missing "
                            + (manifestBytes == null
                                    ? DossierFormat.MANIFEST
                                    : signature == null ? DossierFormat.SIGNATURE : DossierFormat.CUSTODY_LOG)));
            return new Report(false, null, files.size(), 0, null, mismatches);
        }
        String keyId = checkSignature(manifestBytes, signature, mismatches);
        Map<String, Object> manifest;
        try {
            manifest = JSONObjectUtils.parse(new String(manifestBytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (ParseException e) {
            mismatches.add(new Mismatch(DossierFormat.MANIFEST, "not JSON: " + e.getMessage()));
            return new Report(false, null, files.size(), 0, keyId, mismatches);
        }
        Map<String, String> logged = new HashMap<>();
        long entries = checkCustody(manifest, custodyBytes, logged, mismatches);
        checkFiles(manifest, files, logged, mismatches);
        return new Report(
                mismatches.isEmpty(), (String) manifest.get("caseId"), files.size(), entries, keyId, mismatches);
    }

    private @Nullable String checkSignature(byte[] manifestBytes, byte[] signature, List<Mismatch> mismatches) {
        try {
            JWSObject jws = JWSObject.parse(
                    new String(signature, java.nio.charset.StandardCharsets.US_ASCII).strip(),
                    new Payload(manifestBytes));
            String keyId = jws.getHeader().getKeyID();
            JWK key = keyId == null ? null : trustedKeys.getKeyByKeyId(keyId);
            if (key == null) {
                mismatches.add(new Mismatch(
                        "signature", "signed with key " + keyId + ", which is not among the trusted keys"));
                return keyId;
            }
            JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jws.getHeader(), publicKey(key));
            if (!jws.verify(verifier)) {
                mismatches.add(new Mismatch(
                        "signature", "does not match the manifest: the manifest or the signature was altered"));
            }
            return keyId;
        } catch (ParseException | JOSEException e) {
            mismatches.add(new Mismatch("signature", "unreadable: " + e.getMessage()));
            return null;
        }
    }

    private static java.security.Key publicKey(JWK key) throws JOSEException {
        return switch (key.getKeyType().getValue()) {
            case "EC" -> key.toECKey().toECPublicKey();
            case "RSA" -> key.toRSAKey().toRSAPublicKey();
            default -> throw new JOSEException("Unsupported key type " + key.getKeyType());
        };
    }

    @SuppressWarnings("unchecked")
    private static long checkCustody(
            Map<String, Object> manifest, byte[] custodyBytes, Map<String, String> logged, List<Mismatch> mismatches) {
        Map<String, Object> expected = (Map<String, Object>) manifest.getOrDefault("custodyLog", Map.of());
        if (!sha256(custodyBytes).equals(expected.get("sha256"))) {
            mismatches.add(new Mismatch(DossierFormat.CUSTODY_LOG, "its SHA-256 differs from the manifest's"));
        }
        List<Map<String, Object>> entries;
        try {
            entries = (List<Map<String, Object>>)
                    JSONObjectUtils.parse(new String(custodyBytes, java.nio.charset.StandardCharsets.UTF_8))
                            .getOrDefault("entries", List.of());
        } catch (ParseException | ClassCastException e) {
            mismatches.add(new Mismatch(DossierFormat.CUSTODY_LOG, "not a custody log: " + e.getMessage()));
            return 0;
        }
        CustodyChain.Walk walk = CustodyChain.walk();
        for (Map<String, Object> json : entries) {
            CustodyEntry entry = entry(json);
            walk.accept(entry);
            if (entry.action() == CustodyAction.UPLOADED
                    && entry.evidenceId() != null
                    && entry.contentSha256() != null) {
                logged.putIfAbsent(entry.evidenceId(), entry.contentSha256());
            }
        }
        CustodyChain.Break broken = walk.firstBreak();
        if (broken != null) {
            mismatches.add(new Mismatch(DossierFormat.CUSTODY_LOG, "entry " + broken.seq() + ": " + broken.reason()));
        }
        if (!walk.headHash().equals(expected.get("headHash"))) {
            mismatches.add(new Mismatch(DossierFormat.CUSTODY_LOG, "its last hash differs from the manifest's"));
        }
        return walk.checked();
    }

    @SuppressWarnings("unchecked")
    private static void checkFiles(
            Map<String, Object> manifest,
            Map<String, Hashed> files,
            Map<String, String> logged,
            List<Mismatch> mismatches) {
        Set<String> listed = new HashSet<>();
        for (Map<String, Object> file : (List<Map<String, Object>>) manifest.getOrDefault("files", List.of())) {
            String path = (String) file.get("path");
            listed.add(path);
            Hashed actual = files.get(path);
            if (actual == null) {
                mismatches.add(new Mismatch(path, "listed in the manifest but missing from the dossier"));
                continue;
            }
            if (!actual.sha256().equals(file.get("sha256"))) {
                mismatches.add(new Mismatch(
                        path, "its SHA-256 is " + actual.sha256() + ", the manifest says " + file.get("sha256")));
            }
            if (!(file.get("size") instanceof Number size) || size.longValue() != actual.size()) {
                mismatches.add(
                        new Mismatch(path, "its size is " + actual.size() + ", the manifest says " + file.get("size")));
            }
            String fromLog = logged.get((String) file.get("evidenceId"));
            if (fromLog == null) {
                mismatches.add(new Mismatch(path, "the custody log has no upload of this item"));
            } else if (!fromLog.equals(file.get("sha256"))) {
                mismatches.add(new Mismatch(path, "the manifest's SHA-256 differs from the one logged at upload"));
            }
        }
        for (String path : files.keySet()) {
            if (!listed.contains(path)) {
                mismatches.add(new Mismatch(path, "in the dossier but not in the manifest"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static CustodyEntry entry(Map<String, Object> json) {
        Map<String, String> details = new LinkedHashMap<>();
        ((Map<String, Object>) json.getOrDefault("details", Map.of()))
                .forEach((key, value) -> details.put(key, String.valueOf(value)));
        return new CustodyEntry(
                (String) json.get("tenantId"),
                (String) json.get("caseId"),
                ((Number) json.get("seq")).longValue(),
                CustodyAction.valueOf((String) json.get("action")),
                (String) json.get("evidenceId"),
                (String) json.get("contentSha256"),
                (String) json.get("actor"),
                Instant.parse((String) json.get("at")),
                details,
                (String) json.get("previousHash"),
                (String) json.get("hash"));
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (out.size() + read > MAX_METADATA_BYTES) {
                throw new IOException(
                        "A dossier's manifest, signature or log is over " + MAX_METADATA_BYTES + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static Hashed hash(InputStream in) throws IOException {
        MessageDigest digest = CustodyChain.sha256();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            digest.update(buffer, 0, read);
            size += read;
        }
        return new Hashed(HexFormat.of().formatHex(digest.digest()), size);
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(CustodyChain.sha256().digest(bytes));
    }

    private record Hashed(String sha256, long size) {}

    /** Discards bytes (the README needs no check). */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}

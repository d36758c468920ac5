package app.thaw.evidence.dossier.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * The offline verifier for banks, insurers and courts:
 * {@code verify-dossier <dossier.zip> <jwks.json or its https URL>}. Prints each mismatch and exits
 * 0 when the dossier is intact, 1 when it is not, 2 when it cannot be read. See
 * evidence-service/tools/README.md for the procedure.
 */
public final class VerifyDossier {

    private VerifyDossier() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length != 2) {
            out.println(
                    "usage: verify-dossier <dossier.zip> <jwks.json | https://…/api/v1/evidence/dossiers/jwks.json>");
            return 2;
        }
        try {
            JWKSet keys = loadKeys(args[1]);
            DossierVerifier.Report report;
            try (InputStream zip = Files.newInputStream(Path.of(args[0]))) {
                report = new DossierVerifier(keys).verify(zip);
            }
            out.println("case:            " + report.caseId());
            out.println("signing key:     " + report.keyId());
            out.println("files:           " + report.files());
            out.println("custody entries: " + report.custodyEntries());
            for (DossierVerifier.Mismatch mismatch : report.mismatches()) {
                out.println("MISMATCH " + mismatch.subject() + ": " + mismatch.problem());
            }
            out.println(
                    report.valid()
                            ? "VALID: the dossier is intact and signed by a trusted key"
                            : "INVALID: " + report.mismatches().size() + " mismatch(es)");
            return report.valid() ? 0 : 1;
        } catch (IOException | ParseException e) {
            out.println("ERROR: " + e.getMessage());
            return 2;
        }
    }

    private static JWKSet loadKeys(String source) throws IOException, ParseException {
        if (source.startsWith("https://") || source.startsWith("http://")) {
            return JWKSet.load(URI.create(source).toURL());
        }
        return JWKSet.parse(Files.readString(Path.of(source), StandardCharsets.UTF_8));
    }
}

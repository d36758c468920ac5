package app.thaw.evidence.dossier.offline;

/** The names inside a dossier ZIP; the service writes them and the verifier expects them. */
public final class DossierFormat {

    public static final String MANIFEST = "manifest.json";
    /** A detached JWS (RFC 7515 appendix F) over the exact bytes of {@link #MANIFEST}. */
    public static final String SIGNATURE = "manifest.jws";

    public static final String CUSTODY_LOG = "custody-log.json";
    public static final String README = "README.txt";
    public static final String FILES = "files/";
    public static final int VERSION = 1;

    private DossierFormat() {}
}

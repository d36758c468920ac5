package app.thaw.cases.incident;

import java.util.Map;

/**
 * A case refused what was asked of it, for a reason the caller can act on. {@code code} is the
 * stable problem code of docs/problems.md; the web layer maps each refusal once to a problem document.
 */
public class CaseRefusal extends RuntimeException {

    /** Whether the refusal is about the case's current state (409) or the request itself (422). */
    public enum Kind {
        CONFLICT,
        UNPROCESSABLE
    }

    private final String code;
    private final Kind kind;
    private final Map<String, Object> properties;

    public CaseRefusal(Kind kind, String code, String detail, Map<String, Object> properties) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

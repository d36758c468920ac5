package app.thaw.cases.casework;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.problems.CaseProblems;

/** A position in a list of cases: after this case, in ({@code openedAt}, id) descending order. */
public record CaseCursor(Instant openedAt, String id) {

    public static String of(IncidentCase c) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((c.openedAt().toEpochMilli() + ":" + c.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor this service gave out names; anything else is a 400 naming {@code cursor}. */
    public static CaseCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return new CaseCursor(
                    Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))), plain.substring(colon + 1));
        } catch (RuntimeException e) {
            throw CaseProblems.invalid("cursor", "Cursor", "is not a cursor this service gave out");
        }
    }
}

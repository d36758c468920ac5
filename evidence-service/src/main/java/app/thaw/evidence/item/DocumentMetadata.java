package app.thaw.evidence.item;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What staff read off the document: its type (e.g. "national ID card"), the name printed on it,
 * and its expiry date when it has one.
 */
public record DocumentMetadata(
        @Nullable String documentType,
        @Nullable String nameOnDocument,
        @Nullable LocalDate expiryDate) {

    /** A past expiry date, judged in the tenant's today: an expired document cannot prove anything current. */
    public boolean expiredOn(LocalDate today) {
        return expiryDate != null && expiryDate.isBefore(today);
    }

    /** Nothing was stated. */
    public boolean isEmpty() {
        return documentType == null && nameOnDocument == null && expiryDate == null;
    }
}

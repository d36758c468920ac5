package app.thaw.monitor.subjects;

import app.thaw.monitor.protection.IdentifierType;

/**
 * An identifier as a caller sends it, on its way to being protected. Its {@code toString} never
 * shows the value, so it cannot reach a log by accident.
 */
public record PlainIdentifier(IdentifierType type, String value) {

    @Override
    public String toString() {
        return "PlainIdentifier[" + type + "]";
    }
}

package app.thaw.monitor.ingestion;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import app.thaw.monitor.protection.IdentifierType;
import app.thaw.monitor.signals.SignalType;
import app.thaw.platform.problem.FieldViolation;

/** The rules a signal must meet; each broken rule names the field, never echoing its value. */
public final class SignalValidator {

    public static final int MAX_IDENTIFIERS = 10;
    static final int MAX_TEXT = 200;

    private SignalValidator() {}

    public static List<FieldViolation> check(SignalInput input, Instant now, Duration maxFutureSkew) {
        List<FieldViolation> errors = new ArrayList<>();
        if (input.signalId() == null || input.signalId().isBlank()) {
            errors.add(new FieldViolation("signalId", "NotBlank", "must be the source's id of the signal"));
        } else if (input.signalId().length() > 128) {
            errors.add(new FieldViolation("signalId", "Size", "must be at most 128 characters"));
        }
        if (input.type() == null) {
            errors.add(new FieldViolation("type", "NotNull", "must be one of " + List.of(SignalType.values())));
        } else if (!isType(input.type())) {
            errors.add(new FieldViolation("type", "OneOf", "must be one of " + List.of(SignalType.values())));
        }
        if (input.occurredAt() == null) {
            errors.add(new FieldViolation("occurredAt", "NotNull", "must be an ISO-8601 instant"));
        } else {
            try {
                Instant at = Instant.parse(input.occurredAt());
                if (!app.thaw.platform.web.StrictJson.inWindow(at)) {
                    errors.add(new FieldViolation(
                            "occurredAt", "DateWindow", app.thaw.platform.web.StrictJson.WINDOW_MESSAGE));
                } else if (at.isAfter(now.plus(maxFutureSkew))) {
                    errors.add(new FieldViolation(
                            "occurredAt",
                            "NotFuture",
                            "is more than " + maxFutureSkew.toSeconds() + " s ahead of Thaw's clock"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldViolation(
                        "occurredAt", "Instant", "must be an ISO-8601 instant such as 2026-11-23T10:15:30Z"));
            }
        }
        List<SignalInput.IdentifierInput> identifiers = input.identifiers();
        if (identifiers == null || identifiers.isEmpty()) {
            errors.add(
                    new FieldViolation("identifiers", "NotEmpty", "must name at least one identifier of the subject"));
        } else if (identifiers.size() > MAX_IDENTIFIERS) {
            errors.add(new FieldViolation("identifiers", "Size", "must have at most " + MAX_IDENTIFIERS + " entries"));
        } else {
            for (int i = 0; i < identifiers.size(); i++) {
                SignalInput.IdentifierInput identifier = identifiers.get(i);
                if (identifier == null || identifier.type() == null || !isIdentifierType(identifier.type())) {
                    errors.add(new FieldViolation(
                            "identifiers[" + i + "].type",
                            "OneOf",
                            "must be one of " + List.of(IdentifierType.values())));
                }
                if (identifier == null
                        || identifier.value() == null
                        || identifier.value().isBlank()) {
                    errors.add(new FieldViolation("identifiers[" + i + "].value", "NotBlank", "must not be blank"));
                } else if (identifier.value().length() > MAX_TEXT) {
                    errors.add(new FieldViolation(
                            "identifiers[" + i + "].value", "Size", "must be at most " + MAX_TEXT + " characters"));
                }
            }
        }
        SignalInput.Location location = input.location();
        if (location != null) {
            if (location.lat() == null || location.lat() < -90 || location.lat() > 90) {
                errors.add(new FieldViolation("location.lat", "Range", "must be a latitude between -90 and 90"));
            }
            if (location.lon() == null || location.lon() < -180 || location.lon() > 180) {
                errors.add(new FieldViolation("location.lon", "Range", "must be a longitude between -180 and 180"));
            }
        }
        text(errors, "device", input.device());
        text(errors, "ip", input.ip());
        text(errors, "institution", input.institution());
        text(errors, "channel", input.channel());
        if (input.amount() != null
                && (input.amount() < 0
                        || input.amount().isNaN()
                        || input.amount().isInfinite())) {
            errors.add(new FieldViolation("amount", "PositiveOrZero", "must be a non-negative number"));
        }
        return errors;
    }

    private static void text(List<FieldViolation> errors, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new FieldViolation(field, "Size", "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static boolean isType(String type) {
        for (SignalType t : SignalType.values()) {
            if (t.name().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdentifierType(String type) {
        for (IdentifierType t : IdentifierType.values()) {
            if (t.name().equals(type)) {
                return true;
            }
        }
        return false;
    }
}

package app.thaw.monitor.tenants;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.TenantIds;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A platform admin's request to onboard a tenant (ADR 64). Every field is checked before anything is
 * asked of Keycloak; all broken rules are named at once (400 {@code validation_failed}).
 *
 * @param tenantId   the new tenant's id: the organization's alias and every token's {@code tenant_id}
 * @param kind       {@link TenantKind}
 * @param name       the organization's name (unique in the realm)
 * @param domain     the organization's e-mail domain, optional
 * @param admin      the tenant's first admin user
 * @param plan       a plan of the catalogue; default by kind ({@link TenantKind#defaultPlan()}), else the configured
 * @param referredBy the partner tenant that referred this one, optional
 */
public record TenantRequest(
        @Nullable String tenantId,
        @Nullable String kind,
        @Nullable String name,
        @Nullable String domain,
        @Nullable Admin admin,
        @Nullable String plan,
        @Nullable String referredBy) {

    /**
     * The first admin user. Keycloak makes the password temporary: the first sign-in asks for a new one
     * ({@code UPDATE_PASSWORD}). Thaw keeps no copy of it and never answers it.
     */
    public record Admin(
            @Nullable String username,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String temporaryPassword) {}

    /** Keycloak's user profile holds {@code tenant_id} to this (infra/keycloak): lower case, digits and '-'. */
    public static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public static final int TENANT_ID_MAX = 64;
    /** Thaw's own tenant (staff and the services' clients): never onboarded by API. */
    public static final String RESERVED = "thaw";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    /** The request's broken rules, each naming its field; empty when it may go ahead. */
    public List<FieldViolation> violations(Collection<String> plans) {
        List<FieldViolation> errors = new ArrayList<>();
        if (required(errors, "tenantId", tenantId)) {
            if (tenantId.length() > TENANT_ID_MAX) {
                errors.add(new FieldViolation("tenantId", "Size", "must be 1 to " + TENANT_ID_MAX + " characters"));
            } else if (!TENANT_ID.matcher(tenantId).matches()) {
                errors.add(new FieldViolation(
                        "tenantId",
                        "Pattern",
                        "must be lower-case letters, digits or '-', starting with a letter or digit"));
            } else if (tenantId.equals(RESERVED)) {
                errors.add(new FieldViolation("tenantId", "Reserved", "'thaw' is Thaw's own tenant"));
            }
        }
        if (required(errors, "kind", kind) && TenantKind.of(kind).isEmpty()) {
            errors.add(new FieldViolation("kind", "OneOf", "must be one of " + TenantKind.names()));
        }
        if (required(errors, "name", name)) {
            maxLength(errors, "name", name, 255);
        }
        if (domain != null && (domain.length() > 253 || !DOMAIN.matcher(domain).matches())) {
            errors.add(new FieldViolation("domain", "Pattern", "must be a lower-case domain name such as example.com"));
        }
        if (admin == null) {
            errors.add(new FieldViolation("admin", "NotNull", "must name the tenant's first admin user"));
        } else {
            if (required(errors, "admin.username", admin.username())) {
                if (admin.username().length() < 3 || admin.username().length() > 255) {
                    errors.add(new FieldViolation("admin.username", "Size", "must be 3 to 255 characters"));
                } else if (!USERNAME.matcher(admin.username()).matches()) {
                    errors.add(
                            new FieldViolation(
                                    "admin.username",
                                    "Pattern",
                                    "must be lower-case letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
                }
            }
            if (required(errors, "admin.email", admin.email())
                    && (admin.email().length() > 255
                            || !EMAIL.matcher(admin.email()).matches())) {
                errors.add(new FieldViolation("admin.email", "Email", "must be an e-mail address"));
            }
            // Keycloak's user profile asks a user for these at the first sign-in when they are missing.
            if (required(errors, "admin.firstName", admin.firstName())) {
                maxLength(errors, "admin.firstName", admin.firstName(), 255);
            }
            if (required(errors, "admin.lastName", admin.lastName())) {
                maxLength(errors, "admin.lastName", admin.lastName(), 255);
            }
            if (required(errors, "admin.temporaryPassword", admin.temporaryPassword())
                    && (admin.temporaryPassword().length() < 12
                            || admin.temporaryPassword().length() > 128)) {
                errors.add(new FieldViolation("admin.temporaryPassword", "Size", "must be 12 to 128 characters"));
            }
        }
        if (plan != null && !plans.contains(plan)) {
            errors.add(new FieldViolation("plan", "OneOf", "must be one of " + plans));
        }
        if (referredBy != null) {
            if (!TenantIds.isValid(referredBy)) {
                errors.add(new FieldViolation("referredBy", "Pattern", TenantIds.PATTERN_MESSAGE));
            } else if (referredBy.equals(tenantId)) {
                errors.add(new FieldViolation("referredBy", "NotOwnTenant", "a tenant does not refer itself"));
            }
        }
        return errors;
    }

    /** The request with every rule met, or 400 {@code validation_failed} naming each field that breaks one. */
    public Valid validated(Collection<String> plans) {
        List<FieldViolation> errors = violations(plans);
        if (!errors.isEmpty()) {
            throw new ThawProblem(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    errors.size() == 1
                            ? "The field '" + errors.getFirst().field() + "' is invalid: "
                                    + errors.getFirst().message()
                            : errors.size() + " fields are invalid; see errors.",
                    Map.of("errors", errors),
                    null);
        }
        Admin user = Objects.requireNonNull(admin);
        TenantKind tenantKind = TenantKind.of(kind).orElseThrow();
        return new Valid(
                Objects.requireNonNull(tenantId),
                tenantKind,
                Objects.requireNonNull(name),
                domain,
                Objects.requireNonNull(user.username()),
                Objects.requireNonNull(user.email()),
                Objects.requireNonNull(user.firstName()),
                Objects.requireNonNull(user.lastName()),
                Objects.requireNonNull(user.temporaryPassword()),
                plan != null ? plan : tenantKind.defaultPlan(),
                referredBy);
    }

    /** A request that passed {@link #validated}: what the onboarding steps work from. */
    public record Valid(
            String tenantId,
            TenantKind kind,
            String name,
            @Nullable String domain,
            String username,
            String email,
            String firstName,
            String lastName,
            String temporaryPassword,
            @Nullable String plan,
            @Nullable String referredBy) {

        /** The tenant's client-credentials client (banks and insurers). */
        public String clientId() {
            return tenantId + "-api";
        }

        @Override
        public String toString() {
            // The password never reaches a log line.
            return "TenantRequest[" + tenantId + ", " + kind + ", admin " + username + "]";
        }
    }

    @Override
    public String toString() {
        return "TenantRequest[" + tenantId + ", " + kind + "]";
    }

    private static boolean required(List<FieldViolation> errors, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldViolation(field, "NotBlank", "must not be blank"));
            return false;
        }
        return true;
    }

    private static void maxLength(List<FieldViolation> errors, String field, String value, int max) {
        if (value.length() > max) {
            errors.add(new FieldViolation(field, "Size", "must be at most " + max + " characters"));
        }
    }
}

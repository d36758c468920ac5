package app.thaw.cases.staff;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import app.thaw.platform.events.ServiceTokens;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Who works cases (ADR 72): the realm's users of the staff tenant ({@code tenant_id} {@code thaw}), by
 * user name with the name staff know them by, read from Keycloak's admin API with case-service's own
 * client (its service account may view users, nothing more) and kept for {@code ttl}. The dashboard
 * offers them on "assign to someone" and shows owners by name. When Keycloak cannot be read the last
 * list read stays in use (empty before the first): the form still takes a user name typed in, and
 * owners show as user names.
 */
public class StaffDirectory {

    private static final int MAX = 500;

    /** A staff member: the user name a case is assigned to, and how to call them. */
    public record Staff(String username, String name) {}

    private final KeptRead<List<Staff>> kept;

    public StaffDirectory(Supplier<Mono<List<Staff>>> source, Duration ttl, java.time.Clock clock) {
        this.kept = new KeptRead<>("Staff directory", source, List.of(), ttl, clock);
    }

    /**
     * Reads Keycloak's {@code GET {admin}/users?q=tenant_id:thaw}: {@code admin} is the realm's admin
     * base ({@code http://host/admin/realms/thaw}).
     */
    public static Supplier<Mono<List<Staff>>> keycloak(WebClient web, URI admin, ServiceTokens tokens) {
        ParameterizedTypeReference<List<Map<String, Object>>> users = new ParameterizedTypeReference<>() {};
        return () -> tokens.token()
                .flatMap(token -> web.get()
                        .uri(
                                admin.toString().replaceAll("/+$", "")
                                        + "/users?q={q}&max={max}&briefRepresentation=true",
                                "tenant_id:thaw",
                                MAX)
                        .headers(h -> h.setBearerAuth(token))
                        .retrieve()
                        .bodyToMono(users)
                        .map(found -> found.stream()
                                .filter(user -> user.get("username") instanceof String name
                                        && !name.startsWith("service-account-")
                                        && !Boolean.FALSE.equals(user.get("enabled")))
                                .map(StaffDirectory::staff)
                                .sorted(Comparator.comparing(Staff::name))
                                .toList()));
    }

    /** The realm's admin base from a URI of the realm ({@code …/realms/thaw[/protocol/openid-connect/certs]}). */
    public static URI adminBase(URI realmUri) {
        String realm = realmUri.toString()
                .replaceFirst("/protocol/openid-connect/.*$", "")
                .replaceAll("/+$", "");
        return URI.create(realm.replaceFirst("/realms/", "/admin/realms/"));
    }

    private static Staff staff(Map<String, Object> user) {
        String username = (String) user.get("username");
        String name = ((user.get("firstName") instanceof String first ? first : "") + " "
                        + (user.get("lastName") instanceof String last ? last : ""))
                .strip();
        return new Staff(username, name.isEmpty() ? username : name);
    }

    /** Every staff member, by name (read again once {@code ttl} has passed). */
    public Mono<List<Staff>> all() {
        return kept.get();
    }

    /** User name → display name, for showing owners. */
    public Mono<Map<String, String>> names() {
        return all().map(staff -> {
            Map<String, String> names = new LinkedHashMap<>();
            staff.forEach(member -> names.put(member.username(), member.name()));
            return names;
        });
    }
}

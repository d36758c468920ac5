package app.thaw.monitor.tenants;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the part of Keycloak's admin REST API onboarding uses, over real HTTP: organizations
 * (by attribute, members), users (by user name, role mappings), realm roles, clients (service account,
 * secret). It refuses as Keycloak does — 409 for a taken organization name or alias, user name, e-mail
 * or client id, 409 for a member added twice — and can fail the next call that matches, to stage a
 * failure half-way. Every call is recorded.
 */
final class FakeKeycloak implements AutoCloseable {

    static final String BASE = "/admin/realms/thaw";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Set<String> ROLES = Set.of("merchant_admin", "partner_bank", "insurer", "platform_admin");

    final Map<String, Map<String, Object>> organizations = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> clients = new ConcurrentHashMap<>();
    final Map<String, Set<String>> roles = new ConcurrentHashMap<>();
    final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    private record Failure(String method, Pattern path, int status) {}

    FakeKeycloak() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString()
                        .defaultIfEmpty("")
                        .flatMap(body -> Mono.fromCallable(() -> answer(request, body)))
                        .flatMap(answer -> {
                            HttpServerResponse sent = response.status(answer.status());
                            if (answer.location() != null) {
                                sent = sent.header("Location", answer.location());
                            }
                            if (answer.body() == null) {
                                return sent.send().then();
                            }
                            return sent.header("Content-Type", "application/json")
                                    .sendString(Mono.just(answer.body()))
                                    .then();
                        }))
                .bindNow();
    }

    URI adminBase() {
        return URI.create("http://127.0.0.1:" + server.port() + BASE);
    }

    /** The next call of {@code method} whose path (under the realm's admin base) matches {@code regex} answers {@code status}. */
    void failNext(String method, String regex, int status) {
        failures.add(new Failure(method, Pattern.compile(regex), status));
    }

    long count(String method, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return calls.stream()
                .filter(call -> call.startsWith(method + " ")
                        && pattern.matcher(call.substring(method.length() + 1)).matches())
                .count();
    }

    /** An organization made outside onboarding (as the realm file makes the demo tenants). */
    String organization(String name, String alias, Map<String, List<String>> attributes) {
        String id = UUID.randomUUID().toString();
        organizations.put(
                id,
                new LinkedHashMap<>(Map.of(
                        "id",
                        id,
                        "name",
                        name,
                        "alias",
                        alias,
                        "attributes",
                        attributes,
                        "domains",
                        List.of(Map.of("name", alias + ".example.com", "verified", false)))));
        return id;
    }

    /** A user made outside onboarding. */
    String user(String username, String email, @Nullable String tenantId) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> user = new LinkedHashMap<>(Map.of("id", id, "username", username, "email", email));
        if (tenantId != null) {
            user.put("attributes", Map.of("tenant_id", List.of(tenantId)));
        }
        users.put(id, user);
        return id;
    }

    /** The user a member of the organization, with these realm roles (as the realm file makes them). */
    void member(String organizationId, String userId, String... realmRoles) {
        members.computeIfAbsent(organizationId, key -> ConcurrentHashMap.newKeySet())
                .add(userId);
        roles.computeIfAbsent(userId, key -> ConcurrentHashMap.newKeySet()).addAll(List.of(realmRoles));
    }

    Optional<Map<String, Object>> userNamed(String username) {
        return users.values().stream()
                .filter(u -> username.equals(u.get("username")))
                .findFirst();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private record Answer(
            int status, @Nullable String body, @Nullable String location) {
        static Answer json(int status, Object body) {
            return new Answer(status, FakeKeycloak.json.writeValueAsString(body), null);
        }

        static Answer empty(int status) {
            return new Answer(status, null, null);
        }

        static Answer created(String location) {
            return new Answer(201, null, location);
        }
    }

    @SuppressWarnings("unchecked")
    private Answer answer(HttpServerRequest request, String body) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String method = request.method().name();
        String path = uri.path();
        calls.add(method + " " + path.replaceFirst("^" + BASE, ""));
        if (request.requestHeaders().get("Authorization") == null) {
            return Answer.json(401, Map.of("error", "HTTP 401 Unauthorized"));
        }
        if (!path.startsWith(BASE + "/")) {
            return Answer.empty(404);
        }
        String[] p = path.substring(BASE.length() + 1).split("/");
        String local = "/" + String.join("/", p);
        for (Failure failure : failures) {
            if (failure.method().equals(method) && failure.path().matcher(local).matches()) {
                failures.remove(failure);
                return Answer.json(failure.status(), Map.of("error", "staged failure"));
            }
        }
        Map<String, List<String>> query = uri.parameters();
        String location = "http://127.0.0.1:" + server.port() + path;
        switch (p[0]) {
            case "organizations" -> {
                if (p.length == 1 && method.equals("GET")) {
                    String[] q = query.get("q").getFirst().split(":", 2);
                    return Answer.json(
                            200,
                            organizations.values().stream()
                                    .filter(o -> ((Map<String, List<String>>) o.get("attributes"))
                                            .getOrDefault(q[0], List.of())
                                            .contains(q[1]))
                                    .toList());
                }
                if (p.length == 1 && method.equals("POST")) {
                    Map<String, Object> organization = json.readValue(body, Map.class);
                    if (organizations.values().stream()
                            .anyMatch(o -> o.get("name").equals(organization.get("name"))
                                    || o.get("alias").equals(organization.get("alias")))) {
                        return Answer.json(
                                409, Map.of("errorMessage", "A organization with the same name already exists."));
                    }
                    String id = UUID.randomUUID().toString();
                    organization.put("id", id);
                    organizations.put(id, organization);
                    return Answer.created(location + "/" + id);
                }
                if (p.length == 2) {
                    Map<String, Object> organization = organizations.get(p[1]);
                    if (organization == null) {
                        return Answer.empty(404);
                    }
                    if (method.equals("GET")) {
                        return Answer.json(200, organization);
                    }
                    if (method.equals("PUT")) {
                        // As Keycloak: the representation replaces the organization, what it leaves out is dropped.
                        Map<String, Object> changed = json.readValue(body, Map.class);
                        if (!organization.get("alias").equals(changed.get("alias"))) {
                            return Answer.json(400, Map.of("errorMessage", "Cannot change the alias"));
                        }
                        for (String key : List.of("name", "description", "attributes", "domains")) {
                            if (changed.containsKey(key)) {
                                organization.put(key, changed.get(key));
                            } else {
                                organization.remove(key);
                            }
                        }
                        return Answer.empty(204);
                    }
                }
                if (p.length >= 3 && p[2].equals("members")) {
                    Set<String> of = members.computeIfAbsent(p[1], key -> ConcurrentHashMap.newKeySet());
                    if (p.length == 4 && method.equals("GET")) {
                        return of.contains(p[3]) ? Answer.json(200, users.get(p[3])) : Answer.empty(404);
                    }
                    if (p.length == 3 && method.equals("POST")) {
                        // The user's id as it is (Keycloak's admin client), or quoted as a JSON string.
                        String userId = body.strip().replaceAll("^\"|\"$", "");
                        if (!users.containsKey(userId)) {
                            return Answer.json(400, Map.of("errorMessage", "User does not exist"));
                        }
                        return of.add(userId)
                                ? Answer.created(location + "/" + userId)
                                : Answer.json(
                                        409, Map.of("errorMessage", "User is already a member of the organization."));
                    }
                }
            }
            case "users" -> {
                if (p.length == 1 && method.equals("GET")) {
                    String username = query.get("username").getFirst();
                    return Answer.json(
                            200,
                            users.values().stream()
                                    .filter(u -> username.equals(u.get("username")))
                                    .toList());
                }
                if (p.length == 1 && method.equals("POST")) {
                    Map<String, Object> user = json.readValue(body, Map.class);
                    if (users.values().stream()
                            .anyMatch(u -> u.get("username").equals(user.get("username"))
                                    || (u.get("email") != null && u.get("email").equals(user.get("email"))))) {
                        return Answer.json(409, Map.of("errorMessage", "User exists with same username or email"));
                    }
                    String id = UUID.randomUUID().toString();
                    user.put("id", id);
                    users.put(id, user);
                    return Answer.created(location + "/" + id);
                }
                Map<String, Object> user = users.get(p[1]);
                if (user == null) {
                    return Answer.empty(404);
                }
                if (p.length == 2 && method.equals("GET")) {
                    return Answer.json(200, user);
                }
                if (p.length == 2 && method.equals("PUT")) {
                    Map<String, Object> changed = json.readValue(body, Map.class);
                    user.put("attributes", changed.get("attributes"));
                    return Answer.empty(204);
                }
                if (p.length == 4 && p[2].equals("role-mappings") && p[3].equals("realm")) {
                    Set<String> mapped = roles.computeIfAbsent(p[1], key -> ConcurrentHashMap.newKeySet());
                    if (method.equals("GET")) {
                        return Answer.json(
                                200,
                                mapped.stream()
                                        .map(name -> Map.of("id", "role-" + name, "name", name))
                                        .toList());
                    }
                    if (method.equals("POST")) {
                        List<Map<String, Object>> added = json.readValue(body, List.class);
                        added.forEach(role -> mapped.add((String) role.get("name")));
                        return Answer.empty(204);
                    }
                }
            }
            case "roles" -> {
                if (p.length == 2 && method.equals("GET")) {
                    return ROLES.contains(p[1])
                            ? Answer.json(200, Map.of("id", "role-" + p[1], "name", p[1], "composite", false))
                            : Answer.empty(404);
                }
            }
            case "clients" -> {
                if (p.length == 1 && method.equals("GET")) {
                    String clientId = query.get("clientId").getFirst();
                    return Answer.json(
                            200,
                            clients.values().stream()
                                    .filter(c -> clientId.equals(c.get("clientId")))
                                    .toList());
                }
                if (p.length == 1 && method.equals("POST")) {
                    Map<String, Object> client = json.readValue(body, Map.class);
                    if (clients.values().stream()
                            .anyMatch(c -> c.get("clientId").equals(client.get("clientId")))) {
                        return Answer.json(409, Map.of("errorMessage", "Client already exists"));
                    }
                    String id = UUID.randomUUID().toString();
                    client.put("id", id);
                    client.put("secret", "secret-of-" + client.get("clientId"));
                    String account = UUID.randomUUID().toString();
                    client.put("serviceAccount", account);
                    users.put(
                            account,
                            new LinkedHashMap<>(
                                    Map.of("id", account, "username", "service-account-" + client.get("clientId"))));
                    clients.put(id, client);
                    return Answer.created(location + "/" + id);
                }
                Map<String, Object> client = clients.get(p[1]);
                if (client == null) {
                    return Answer.empty(404);
                }
                if (p.length == 3 && p[2].equals("service-account-user") && method.equals("GET")) {
                    return Answer.json(200, users.get((String) client.get("serviceAccount")));
                }
                if (p.length == 3 && p[2].equals("client-secret") && method.equals("GET")) {
                    return Answer.json(200, Map.of("type", "secret", "value", client.get("secret")));
                }
            }
            default -> {}
        }
        return Answer.json(404, Map.of("error", "Unable to find matching target resource method"));
    }

    /** The client of {@code clientId}, as Keycloak holds it. */
    Optional<Map<String, Object>> client(String clientId) {
        return clients.values().stream()
                .filter(c -> clientId.equals(c.get("clientId")))
                .findFirst();
    }

    List<String> namesOf(Map<String, Set<String>> byId, String id) {
        return new ArrayList<>(byId.getOrDefault(id, Set.of()));
    }
}

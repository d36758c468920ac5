// Seeds Thaw's demo tenants with the journeys of docs/domain.md §12 at different stages, so a newcomer
// opening Thaw sees a living system. Dependency-free (JDK only), run by `./thaw demo`:
//
//   java infra/demo/DemoSeed.java <gateway-url> <keycloak-url>
//
// First it onboards the demo's tenants as a platform admin onboards any tenant, `POST
// /api/v1/monitor/admin/tenants` (ADR 64, 65): acme and globex (merchants), bank-demo (partner bank),
// insurer-demo (insurer), each with its plan. Their organizations and demo users come from the realm
// file (infra/keycloak), which the system tests sign in with; onboarding completes them: the kind,
// for the bank and the insurer a client of their own, the plan, acme's referral.
//
// Idempotent: onboarding finds what exists and makes nothing twice; each case is found by its demo
// account reference before it is created (and created with an Idempotency-Key), so running it again
// creates nothing new.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class DemoSeed {

    private final String gateway;
    private final String keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    /** What was made (or found), one line each, for the caller. */
    public final List<String> report = new ArrayList<>();

    public DemoSeed(String gateway, String keycloak) {
        this.gateway = gateway.replaceAll("/+$", "");
        this.keycloak = keycloak.replaceAll("/+$", "");
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        String keycloak = args.length > 1 ? args[1] : "http://localhost:8180";
        DemoSeed seed = new DemoSeed(gateway, keycloak);
        seed.run();
        System.out.println("Demo data ready. Sign in to " + seed.gateway + "/console as agent, supervisor or compliance (password thaw-demo).");
    }

    public void run() throws Exception {
        tenants();
        riskFreezeWithRejectedLicence();
        partners();
        takeoverWithRunningClocks();
        complianceHold();
        judicialFreezeEscalatedToLegal();
        identityMisuse();
    }

    // ---- the tenants ---------------------------------------------------------------------------

    /** Used only if Keycloak lacks the admin user: it then signs in with it once and chooses its own. */
    private static final String FIRST_SIGN_IN_PASSWORD = "thaw-demo-first-sign-in";

    /**
     * The demo's tenants, onboarded by API as a platform admin onboards any tenant (ADR 64): each by its
     * id, kind, name and first admin user, on its plan; acme referred by bank-demo, so the bank comes
     * first. The realm file holds their organizations and users without a kind; onboarding completes such
     * a tenant for the admin user it already holds (ADR 65), then finds it complete on every later run.
     */
    void tenants() throws Exception {
        onboard("bank-demo", "PARTNER_BANK", "Demo Partner Bank", "bank-analyst", "Bob", "Banks", "PARTNER_BANK", null);
        onboard("insurer-demo", "INSURER", "Demo Insurer", "insurer-adjuster", "Ines", "Adjuster", "INSURER", null);
        onboard("acme", "MERCHANT", "Acme Trading", "acme-admin", "Alice", "Anders", "THAW_ASSIST", "bank-demo");
        onboard("globex", "MERCHANT", "Globex Commerce", "globex-admin", "Grace", "Hopper", "THAW_ASSIST", null);
    }

    private void onboard(String tenantId, String kind, String name, String admin, String firstName, String lastName, String plan,
            String referredBy) throws Exception {
        String request = "{\"tenantId\":\"" + tenantId + "\",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\",\"domain\":\""
                + tenantId + ".example.com\",\"admin\":{\"username\":\"" + admin + "\",\"email\":\"" + admin + "@" + tenantId
                + ".example.com\",\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\",\"temporaryPassword\":\""
                + FIRST_SIGN_IN_PASSWORD + "\"},\"plan\":\"" + plan + "\"" + (referredBy == null ? "" : ",\"referredBy\":\"" + referredBy + "\"")
                + "}";
        // Keyed by the request itself, so an edited seed sends a new key rather than reusing one for another body.
        String key = "demo-seed-tenant-" + tenantId + "-" + Integer.toHexString(request.hashCode());
        HttpResponse<String> answer = exchange("platform-admin", "POST", "/api/v1/monitor/admin/tenants", json(request),
                "application/json", key, 201, 200);
        Matcher made = Pattern.compile("\"created\":\\[([^\\]]*)\\]").matcher(answer.body());
        String created = made.find() ? made.group(1).replace("\"", "").replace(",", ", ") : "";
        boolean replayed = answer.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
        String client = answer.body().contains("\"clientId\"") ? ", its own client " + field(answer.body(), "clientId") : "";
        say("Tenant " + tenantId + " (" + kind + ") onboarded by API: plan " + field(answer.body(), "plan") + client
                + (referredBy == null ? "" : ", referred by " + referredBy) + "; "
                + (created.isEmpty() ? "complete already, nothing made" : "made: " + created)
                + (replayed ? " (the answer to the same request before, replayed)" : ""));
    }

    // ---- the journeys at different stages ----------------------------------------------------

    /** J1 in progress: acme's RISK_TXN case gathering evidence, its checklist open, an expired licence rejected. */
    void riskFreezeWithRejectedLicence() throws Exception {
        String journey = "J1 risk freeze (acme)";
        String ref = "DEMO-J1-LIANLIAN";
        String id = openOnce(journey, "acme-admin", ref, "{\"holder\":{\"type\":\"ENTERPRISE\",\"displayName\":\"Acme Cross-Border Trading Ltd.\","
                + "\"accountReference\":\"" + ref + "\"},\"platform\":\"LianLian (连连支付)\",\"noticeText\":\"尊敬的用户，您的账户近期存在交易异常，"
                + "系统风控已对相关交易进行风险审核（risk review），审核期间该笔交易资金暂缓入账。请在3个工作日内提交交易凭证。\","
                + "\"noticeReference\":\"LL-RR-DEMO\",\"frozenAmount\":{\"amount\":\"58200.00\",\"currency\":\"CNY\"}}");
        if (id == null) {
            return;
        }
        transition("acme-admin", id, "GATHERING_EVIDENCE", "collecting the checklist", "");
        awaitEvidenceKnows("acme-admin", id);
        String item = field(send("acme-admin", "POST", "/api/v1/evidence/cases/" + id + "/items?requirementCode=BUSINESS_LICENSE"
                + "&fileName=licence-2019.png&expiryDate=2020-06-30", png(1), "image/png", null, 201, 200), "id");
        send("agent", "POST", "/api/v1/evidence/items/" + item + "/verdict", json("{\"decision\":\"REJECT\",\"reasonCode\":\"EXPIRED\","
                + "\"note\":\"licence expired on 2020-06-30\",\"expiryDate\":\"2020-06-30\"}"), "application/json", null, 200);
        String statement = field(send("acme-admin", "POST", "/api/v1/evidence/cases/" + id + "/items?requirementCode=BANK_STATEMENT"
                + "&fileName=statement.png", png(2), "image/png", null, 201, 200), "id");
        say(journey + ": case " + id + " RISK_TXN gathering evidence; licence " + item + " rejected (EXPIRED); bank statement "
                + statement + " received");
    }

    /**
     * Issue 20's partner business, on the tenants onboarded above (their plans and acme's referral come
     * with onboarding): acme linked to bank-demo, bank-demo's share of what it referred at 15 %, and
     * insurer-demo holding acme's consent on the J1 case. Every step is idempotent: a link or rate set
     * again changes nothing; the consent is looked for before it is granted.
     */
    void partners() throws Exception {
        send("acme-admin", "POST", "/api/v1/cases/partner-links", json("{\"partnerTenantId\":\"bank-demo\"}"), "application/json", null,
                201, 200);
        send("platform-admin", "PUT", "/api/v1/monitor/admin/partners/bank-demo/share", json("{\"shareRate\":0.15}"), "application/json",
                null, 200);
        String j1 = findCase("acme-admin", "DEMO-J1-LIANLIAN");
        String consents = send("acme-admin", "GET", "/api/v1/evidence/cases/" + j1 + "/consents", null, null, null, 200);
        if (!consents.contains("\"insurerTenantId\":\"insurer-demo\"")) {
            send("acme-admin", "POST", "/api/v1/evidence/cases/" + j1 + "/consents", json("{\"insurerTenantId\":\"insurer-demo\"}"),
                    "application/json", "demo-seed-j1-consent", 201, 200);
        }
        say("Partners: acme linked bank-demo, which referred it, at a 15 % share; insurer-demo follows acme's J1 case " + j1
                + " with consent");
    }

    /** J2 running: globex's account takeover just detected, its 15/20/30-minute clocks running. */
    void takeoverWithRunningClocks() throws Exception {
        String journey = "J2 account takeover (globex)";
        String ref = "DEMO-J2-TAKEOVER";
        String id = openOnce(journey, "globex-admin", ref, "{\"holder\":{\"type\":\"INDIVIDUAL\",\"displayName\":\"Li Wei\",\"accountReference\":\""
                + ref + "\"},\"platform\":\"Taobao\",\"noticeText\":\"My account was hacked: someone logged in from an unknown device, "
                + "changed the password and placed orders I did not make (非本人操作).\"}");
        if (id != null) {
            say(journey + ": case " + id + " with its 15/20/30-minute clocks running");
        }
    }

    /** J3: a partner bank's compliance hold — restricted to compliance officers, its evidence under legal hold. */
    void complianceHold() throws Exception {
        String journey = "J3 compliance hold (bank-demo)";
        String ref = "DEMO-J3-HOLD";
        // Restricted: only compliance officers see it, so they look for it.
        String id = openOnce(journey, "compliance", "bank-demo", "demo-bank", ref, "{\"holder\":{\"type\":\"ENTERPRISE\",\"displayName\":\"Northwind Shipping Ltd.\","
                + "\"accountReference\":\"" + ref + "\"},\"platform\":\"Demo Bank\",\"noticeText\":\"Sanctions screening hit (OFAC SDN list): "
                + "account temporarily unavailable per notice from the competent authority; total freeze, report to compliance.\"}");
        if (id != null) {
            say(journey + ": case " + id + " (restricted: compliance officers only; legal hold placed automatically)");
        }
    }

    /** J5: a judicial freeze handed to legal. */
    void judicialFreezeEscalatedToLegal() throws Exception {
        String journey = "J5 judicial freeze (acme)";
        String ref = "DEMO-J5-COURT";
        String id = openOnce(journey, "acme-admin", ref, "{\"holder\":{\"type\":\"ENTERPRISE\",\"displayName\":\"Acme Cross-Border Trading Ltd.\","
                + "\"accountReference\":\"" + ref + "\"},\"platform\":\"Alipay\",\"noticeText\":\"根据上海市浦东新区人民法院（2025）沪0115执保1234号"
                + "民事裁定书，对您名下账户予以司法冻结。\"}");
        if (id == null) {
            return;
        }
        for (String to : List.of("GATHERING_EVIDENCE", "SUBMITTED", "UNDER_REVIEW")) {
            transition("acme-admin", id, to, "judicial freeze: evidence chain assembled", "");
        }
        transition("supervisor", id, "ESCALATED_LEGAL", "the court's preservation order: legal deals with the authority", "");
        say(journey + ": case " + id + " escalated to legal");
    }

    /**
     * J4: demo-bank's customer, three loan applications from a new device 1,200 km from her last
     * login: identity-monitor raises one high-severity alert, which opens an IDENTITY_MISUSE case.
     */
    void identityMisuse() throws Exception {
        String phone = "+8613900000004";
        String found = send("demo-bank", "POST", "/api/v1/monitor/subjects/lookup", json("{\"type\":\"PHONE\",\"value\":\"" + phone + "\"}"),
                "application/json", null, 200);
        if (found.contains("\"id\"")) {
            say("J4 identity misuse (bank-demo): already seeded, subject " + field(found, "id"));
            return;
        }
        String subject = field(send("demo-bank", "POST", "/api/v1/monitor/subjects", json("{\"type\":\"PERSON\",\"identifiers\":["
                + "{\"type\":\"PHONE\",\"value\":\"" + phone + "\"},{\"type\":\"NAME_LATIN\",\"value\":\"Zhou Xiaomei\"}]}"),
                "application/json", "demo-seed-j4-subject", 201, 200), "id");
        java.time.Instant now = java.time.Instant.now();
        String shanghai = "{\"lat\":31.2304,\"lon\":121.4737}";
        String xian = "{\"lat\":34.3416,\"lon\":108.9398}";
        signal("demo-j4-login-1", "LOGIN", now.minus(Duration.ofDays(3)), phone, "iphone-zhou", shanghai);
        signal("demo-j4-login-2", "LOGIN", now.minus(Duration.ofMinutes(32)), phone, "iphone-zhou", shanghai);
        for (int i = 0; i < 3; i++) {
            signal("demo-j4-loan-" + i, "CREDIT_APPLICATION", now.minus(Duration.ofMinutes(12 - 5L * i)), phone, "android-unknown-7731", xian);
        }
        say("J4 identity misuse (bank-demo): subject " + subject + " with three loan applications from a new device in Xi'an "
                + "(alert and IDENTITY_MISUSE case follow)");
    }

    private void signal(String id, String type, java.time.Instant at, String phone, String device, String location) throws Exception {
        send("demo-bank", "POST", "/api/v1/monitor/signals", json("{\"signalId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
                + at + "\",\"identifiers\":[{\"type\":\"PHONE\",\"value\":\"" + phone + "\"}],\"device\":\"" + device
                + "\",\"location\":" + location + ",\"institution\":\"Demo Bank\"}"), "application/json", null, 202, 200);
    }

    // ---- HTTP --------------------------------------------------------------------------------

    private String findCase(String who, String accountReference) throws Exception {
        return findCase(who, accountReference, null);
    }

    /** The id of the case with this demo account reference, if it exists ({@code tenant}: for staff reading across tenants). */
    private String findCase(String who, String accountReference, String tenant) throws Exception {
        String tenantQuery = tenant == null ? "" : "&tenantId=" + tenant;
        String cursor = null;
        do {
            String body = send(who, "GET", "/api/v1/cases?limit=100" + tenantQuery + (cursor == null ? "" : "&cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null, null, null, 200);
            int at = body.indexOf("\"accountReference\":\"" + accountReference + "\"");
            if (at >= 0) {
                int start = body.lastIndexOf("{\"id\":\"", at);
                return start < 0 ? "(found)" : field(body.substring(start), "id");
            }
            Matcher next = Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(body);
            cursor = next.find() ? next.group(1) : null;
        } while (cursor != null);
        return null;
    }

    /** evidence-service learns a new case from case-service's event, a moment after it opens. */
    private void awaitEvidenceKnows(String who, String caseId) throws Exception {
        for (int attempt = 0; attempt < 60; attempt++) {
            if (request(who, "GET", "/api/v1/evidence/cases/" + caseId + "/items", null, null, null).statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("evidence-service did not learn case " + caseId + " within 30 s");
    }

    /** Opens a journey's case, or, when an earlier run opened it, says so and answers null. */
    private String openOnce(String journey, String who, String ref, String intake) throws Exception {
        return openOnce(journey, who, null, who, ref, intake);
    }

    /** As above, the case looked for by {@code finder} (in {@code tenant}, for staff) and opened by {@code opener}. */
    private String openOnce(String journey, String finder, String tenant, String opener, String ref, String intake) throws Exception {
        String existing = findCase(finder, ref, tenant);
        if (existing != null) {
            say(journey + ": already seeded, case " + existing);
            return null;
        }
        return openCase(opener, ref, intake);
    }

    private String openCase(String who, String key, String intake) throws Exception {
        return field(send(who, "POST", "/api/v1/cases", json(intake), "application/json", "demo-seed-" + key, 201, 200), "id");
    }

    private void transition(String who, String caseId, String to, String reason, String more) throws Exception {
        // No version is sent, so a 409 version_conflict means an event (evidence received, a clock) changed
        // the case at the same moment inside case-service: the move is simply made again.
        for (int attempt = 1; ; attempt++) {
            try {
                send(who, "POST", "/api/v1/cases/" + caseId + "/transitions", json("{\"to\":\"" + to + "\",\"reason\":\"" + reason + "\"" + more + "}"),
                        "application/json", null, 200);
                return;
            } catch (IllegalStateException conflict) {
                if (attempt >= 5 || !conflict.getMessage().contains("version_conflict")) {
                    throw conflict;
                }
                Thread.sleep(300L * attempt);
            }
        }
    }

    private String send(String who, String method, String path, byte[] body, String contentType, String idempotencyKey, int... expected)
            throws Exception {
        return exchange(who, method, path, body, contentType, idempotencyKey, expected).body();
    }

    private HttpResponse<String> exchange(String who, String method, String path, byte[] body, String contentType, String idempotencyKey,
            int... expected) throws Exception {
        HttpResponse<String> response = request(who, method, path, body, contentType, idempotencyKey);
        // A keyed request that timed out or is still running is retried with its key until it settles (ADR 54):
        // the retry gets the first run's answer, never a second case.
        for (int attempt = 0; idempotencyKey != null && attempt < 60 && inFlight(response); attempt++) {
            Thread.sleep(1_000L * Math.max(1, Math.min(5, Integer.parseInt(response.headers().firstValue("Retry-After").orElse("1")))));
            response = request(who, method, path, body, contentType, idempotencyKey);
        }
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new IllegalStateException(method + " " + path + " as " + who + " answered " + response.statusCode() + ": " + response.body());
    }

    private static boolean inFlight(HttpResponse<String> response) {
        int status = response.statusCode();
        return status == 502 || status == 503 || status == 504
                || status == 409 && response.body().contains("idempotency_key_in_progress");
    }

    private HttpResponse<String> request(String who, String method, String path, byte[] body, String contentType, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + token(who))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String token(String who) throws Exception {
        String cached = tokens.get(who);
        if (cached != null) {
            return cached;
        }
        String form = who.startsWith("demo-")
                ? "grant_type=client_credentials&client_id=" + who + "&client_secret=" + who + "-secret"
                : "grant_type=password&client_id=thaw-test&username=" + who + "&password=thaw-demo";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/thaw/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + who + ": " + response.body());
        }
        String token = field(response.body(), "access_token");
        tokens.put(who, token);
        return token;
    }

    // ---- small helpers -----------------------------------------------------------------------

    private void say(String line) {
        report.add(line);
        System.out.println(line);
    }

    private static byte[] json(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The first string value of {@code name} in a JSON document (enough for ids and tokens). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }

    /**
     * A small real PNG (the review queue shows it as an image): a page-like picture whose lines are
     * laid out by the seed, so distinct seeds give distinct content. Drawn without fonts (a headless
     * machine may have none).
     */
    private static byte[] png(long seed) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(240, 320, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 240, 320);
        g.setColor(new java.awt.Color(30 + random.nextInt(80), 60 + random.nextInt(80), 120 + random.nextInt(100)));
        g.fillRect(0, 0, 240, 36);
        g.setColor(java.awt.Color.DARK_GRAY);
        for (int y = 56; y < 300; y += 18) {
            g.fillRect(16, y, 60 + random.nextInt(150), 6);
        }
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

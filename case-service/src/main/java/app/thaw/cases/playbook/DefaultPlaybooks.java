package app.thaw.cases.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.thaw.cases.incident.Scenario;
import org.yaml.snakeyaml.Yaml;

/**
 * Thaw's shipped playbooks (thaw/cases/playbooks.yaml): version 1 of each scenario's playbook, the
 * shared communication scripts, and the fixed notice for restricted cases. Read once at startup.
 */
public final class DefaultPlaybooks {

    public static final String LOCATION = "thaw/cases/playbooks.yaml";

    /** Whom a scenario's case contacts about the freeze (playbooks.yaml, {@code contactRules}). */
    public enum ContactRule {
        /** The freezing platform's support and review teams. */
        PLATFORM,
        /** The court or police that ordered the freeze: the platform cannot lift it. */
        AUTHORITY,
        /** Nobody outside: legal and compliance own every contact. */
        COMPLIANCE
    }

    private final Map<Scenario, Playbook> playbooks;
    private final Map<String, Map<String, String>> scripts;
    private final Map<String, String> restrictedNotice;
    private final Map<Scenario, ContactRule> contactRules;

    private DefaultPlaybooks(
            Map<Scenario, Playbook> playbooks,
            Map<String, Map<String, String>> scripts,
            Map<String, String> restrictedNotice,
            Map<Scenario, ContactRule> contactRules) {
        this.playbooks = playbooks;
        this.scripts = scripts;
        this.restrictedNotice = restrictedNotice;
        this.contactRules = contactRules;
    }

    @SuppressWarnings("unchecked")
    public static DefaultPlaybooks load() {
        Map<String, Object> yaml;
        try (InputStream in = DefaultPlaybooks.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("No default playbooks at " + LOCATION);
            }
            yaml = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, Object>> common = (List<Map<String, Object>>) yaml.get("common");
        Map<String, Map<String, String>> scripts = (Map<String, Map<String, String>>) yaml.get("scripts");
        Map<String, List<Map<String, Object>>> perScenario =
                (Map<String, List<Map<String, Object>>>) yaml.get("playbooks");
        Map<String, String> rules = (Map<String, String>) yaml.get("contactRules");
        Map<Scenario, ContactRule> contactRules = new EnumMap<>(Scenario.class);
        Map<Scenario, Playbook> playbooks = new EnumMap<>(Scenario.class);
        for (Scenario scenario : Scenario.values()) {
            ContactRule rule = ContactRule.valueOf(rules.get(scenario.name()));
            contactRules.put(scenario, rule);
            List<Map<String, Object>> raw = new ArrayList<>();
            if (scenario != Scenario.IDENTITY_MISUSE) {
                raw.addAll(common);
            }
            raw.addAll(perScenario.getOrDefault(scenario.name(), List.of()));
            // A step about reaching someone the scenario's rule does not name is not this scenario's step.
            raw.removeIf(
                    step -> step.containsKey("contacts") && ContactRule.valueOf((String) step.get("contacts")) != rule);
            List<Playbook.Step> steps = new ArrayList<>();
            for (Map<String, Object> step : raw) {
                steps.add(new Playbook.Step(
                        steps.size() + 1,
                        (Map<String, String>) step.get("title"),
                        (String) step.get("owner"),
                        (String) step.getOrDefault("clock", "TASK_DUE"),
                        ((Number) step.getOrDefault("due", 60)).intValue(),
                        Boolean.TRUE.equals(step.get("fromDetection")),
                        Boolean.TRUE.equals(step.get("urgent")),
                        (Map<String, String>) step.getOrDefault("special", Map.of())));
            }
            playbooks.put(
                    scenario,
                    new Playbook(
                            Playbook.idOf(Playbook.DEFAULT_OWNER, scenario, 1),
                            Playbook.DEFAULT_OWNER,
                            scenario,
                            1,
                            steps,
                            scripts,
                            null,
                            null));
        }
        return new DefaultPlaybooks(
                playbooks, scripts, (Map<String, String>) yaml.get("restrictedNotice"), contactRules);
    }

    public Playbook of(Scenario scenario) {
        return playbooks.get(scenario);
    }

    public Map<String, Map<String, String>> scripts() {
        return scripts;
    }

    public ContactRule contactRule(Scenario scenario) {
        return contactRules.get(scenario);
    }

    public Map<String, String> restrictedNotice() {
        return restrictedNotice;
    }
}

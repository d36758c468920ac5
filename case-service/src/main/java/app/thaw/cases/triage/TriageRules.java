package app.thaw.cases.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * Triage's phrase lists as data (thaw/cases/triage-rules.yaml): for every scenario, scope and
 * materials grade, the phrases that point to it and their weights.
 *
 * @param scenarios  phrases per scenario code
 * @param scopes     phrases per scope code
 * @param grades     phrases per materials grade
 * @param saturation the total weight at which confidence stops growing with the score alone
 */
public record TriageRules(
        Map<String, List<Phrase>> scenarios,
        Map<String, List<Phrase>> scopes,
        Map<String, List<Phrase>> grades,
        double saturation,
        double minimumScopeWeight) {

    public static final String DEFAULT_LOCATION = "thaw/cases/triage-rules.yaml";

    /** One phrase; ASCII phrases match only from a word boundary, Chinese ones anywhere. */
    public record Phrase(String text, double weight, Pattern pattern) {

        static Phrase of(String text, double weight) {
            String lower = text.toLowerCase(Locale.ROOT);
            boolean ascii = lower.chars().allMatch(c -> c < 128);
            Pattern pattern = Pattern.compile((ascii ? "(?<![a-z0-9])" : "") + Pattern.quote(lower));
            return new Phrase(text, weight, pattern);
        }

        boolean foundIn(String lowerText) {
            return pattern.matcher(lowerText).find();
        }
    }

    /** Reads the rules from the classpath: blocking I/O, at startup. */
    public static TriageRules load(String location) {
        try (InputStream in = TriageRules.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("No triage rules at " + location);
            }
            return parse(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TriageRules defaults() {
        return load(DEFAULT_LOCATION);
    }

    @SuppressWarnings("unchecked")
    static TriageRules parse(Map<String, Object> yaml) {
        return new TriageRules(
                groups((Map<String, Object>) yaml.get("scenarios")),
                groups((Map<String, Object>) yaml.get("scopes")),
                groups((Map<String, Object>) yaml.get("grades")),
                ((Number) yaml.getOrDefault("saturation", 6)).doubleValue(),
                ((Number) yaml.getOrDefault("minimumScopeWeight", 3)).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Phrase>> groups(Map<String, Object> yaml) {
        Map<String, List<Phrase>> groups = new LinkedHashMap<>();
        yaml.forEach((code, phrases) -> {
            List<Phrase> list = new ArrayList<>();
            ((Map<Object, Object>) phrases)
                    .forEach((text, weight) ->
                            list.add(Phrase.of(String.valueOf(text), ((Number) weight).doubleValue())));
            groups.put(code, List.copyOf(list));
        });
        return Map.copyOf(groups);
    }
}

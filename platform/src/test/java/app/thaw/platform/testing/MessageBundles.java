package app.thaw.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that a dashboard says everything in both of its languages (issue 23: "no English left on a
 * zh-CN page"): the English bundle ({@code <basename>.properties}) and the Chinese one
 * ({@code <basename>_zh_CN.properties}) have the same keys with the same arguments; every key a
 * template names is in them (or in the platform's {@code thaw/messages}); every key a template builds
 * from a prefix and a value is there for each value; and a page rendered in Chinese shows no missing
 * key ({@code ??key_zh_CN??}) and no run of English words.
 *
 * <p>What it cannot know: whether a Chinese sentence says what the English one says, and text that is
 * data (a notice, a name, a reason someone typed), which stays in the language it was written in.
 */
public final class MessageBundles {

    /** The platform's own bundle (layout, roles, times), which every service's pages also use. */
    public static final String PLATFORM = "thaw/messages";

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
    private static final Pattern LITERAL_MSG = Pattern.compile("#messages\\.msg\\w*\\('([A-Za-z0-9_.]+)'\\s*[,)]");
    /** Three or more English words in a row: what a bundle key or a generated sentence would have said. */
    /** Tags that end a line of text: cells, items, blocks, controls. */
    private static final String BLOCK =
            "(?i)</?(?:td|th|tr|li|p|div|h\\d|dt|dd|option|button|section|table|ul|ol|nav|header"
                    + "|footer|main|form|label|select|textarea|br|caption|summary|details|pre|title|article|fieldset|legend)\\b[^>]*>";

    private static final Pattern ENGLISH_RUN = Pattern.compile("\\b[A-Za-z][a-z]+(?:[ ,']+[a-z]+){2,}\\b");

    private MessageBundles() {}

    /**
     * A service's dashboard bundle ({@code messages}) and templates ({@code src/main/resources/templates},
     * read from the module's folder, where its tests run): {@link #assertComplete} and
     * {@link #assertTemplateKeysExist} against it and the platform's bundle.
     */
    public static void assertServiceDashboard() {
        assertComplete("messages");
        assertTemplateKeysExist(Path.of("src/main/resources/templates"), "messages", PLATFORM);
    }

    /** The English bundle at {@code basename} on the class path. */
    public static Properties english(String basename) {
        return load(basename + ".properties");
    }

    /** The Chinese bundle at {@code basename} on the class path. */
    public static Properties chinese(String basename) {
        return load(basename + "_zh_CN.properties");
    }

    /**
     * Every key in one language is in the other, neither value is blank, and both use the same
     * arguments ({@code {0}}, {@code {1}}…): a Chinese message that drops an argument drops a fact.
     */
    public static void assertComplete(String basename) {
        Properties en = english(basename);
        Properties zh = chinese(basename);
        assertThat(en).as(basename + ".properties").isNotEmpty();
        assertThat(zh.stringPropertyNames())
                .as("keys of " + basename + "_zh_CN.properties against " + basename + ".properties")
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String english = en.getProperty(key);
            String chinese = zh.getProperty(key);
            if (english.isBlank() || chinese.isBlank()) {
                problems.add(key + ": blank");
            } else if (!arguments(english).equals(arguments(chinese))) {
                problems.add(key + ": arguments " + arguments(english) + " in English, " + arguments(chinese)
                        + " in Chinese");
            }
        }
        assertThat(problems).as("messages of " + basename).isEmpty();
    }

    /**
     * Every key the templates under {@code templates} name literally ({@code #{key}}, {@code #{key(…)}},
     * {@code #messages.msg('key')}) is in one of {@code basenames}, in both languages.
     */
    public static void assertTemplateKeysExist(Path templates, String... basenames) {
        Set<String> en = new TreeSet<>();
        Set<String> zh = new TreeSet<>();
        for (String basename : basenames) {
            en.addAll(english(basename).stringPropertyNames());
            zh.addAll(chinese(basename).stringPropertyNames());
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates(templates)) {
            // Comments (examples of use) name keys of other bundles.
            String text = read(template).replaceAll("(?s)<!--.*?-->", " ");
            for (Pattern pattern : List.of(LITERAL_KEY, LITERAL_MSG)) {
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    String key = matcher.group(1);
                    if (!en.contains(key) || !zh.contains(key)) {
                        missing.add(templates.relativize(template) + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).as("message keys the templates name").isEmpty();
    }

    /** {@code prefix + value} is a key of {@code basename} in both languages, for every value. */
    public static void assertKeysFor(String basename, String prefix, Collection<?> values) {
        Properties en = english(basename);
        Properties zh = chinese(basename);
        List<String> missing = new ArrayList<>();
        for (Object value : values) {
            String key = prefix + (value instanceof Enum<?> constant ? constant.name() : String.valueOf(value));
            if (!en.containsKey(key) || !zh.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys " + prefix + "* of " + basename).isEmpty();
    }

    /**
     * A page rendered in Chinese: no key the bundles lack ({@code ??key_zh_CN??}) and, in its visible
     * text and the text it gives screen readers ({@code aria-label}, {@code title}, {@code alt},
     * {@code placeholder}), no run of three or more English words, except in {@code allowed} (data
     * the test put there, such as a typed reason).
     */
    public static void assertChinese(String html, String... allowed) {
        assertThat(html).as("a Chinese page").contains("lang=\"zh-CN\"").doesNotContain("_zh_CN??");
        String text = visibleText(html);
        for (String data : allowed) {
            text = text.replace(data, " ");
        }
        List<String> english = new ArrayList<>();
        Matcher matcher = ENGLISH_RUN.matcher(text);
        while (matcher.find()) {
            english.add(matcher.group());
        }
        assertThat(english).as("English words on a Chinese page").isEmpty();
    }

    /** The text a reader sees or hears: text between tags and the words in a few attributes; no scripts or styles. */
    static String visibleText(String html) {
        String body = html.replaceAll("(?is)<(script|style)\\b.*?</\\1>", " ").replaceAll("(?s)<!--.*?-->", " ");
        // Each attribute, cell, item or block is read on its own (" | " ends a run of words); inline tags join.
        StringBuilder text = new StringBuilder();
        Matcher attributes = Pattern.compile("(?i)\\s(?:aria-label|title|alt|placeholder)=\"([^\"]*)\"")
                .matcher(body);
        while (attributes.find()) {
            text.append(" | ").append(attributes.group(1));
        }
        text.append(" | ").append(body.replaceAll(BLOCK, " | ").replaceAll("(?s)<[^>]*>", " "));
        return text.toString()
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'");
    }

    private static Set<String> arguments(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<Path> templates(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".html"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

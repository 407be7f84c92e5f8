package jp.mynahealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text is in both languages, and every key a template uses exists. */
class MessagesTest {

    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)");

    @Test
    void japaneseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("ja").stringPropertyNames()).isEqualTo(load("en").stringPropertyNames());
    }

    /** やさしい日本語 rewrites some texts (the kiosk's) and falls back to Japanese for the rest: it may add nothing of its own. */
    @Test
    void easyJapaneseOnlyRewritesExistingTextsAndNoneIsEmpty() throws IOException {
        Properties easy = load("ja_JP_EASY");
        assertThat(easy.stringPropertyNames()).isNotEmpty();
        assertThat(load("ja").stringPropertyNames()).containsAll(easy.stringPropertyNames());
        assertThat(easy.stringPropertyNames()).allSatisfy(key ->
                assertThat(easy.getProperty(key)).as("easy: " + key).isNotBlank());
    }

    @Test
    void noTranslationIsEmpty() throws IOException {
        for (String language : Set.of("ja", "en")) {
            Properties messages = load(language);
            assertThat(messages.stringPropertyNames()).allSatisfy(key ->
                    assertThat(messages.getProperty(key)).as(language + ": " + key).isNotBlank());
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = KEY_IN_TEMPLATE.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(load("ja").stringPropertyNames()).containsAll(used);
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                MessagesTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

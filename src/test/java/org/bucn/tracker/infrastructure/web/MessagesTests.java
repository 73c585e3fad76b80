package org.bucn.tracker.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bucn.tracker.shared.InterfaceLanguage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Every interface language has every text: each bundle holds exactly the keys of the English one,
 * each value is a pattern ICU (or, for dates, java.time) reads; and no template shows text of its
 * own. Both checks fail on a planted gap.
 */
class MessagesTests {

  static final Path RESOURCES = Path.of("src/main/resources");
  static final Path TEMPLATES = RESOURCES.resolve("templates");

  /**
   * A word to translate: lower-case letters; a name such as JSON or CSV is the same in every
   * language.
   */
  private static final Pattern WORD = Pattern.compile("\\p{Ll}{2,}");

  private static final Set<String> SPOKEN_ATTRIBUTES =
      Set.of("placeholder", "title", "aria-label", "alt", "data-confirm", "data-label", "value");

  @Test
  void everyLanguageHasEveryTextAndEachReads() throws IOException {
    Map<String, Properties> bundles = bundles();
    assertThat(bundles.keySet())
        .as("a bundle for each interface language")
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(InterfaceLanguage.values()).map(MessagesTests::bundleName).toList());
    assertThat(gaps(bundles)).isEmpty();
  }

  @Test
  void aMissingTextIsFound() throws IOException {
    Map<String, Properties> bundles = bundles();
    bundles.get("messages_uk.properties").remove("nav.tasks");
    bundles.get("messages_sq.properties").setProperty("login.sso", "Hyr me {0");
    assertThat(gaps(bundles))
        .containsExactlyInAnyOrder(
            "messages_uk.properties lacks nav.tasks",
            "messages_sq.properties: login.sso does not read: Hyr me {0");
  }

  /**
   * Every refusal the code gives ({@code "refusal.…"}, {@code new NotFoundException("appeal", …)})
   * is a sentence of the bundles; a code built from a prefix has at least one sentence under it.
   */
  @Test
  void everyRefusalTheCodeGivesIsInTheBundles() throws IOException {
    Properties english = bundles().get("messages.properties");
    List<String> missing = new ArrayList<>();
    Pattern code = Pattern.compile("\"(refusal\\.[A-Za-z0-9.]+)\"");
    Pattern notFound = Pattern.compile("new NotFoundException\\(\\s*\"([A-Za-z]+)\"");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
        String java = Files.readString(source);
        var codes = code.matcher(java);
        while (codes.find()) {
          String said = codes.group(1);
          boolean known =
              said.endsWith(".")
                  ? english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(said))
                  : english.containsKey(said);
          if (!known) {
            missing.add(source.getFileName() + ": " + said);
          }
        }
        var things = notFound.matcher(java);
        while (things.find()) {
          if (!english.containsKey("refusal.notFound." + things.group(1))) {
            missing.add(source.getFileName() + ": refusal.notFound." + things.group(1));
          }
        }
      }
    }
    assertThat(missing).as("refusals the bundles do not say").isEmpty();
  }

  @Test
  void noTemplateShowsTextOfItsOwn() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> templates = Files.walk(TEMPLATES)) {
      for (Path template : templates.filter(t -> t.toString().endsWith(".html")).toList()) {
        found.addAll(
            ownText(TEMPLATES.relativize(template).toString(), Files.readString(template)));
      }
    }
    assertThat(found).as("text outside the message bundles").isEmpty();
  }

  @Test
  void theLintFindsTextOutsideTheBundles() {
    String template =
        """
        <section><h1 th:text="#{login.heading}">Log in</h1><p>Wrong password</p>
        <input placeholder="Search…"><button th:text="#{login.submit}">Log in</button></section>
        """;
    assertThat(ownText("planted.html", template))
        .containsExactly(
            "planted.html: <p> \"Wrong password\"",
            "planted.html: <input placeholder> \"Search…\"");
  }

  static List<String> ownText(String name, String html) {
    Document page = Jsoup.parse(html);
    List<String> found = new ArrayList<>();
    for (Element element : page.getAllElements()) {
      if (fromTheBundles(element)) {
        continue;
      }
      for (TextNode text : element.textNodes()) {
        if (WORD.matcher(text.text()).find()) {
          found.add(name + ": <" + element.tagName() + "> \"" + text.text().strip() + "\"");
        }
      }
      for (String attribute : SPOKEN_ATTRIBUTES) {
        String value = element.attr(attribute);
        if (element.hasAttr(attribute)
            && !element.hasAttr("th:" + attribute)
            && !element.tagName().equals("option")
            && !(attribute.equals("value") && !element.tagName().equals("button"))
            && WORD.matcher(value).find()) {
          found.add(name + ": <" + element.tagName() + " " + attribute + "> \"" + value + "\"");
        }
      }
    }
    return found;
  }

  /** Its text is replaced when the page is drawn: what it holds is a prototype's. */
  private static boolean fromTheBundles(Element element) {
    for (Element e = element; e != null; e = e.parent()) {
      if (Stream.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove")
          .anyMatch(e::hasAttr)) {
        return true;
      }
    }
    return element.tagName().equals("code") || element.tagName().equals("script");
  }

  static List<String> gaps(Map<String, Properties> bundles) {
    Set<String> keys = new TreeSet<>(bundles.get("messages.properties").stringPropertyNames());
    List<String> gaps = new ArrayList<>();
    bundles.forEach(
        (name, bundle) -> {
          for (String key : keys) {
            if (!bundle.containsKey(key)) {
              gaps.add(name + " lacks " + key);
            }
          }
          for (String key : bundle.stringPropertyNames()) {
            if (!keys.contains(key)) {
              gaps.add(name + " has " + key + ", which English lacks");
            } else if (!reads(key, bundle.getProperty(key))) {
              gaps.add(name + ": " + key + " does not read: " + bundle.getProperty(key));
            }
          }
        });
    return gaps;
  }

  private static boolean reads(String key, String value) {
    try {
      if (key.startsWith("format.")) {
        DateTimeFormatter.ofPattern(value);
      } else {
        new MessageFormat(value, ULocale.ENGLISH);
      }
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String bundleName(InterfaceLanguage language) {
    return language == InterfaceLanguage.EN
        ? "messages.properties"
        : "messages_" + language.tag().replace('-', '_') + ".properties";
  }

  static Map<String, Properties> bundles() throws IOException {
    Map<String, Properties> bundles = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(RESOURCES)) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().matches("messages.*\\.properties"))
              .toList()) {
        Properties bundle = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          bundle.load(reader);
        }
        bundles.put(file.getFileName().toString(), bundle);
      }
    }
    return bundles;
  }
}

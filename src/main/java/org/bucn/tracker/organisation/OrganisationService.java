package org.bucn.tracker.organisation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.tika.Tika;
import org.bucn.tracker.shared.InvalidFieldException;
import org.bucn.tracker.shared.TooLargeException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** The organisation's settings: one row, and its signatories. */
@Service
public class OrganisationService {

  /** The largest logo kept. */
  static final int LOGO_MAX = 512 * 1024;

  /** SVG elements a logo may use: shapes, text, gradients; nothing that runs, embeds or fetches. */
  private static final Set<String> SVG_ELEMENTS =
      Set.of(
          "svg",
          "g",
          "path",
          "rect",
          "circle",
          "ellipse",
          "line",
          "polyline",
          "polygon",
          "text",
          "tspan",
          "defs",
          "lineargradient",
          "radialgradient",
          "stop",
          "title",
          "desc",
          "clippath",
          "use",
          "symbol");

  private static final Pattern UNSAFE_VALUE =
      Pattern.compile("(?i)(javascript:|data:(?!image/png)|url\\(\\s*['\"]?(?!#)|expression\\()");

  /** A logo as stored: its bytes and type. */
  public record Logo(byte[] bytes, String contentType) {}

  private final JdbcClient jdbc;
  private final Tika tika = new Tika();

  OrganisationService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Organisation get() {
    Map<String, Signatory> signatories = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT language, name, title, organisation_name FROM organisation_signatory ORDER BY language")
        .query(
            rs -> {
              signatories.put(
                  rs.getString("language"),
                  new Signatory(
                      rs.getString("name"),
                      rs.getString("title"),
                      rs.getString("organisation_name")));
            });
    return jdbc.sql(
            "SELECT name, postal_address, email, website, logo IS NOT NULL AS has_logo FROM organisation WHERE id = 1")
        .query(
            (rs, n) ->
                new Organisation(
                    rs.getString("name"),
                    rs.getString("postal_address"),
                    rs.getString("email"),
                    rs.getString("website"),
                    rs.getBoolean("has_logo"),
                    Map.copyOf(signatories)))
        .single();
  }

  @Transactional
  public Organisation save(OrganisationRequest request, String by) {
    jdbc.sql(
            "UPDATE organisation SET name = ?, postal_address = ?, email = ?, website = ?, updated_by = ?, updated_at = now() WHERE id = 1")
        .params(request.name(), request.postalAddress(), request.email(), request.website(), by)
        .update();
    jdbc.sql("DELETE FROM organisation_signatory").update();
    request
        .signatories()
        .forEach(
            (language, s) ->
                jdbc.sql(
                        "INSERT INTO organisation_signatory (language, name, title, organisation_name) VALUES (?, ?, ?, ?)")
                    .params(language, s.name(), s.title(), s.organisation())
                    .update());
    return get();
  }

  /** Seeds the signatories when there are none yet (demo data); true when it did. */
  @Transactional
  public boolean signatoriesIfNone(Map<String, Signatory> signatories) {
    if (!get().signatories().isEmpty()) {
      return false;
    }
    signatories.forEach(
        (language, s) ->
            jdbc.sql(
                    "INSERT INTO organisation_signatory (language, name, title, organisation_name) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(language, s.name(), s.title(), s.organisation())
                .update());
    return true;
  }

  @Transactional(readOnly = true)
  public Optional<Logo> logo() {
    return jdbc.sql("SELECT logo, logo_type FROM organisation WHERE id = 1 AND logo IS NOT NULL")
        .query((rs, n) -> new Logo(rs.getBytes("logo"), rs.getString("logo_type")))
        .optional();
  }

  /**
   * A PNG, or an SVG with nothing active or external in it; anything else is refused naming {@code
   * logo}.
   */
  @Transactional
  public void saveLogo(byte[] bytes, String by) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidFieldException("logo", "refusal.logo.empty");
    }
    if (bytes.length > LOGO_MAX) {
      throw new TooLargeException("refusal.logo.tooLarge", LOGO_MAX);
    }
    String type = tika.detect(bytes);
    if (!type.equals("image/png") && !type.equals("image/svg+xml")) {
      throw new InvalidFieldException("logo", "refusal.logo.type", type);
    }
    if (type.equals("image/svg+xml")) {
      checkSvg(bytes);
    }
    jdbc.sql(
            "UPDATE organisation SET logo = ?, logo_type = ?, updated_by = ?, updated_at = now() WHERE id = 1")
        .params(bytes, type, by)
        .update();
  }

  @Transactional
  public void removeLogo(String by) {
    jdbc.sql(
            "UPDATE organisation SET logo = NULL, logo_type = NULL, updated_by = ?, updated_at = now() WHERE id = 1")
        .param(by)
        .update();
  }

  /**
   * Parses the SVG without DTDs or external entities and accepts only drawing elements and
   * attributes that fetch nothing.
   */
  static void checkSvg(byte[] bytes) {
    Document svg;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(true);
      svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      throw new InvalidFieldException("logo", "refusal.logo.malformed", e.getMessage());
    }
    NodeList all = svg.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
      if (!SVG_ELEMENTS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        throw new InvalidFieldException("logo", "refusal.logo.element", "<" + name + ">");
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int a = 0; a < attributes.getLength(); a++) {
        String attribute =
            attributes.item(a).getLocalName() == null
                ? attributes.item(a).getNodeName()
                : attributes.item(a).getLocalName();
        String value = attributes.item(a).getNodeValue();
        if (attribute.toLowerCase(java.util.Locale.ROOT).startsWith("on")) {
          throw new InvalidFieldException("logo", "refusal.logo.eventHandler", attribute);
        }
        if (attribute.equals("href") && !value.startsWith("#")) {
          throw new InvalidFieldException("logo", "refusal.logo.outsideLink", value);
        }
        if (UNSAFE_VALUE.matcher(value).find()) {
          throw new InvalidFieldException("logo", "refusal.logo.fetches", attribute);
        }
      }
    }
    if (new String(bytes, StandardCharsets.UTF_8)
        .toLowerCase(java.util.Locale.ROOT)
        .contains("<!entity")) {
      throw new InvalidFieldException("logo", "refusal.logo.entities");
    }
  }
}

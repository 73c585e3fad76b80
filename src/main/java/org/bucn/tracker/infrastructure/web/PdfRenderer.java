package org.bucn.tracker.infrastructure.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders a Thymeleaf template written as well-formed XHTML into a PDF, with embedded DejaVu fonts
 * so that every Balkan script (Cyrillic, Greek, Latin diacritics) prints.
 *
 * <p>The fonts are read from the class path once and parsed once per set: a render borrows a parsed
 * set, whose tables (character maps, glyph metrics) it fills as it needs them, and hands it back,
 * so one letter after another does not parse five fonts again (a fifth of a submission's time
 * before). A set is used by one render at a time; a few idle sets are kept.
 */
@Component
public class PdfRenderer implements org.springframework.beans.factory.InitializingBean {

  private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

  /** One face of the letter's fonts. */
  private record Face(String file, String family, int weight, FontStyle style) {}

  private static final List<Face> FACES =
      List.of(
          new Face("DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL),
          new Face("DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL),
          new Face("DejaVuSerif.ttf", "DejaVu Serif", 400, FontStyle.NORMAL),
          new Face("DejaVuSerif-Bold.ttf", "DejaVu Serif", 700, FontStyle.NORMAL),
          new Face("DejaVuSerif-Italic.ttf", "DejaVu Serif", 400, FontStyle.ITALIC));

  /** Parsed sets kept between renders; more renders at once parse a set of their own. */
  private static final int IDLE_SETS = 4;

  private final TemplateEngine templates;
  private final ApplicationContext application;
  private final List<byte[]> fontFiles;
  private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  private final Queue<List<TrueTypeFont>> idle = new ConcurrentLinkedQueue<>();

  /**
   * The XML factories every render makes (the letter's XHTML, its PDF/A metadata) are the JDK's
   * own: no other provider is on the class path ({@code PdfRendererTests}). Named here, the JDK
   * takes them without searching the whole class path for one on every render, as it does when none
   * is named (a twentieth of a submission's time).
   */
  static final Map<String, String> JDK_XML_FACTORIES =
      Map.of(
          "javax.xml.parsers.DocumentBuilderFactory",
          "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl",
          "javax.xml.parsers.SAXParserFactory",
          "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl",
          "javax.xml.transform.TransformerFactory",
          "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");

  PdfRenderer(TemplateEngine templates, ApplicationContext application) {
    JDK_XML_FACTORIES.forEach(System.getProperties()::putIfAbsent);
    com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfLibraryLog());
    this.templates = templates;
    this.application = application;
    this.fontFiles = FACES.stream().map(face -> fontFile(face.file())).toList();
  }

  public byte[] render(String template, Map<String, Object> variables) {
    return render(template, variables, false);
  }

  /**
   * As {@link #render}, as PDF/A-3b for archiving (a letter that goes to a head of state): every
   * font embedded, an sRGB output intent, XMP metadata.
   */
  public byte[] renderArchival(String template, Map<String, Object> variables) {
    return render(template, variables, true);
  }

  private byte[] render(String template, Map<String, Object> variables, boolean archival) {
    Context context = new Context();
    context.setVariables(variables);
    // Lets the template call beans such as @fmt, as it does when rendered as a page.
    context.setVariable(
        ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new ThymeleafEvaluationContext(application, null));
    return pdf(templates.process(template, context), archival);
  }

  /**
   * Readies the renderer while the rest of the tracker starts, on a thread of its own: the PDF
   * libraries loaded and a set of fonts parsed, so that the first letter of a start (the demo's, on
   * a first start) does not wait for them.
   */
  @Override
  public void afterPropertiesSet() {
    Thread warmUp =
        new Thread(
            () -> {
              try {
                pdf(WARM_UP, true);
              } catch (RuntimeException e) {
                log.info(
                    "Letters were not readied in advance ({}); the first one will be",
                    e.toString());
              }
            },
            "letter-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  private static final String WARM_UP =
      """
      <html><head><style>body { font-family: 'DejaVu Serif'; } p.s { font-family: 'DejaVu Sans'; }</style></head>
      <body><p>Апел <b>Έκκληση</b> <i>Apel</i></p><p class="s">Апел <b>Apel</b></p></body></html>
      """;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfRenderer.class);

  private byte[] pdf(String xhtml, boolean archival) {
    List<TrueTypeFont> fonts = borrowFonts();
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePDDocument(document);
      for (int i = 0; i < FACES.size(); i++) {
        Face face = FACES.get(i);
        builder.useFont(
            new EmbeddedFace(document, fonts.get(i)),
            face.family(),
            face.weight(),
            face.style(),
            true);
      }
      builder.useSVGDrawer(new BatikSVGDrawer());
      if (archival) {
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
        builder.useColorProfile(srgb);
      }
      builder.withHtmlContent(xhtml, "/");
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (idle.size() < IDLE_SETS) {
        idle.add(fonts);
      }
    }
  }

  private List<TrueTypeFont> borrowFonts() {
    List<TrueTypeFont> kept = idle.poll();
    if (kept != null) {
      return kept;
    }
    try {
      List<TrueTypeFont> parsed = new ArrayList<>();
      for (byte[] file : fontFiles) {
        parsed.add(new TTFParser().parse(new RandomAccessReadBuffer(file)));
      }
      return parsed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] fontFile(String file) {
    try (InputStream in = PdfRenderer.class.getResourceAsStream(FONTS + file)) {
      if (in == null) {
        throw new IllegalStateException("Font missing from the class path: " + FONTS + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A face embedded into one document, as a subset of the glyphs it prints, only if the letter uses
   * it.
   */
  private static final class EmbeddedFace extends PDFontSupplier {
    private final PDDocument document;
    private final TrueTypeFont font;
    private PDFont embedded;

    EmbeddedFace(PDDocument document, TrueTypeFont font) {
      super(null);
      this.document = document;
      this.font = font;
    }

    @Override
    public PDFont supply() {
      if (embedded == null) {
        try {
          embedded = PDType0Font.load(document, font, true);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return embedded;
    }
  }
}

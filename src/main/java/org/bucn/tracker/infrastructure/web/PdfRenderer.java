package org.bucn.tracker.infrastructure.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders a Thymeleaf template written as well-formed XHTML into a PDF, with embedded DejaVu fonts
 * so that every Balkan script (Cyrillic, Greek, Latin diacritics) prints.
 */
@Component
public class PdfRenderer {

  private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

  private final TemplateEngine templates;
  private final ApplicationContext application;

  PdfRenderer(TemplateEngine templates, ApplicationContext application) {
    this.templates = templates;
    this.application = application;
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
    String xhtml = templates.process(template, context);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(
          () -> getClass().getResourceAsStream(FONTS + "DejaVuSans.ttf"),
          "DejaVu Sans",
          400,
          PdfRendererBuilder.FontStyle.NORMAL,
          true);
      builder.useFont(
          () -> getClass().getResourceAsStream(FONTS + "DejaVuSans-Bold.ttf"),
          "DejaVu Sans",
          700,
          PdfRendererBuilder.FontStyle.NORMAL,
          true);
      builder.useFont(
          () -> getClass().getResourceAsStream(FONTS + "DejaVuSerif.ttf"),
          "DejaVu Serif",
          400,
          PdfRendererBuilder.FontStyle.NORMAL,
          true);
      builder.useFont(
          () -> getClass().getResourceAsStream(FONTS + "DejaVuSerif-Bold.ttf"),
          "DejaVu Serif",
          700,
          PdfRendererBuilder.FontStyle.NORMAL,
          true);
      builder.useFont(
          () -> getClass().getResourceAsStream(FONTS + "DejaVuSerif-Italic.ttf"),
          "DejaVu Serif",
          400,
          PdfRendererBuilder.FontStyle.ITALIC,
          true);
      builder.useSVGDrawer(new BatikSVGDrawer());
      if (archival) {
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
        builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
      }
      builder.withHtmlContent(xhtml, "/");
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

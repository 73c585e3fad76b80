package org.bucn.tracker.infrastructure.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** Turns a well-formed XHTML page into a PDF with embedded DejaVu fonts (every Balkan script). */
@Component
public class PdfRenderer {

  private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

  public byte[] render(String xhtml, String baseUri) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(() -> getClass().getResourceAsStream(FONTS + "DejaVuSans.ttf"), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(() -> getClass().getResourceAsStream(FONTS + "DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(() -> getClass().getResourceAsStream(FONTS + "DejaVuSerif.ttf"), "DejaVu Serif", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.withHtmlContent(xhtml, baseUri);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.bucn.tracker.appeal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An appeal's letter as an answer: the PDF for the page and the API alike, saying in the {@code
 * Letter-Status} header whether these are the bytes that went ({@code sent}) or the draft as it
 * would be printed today ({@code not yet sent}); and its pages drawn as one image.
 */
final class LetterDownloads {

  static final String STATUS_HEADER = "Letter-Status";
  private static final float DPI = 80;

  private LetterDownloads() {}

  static ResponseEntity<byte[]> pdf(AppealDeliveries.LetterFile letter) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.noStore())
        .header(STATUS_HEADER, letter.sent() ? "sent" : "not yet sent")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(letter.fileName()).build().toString())
        .body(letter.bytes());
  }

  static ResponseEntity<byte[]> png(AppealDeliveries.LetterFile letter) {
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.noStore())
        .header(STATUS_HEADER, letter.sent() ? "sent" : "not yet sent")
        .body(pages(letter.bytes()));
  }

  /** Every page one under the other, with a grey gap between them, as one PNG. */
  static byte[] pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      List<BufferedImage> pages = new ArrayList<>();
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        pages.add(renderer.renderImageWithDPI(i, DPI, ImageType.RGB));
      }
      int gap = 12;
      int width = pages.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
      int height =
          pages.stream().mapToInt(BufferedImage::getHeight).sum()
              + gap * Math.max(0, pages.size() - 1);
      BufferedImage sheet =
          new BufferedImage(width, Math.max(height, 1), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = sheet.createGraphics();
      g.setColor(new java.awt.Color(0xdd, 0xdd, 0xdd));
      g.fillRect(0, 0, width, Math.max(height, 1));
      int y = 0;
      for (BufferedImage page : pages) {
        g.drawImage(page, 0, y, null);
        y += page.getHeight() + gap;
      }
      g.dispose();
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(sheet, "png", png);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.bucn.tracker.infrastructure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Letters rendered at the same moment by several people each print exactly their own text in every
 * face, with only the faces they use embedded: the parsed fonts a render borrows are never shared
 * by two renders at once.
 */
@TrackerTest
class PdfRendererTests {

  private static final List<String> LINES =
      List.of(
          "Позивамо Вас да не признате лажне „изборе“ — Serbian",
          "Σας καλούμε να μην αναγνωρίσετε τις εικονικές «εκλογές» — Greek",
          "Закликаємо не визнавати фіктивні «вибори» — Ukrainian",
          "Pozivamo Vas da ne priznate lažne „izbore“ — čćžšđ",
          "Ju bëjmë thirrje të mos i njihni «zgjedhjet» e rreme — Albanian",
          "Ве повикуваме да не ги признаете лажните „избори“ — Macedonian");

  @Autowired PdfRenderer renderer;

  @Test
  void lettersRenderedAtOnceEachCarryTheirOwnTextInEveryFace() throws Exception {
    ExecutorService people = Executors.newFixedThreadPool(LINES.size());
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<byte[]>> pdfs = new ArrayList<>();
        for (String line : LINES) {
          pdfs.add(
              people.submit(() -> renderer.renderArchival("test/pdf-faces", Map.of("line", line))));
        }
        for (int i = 0; i < LINES.size(); i++) {
          try (PDDocument document = Loader.loadPDF(pdfs.get(i).get())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
                .as("round %d, letter %d", round, i)
                .containsExactly(
                    LINES.get(i), LINES.get(i), LINES.get(i), LINES.get(i), LINES.get(i));
            assertThat(fontsOf(document))
                .as("the faces used, each embedded")
                .containsExactlyInAnyOrder(
                    "DejaVuSans",
                    "DejaVuSans-Bold",
                    "DejaVuSerif",
                    "DejaVuSerif-Bold",
                    "DejaVuSerif-Italic");
          }
        }
      }
    } finally {
      people.shutdownNow();
    }
  }

  @Test
  void facesALetterDoesNotPrintAreNotEmbedded() throws Exception {
    byte[] pdf = renderer.render("test/pdf-faces", Map.of("line", ""));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(fontsOf(document)).isEmpty();
    }
  }

  @Test
  void theXmlFactoriesNamedForTheRendererAreTheOnlyOnesThereAre() throws Exception {
    for (var factory : PdfRenderer.JDK_XML_FACTORIES.entrySet()) {
      Class<?> type = Class.forName(factory.getKey());
      assertThat(java.util.ServiceLoader.load(type).stream().toList())
          .as("providers of %s on the class path", type.getName())
          .isEmpty();
      Object made = type.getMethod("newDefaultInstance").invoke(null);
      assertThat(made.getClass().getName()).isEqualTo(factory.getValue());
    }
  }

  /** The embedded fonts' names, without the subset's tag. */
  private static Set<String> fontsOf(PDDocument document) throws Exception {
    Set<String> names = new HashSet<>();
    for (var page : document.getPages()) {
      PDResources resources = page.getResources();
      for (COSName name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        names.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
      }
    }
    return names;
  }

  /**
   * A letter leaves nothing in the log: the PDF library wrote six lines of its own per letter to
   * the console, past the log's format, and PDFBox warned once per letter about a font no letter
   * uses.
   */
  @Test
  @org.junit.jupiter.api.extension.ExtendWith(
      org.springframework.boot.test.system.OutputCaptureExtension.class)
  void aLetterLeavesNothingInTheLog(org.springframework.boot.test.system.CapturedOutput output) {
    int before = output.length();
    renderer.renderArchival("test/pdf-faces", Map.of("line", LINES.get(0)));
    assertThat(output.toString().substring(before))
        .doesNotContain("openhtmltopdf")
        .doesNotContain("ZapfDingbats");
    // What the library does warn of is in the tracker's log, in its format, under its logger.
    com.openhtmltopdf.util.XRLog.getLoggerImpl()
        .log("com.openhtmltopdf.load", java.util.logging.Level.WARNING, "a font went missing");
    assertThat(output.toString().substring(before))
        .containsPattern("WARN --- \\[.*\\] com\\.openhtmltopdf\\.load +: a font went missing");
  }
}

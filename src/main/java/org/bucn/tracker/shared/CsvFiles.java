package org.bucn.tracker.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The one way an import reads a spreadsheet someone saved as CSV: a header line, then rows; a
 * byte-order mark dropped; commas, or semicolons where the header has only those (as Excel writes
 * CSV where decimals take a comma); cells trimmed, empty lines skipped. A file that cannot be read,
 * or has no rows, is refused on {@code file} naming the columns it may have.
 */
public final class CsvFiles {

  private CsvFiles() {}

  public static List<CSVRecord> rows(String csv, List<String> columns) {
    String text = csv == null ? "" : csv.replace("\uFEFF", "");
    String header = text.lines().findFirst().orElse("");
    char separator = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    List<CSVRecord> rows;
    try {
      rows =
          CSVFormat.DEFAULT
              .builder()
              .setDelimiter(separator)
              .setHeader()
              .setSkipHeaderRecord(true)
              .setTrim(true)
              .setIgnoreEmptyLines(true)
              .get()
              .parse(new StringReader(text))
              .getRecords();
    } catch (IOException | IllegalArgumentException | UncheckedIOException unreadable) {
      throw new InvalidFieldException("file", "refusal.csv.unreadable", unreadable.getMessage());
    }
    if (rows.isEmpty()) {
      throw new InvalidFieldException("file", "refusal.csv.noRows", String.join(",", columns));
    }
    return rows;
  }
}

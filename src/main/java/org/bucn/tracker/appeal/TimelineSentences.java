package org.bucn.tracker.appeal;

import java.time.LocalDate;
import java.util.Locale;
import org.bucn.tracker.infrastructure.web.Formats;
import org.bucn.tracker.infrastructure.web.LanguageChoices;
import org.bucn.tracker.shared.Sentence;
import org.bucn.tracker.shared.Texts;
import org.bucn.tracker.user.People;
import org.springframework.stereotype.Component;

/**
 * Timeline lines as sentences in the reader's language ({@code
 * ${@timelineSentences.sentence(line)}}): the one who did it is the sentence's first argument, then
 * the line's own, each read as what it is (a task as its name, a code as its label, a date the
 * reader's way). Lines written before sentences were kept read as they were written.
 */
@Component
public class TimelineSentences {

  private final Texts texts;
  private final Formats formats;
  private final LanguageChoices languages;
  private final People people;

  TimelineSentences(Texts texts, Formats formats, LanguageChoices languages, People people) {
    this.texts = texts;
    this.formats = formats;
    this.languages = languages;
    this.people = people;
  }

  /** The line in the reader's language. */
  public String sentence(TimelineEntry line) {
    if (line.code() == null) {
      return people.sentence(line.actor(), line.detail());
    }
    return in(Texts.reader(), line.actor(), new Sentence(line.code(), line.args()));
  }

  /** The sentence as a reader of {@code language} reads it, said by {@code actor}. */
  String in(Locale language, String actor, Sentence sentence) {
    Object[] args = new Object[sentence.args().size() + 1];
    args[0] = people.name(actor);
    for (int i = 0; i < sentence.args().size(); i++) {
      args[i + 1] = read(sentence.args().get(i), language);
    }
    String said = texts.in(language, "timeline." + sentence.code(), args);
    return said.isEmpty() ? said : Character.toUpperCase(said.charAt(0)) + said.substring(1);
  }

  private Object read(Sentence.Arg arg, Locale language) {
    String value = arg.value();
    return switch (arg.kind()) {
      case "number" -> Long.parseLong(value);
      case "task" -> texts.task(value, language);
      case "label" -> texts.label(value, language);
      case "date" -> formats.date(LocalDate.parse(value), language);
      case "language" -> languages.name(value, language);
      case "person" -> people.name(value);
      case "note" -> value.isBlank() ? "" : ": " + value;
      case "also" -> value.isBlank() ? "" : ", " + value;
      case "clause" ->
          value.isBlank()
              ? ""
              : texts.in(
                  language,
                  "timeline." + value.substring(0, value.indexOf('|')),
                  texts.label(value.substring(value.indexOf('|') + 1), language));
      default -> value;
    };
  }
}

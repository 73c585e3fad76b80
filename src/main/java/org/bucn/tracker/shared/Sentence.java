package org.bucn.tracker.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Something said about a record, kept so each reader reads it in their own language: the code of a
 * sentence in the message bundles ({@code timeline.claimed}) and its arguments, each with what it
 * is, so that a task reads as its name, a code as its label, a date in the reader's way.
 */
public record Sentence(String code, List<Arg> args) {

  public Sentence {
    args = List.copyOf(args);
  }

  /** One argument: {@code kind} is text, number, task, label, date, language or person. */
  public record Arg(String kind, String value) {}

  public static Sentence of(String code, Arg... args) {
    return new Sentence(code, List.of(args));
  }

  /** Words as typed by a person or a mail server, shown as they are. */
  public static Arg text(Object words) {
    return new Arg("text", words == null ? "" : words.toString());
  }

  /** A count, so that the sentence can say "1 follow-up" and "3 follow-ups". */
  public static Arg number(long value) {
    return new Arg("number", Long.toString(value));
  }

  /** A task by its key: "draftAppeal" reads "Draft the appeal". */
  public static Arg task(String taskKey) {
    return new Arg("task", taskKey);
  }

  /** A code read as its label: EMAIL reads "email", CONDEMNED "condemned". */
  public static Arg label(Enum<?> code) {
    return new Arg("label", code.name());
  }

  public static Arg date(LocalDate day) {
    return new Arg("date", day.toString());
  }

  /** A language tag read as the language's name: sl reads "Slovenian". */
  public static Arg language(String tag) {
    return new Arg("language", tag);
  }

  /** Words a person added, said after the sentence as ": the words", or nothing when blank. */
  public static Arg note(String words) {
    return new Arg("note", words == null ? "" : words.strip());
  }

  /** Words said after a comma, ", the words", or nothing when blank. */
  public static Arg also(String words) {
    return new Arg("also", words == null ? "" : words.strip());
  }

  /**
   * Another sentence of the bundles about a code, said inside this one ({@code
   * timeline.closedSanction} of ALIGNED: ", sanctions aligned"), or nothing when the code is null.
   */
  public static Arg clause(String code, Enum<?> about) {
    return new Arg("clause", about == null ? "" : code + "|" + about.name());
  }

  /** A user read as their name. */
  public static Arg person(String username) {
    return new Arg("person", username);
  }

  /** The sentence with one more argument at the end. */
  public Sentence and(Arg arg) {
    List<Arg> more = new ArrayList<>(args);
    more.add(arg);
    return new Sentence(code, more);
  }
}

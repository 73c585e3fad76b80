package org.bucn.tracker.shared;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Input that fails a rule: 400, naming the field (a JSON path such as {@code targetIds[2]}) and
 * saying what is wrong in the reader's language ({@code refusal.*} of the bundles).
 */
public class InvalidFieldException extends Refusal {

  private final String field;

  public InvalidFieldException(String field, String code, Object... args) {
    super(code, args);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** A JSON value of the wrong type or an unknown enum constant, named by its path. */
  public static InvalidFieldException of(JsonMappingException e) {
    String field = path(e);
    field = field.isEmpty() ? "body" : field;
    if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
      Class<?> type = format.getTargetType();
      if (type.isEnum()) {
        return new InvalidFieldException(field, "refusal.oneOf", codes(type.getEnumConstants()));
      }
      if (type == String.class) {
        // The one text refused while reading.
        return new InvalidFieldException(field, "refusal.json.brokenText");
      }
      return new InvalidFieldException(field, "refusal.json.notA", typeName(type));
    }
    if (e instanceof UnrecognizedPropertyException) {
      return new InvalidFieldException(field, "refusal.json.unknownField");
    }
    return new InvalidFieldException(field, "refusal.json.unreadable");
  }

  private static String typeName(Class<?> type) {
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "date";
      case "OffsetDateTime", "Instant" -> "dateTime";
      case "Long", "long", "Integer", "int" -> "wholeNumber";
      case "Boolean", "boolean" -> "boolean";
      default -> "other";
    };
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}

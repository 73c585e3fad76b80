package org.bucn.tracker.shared;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;

/** Input that fails a rule: 400, naming the field (a JSON path such as {@code targetIds[2]}). */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** A JSON value of the wrong type or an unknown enum constant, named by its path. */
  public static InvalidFieldException of(JsonMappingException e) {
    String field = path(e);
    String message = "has an unreadable value";
    if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
      Class<?> type = format.getTargetType();
      message =
          type.isEnum()
              ? "must be one of " + Arrays.toString(type.getEnumConstants())
              : type == String.class
                  ? "must not contain the NUL character or a broken (unpaired) surrogate character" // the one text refused while reading
                  : "is not a valid " + typeName(type);
    } else if (e instanceof UnrecognizedPropertyException) {
      message = "is not a known field";
    }
    return new InvalidFieldException(field.isEmpty() ? "body" : field, message);
  }

  private static String typeName(Class<?> type) {
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "date (YYYY-MM-DD)";
      case "Long", "long", "Integer", "int" -> "whole number";
      default -> type.getSimpleName();
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

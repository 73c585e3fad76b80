package org.bucn.tracker.infrastructure.db;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no external database is configured ({@code spring.datasource.url} is unset or
 * blank).
 */
public class EmbeddedDatabaseCondition implements Condition {

  public static boolean embedded(org.springframework.core.env.Environment environment) {
    return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
  }

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return embedded(context.getEnvironment());
  }
}

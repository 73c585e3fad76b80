package org.bucn.tracker.infrastructure.web;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The interface's texts ({@code messages*.properties}, UTF-8), formatted by ICU's MessageFormat:
 * plurals as each language counts ({@code {count, plural, one {# task} few {# задачі} many {#
 * задач} other {# задачі}}}), and a lone apostrophe is just an apostrophe.
 */
class IcuMessageSource extends ResourceBundleMessageSource {

  IcuMessageSource() {
    setBasename("messages");
    setDefaultEncoding("UTF-8");
    setFallbackToSystemLocale(false);
  }

  @Override
  protected String getMessageInternal(String code, Object[] args, Locale locale) {
    if (code == null || locale == null || args == null || args.length == 0) {
      return super.getMessageInternal(code, args, locale);
    }
    String pattern = resolveCodeWithoutArguments(code, locale);
    if (pattern == null) {
      return super.getMessageInternal(code, args, locale);
    }
    return new MessageFormat(pattern, ULocale.forLocale(locale))
        .format(resolveArguments(args, locale));
  }
}

package org.bucn.tracker.infrastructure.web;

import jakarta.servlet.MultipartConfigElement;
import org.bucn.tracker.TrackerProperties;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * How large an upload may be: one file up to {@code TRACKER_EVIDENCE_MAX_SIZE}, the whole multipart
 * request that plus 1 MB for its other fields. Everything else keeps the 1 MB of {@link
 * RequestSizeLimitFilter}. Larger uploads are answered 413.
 */
@Configuration(proxyBeanMethods = false)
public class UploadLimits {

  private final DataSize maxFile;

  UploadLimits(TrackerProperties properties) {
    this.maxFile = properties.evidence().maxSize();
  }

  public DataSize maxFile() {
    return maxFile;
  }

  /** The most a multipart request may carry, in bytes. */
  long maxRequest() {
    return maxFile.toBytes() + RequestSizeLimitFilter.LIMIT;
  }

  @Bean
  MultipartConfigElement multipartConfig() {
    MultipartConfigFactory factory = new MultipartConfigFactory();
    factory.setMaxFileSize(maxFile);
    factory.setMaxRequestSize(DataSize.ofBytes(maxRequest()));
    factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
    return factory.createMultipartConfig();
  }
}

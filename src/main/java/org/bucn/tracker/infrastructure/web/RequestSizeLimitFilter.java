package org.bucn.tracker.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 1 MB with 413 on every path (the limit once applied to "/api/" as
 * written, and "/%61pi/" slipped past it), whether they announce their length or stream it chunked,
 * before anything reads them into memory. Form posts that the servlet container parses itself are
 * held to the same limit by {@code server.tomcat.max-http-form-post-size}. Multipart uploads
 * (evidence files) may be as large as {@link UploadLimits} says; the container holds their parts to
 * it as it parses them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

  static final long LIMIT = 1024 * 1024;

  private final ObjectMapper json;
  private final long uploadLimit;

  RequestSizeLimitFilter(ObjectMapper json, UploadLimits uploads) {
    this.json = json;
    this.uploadLimit = uploads.maxRequest();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean upload =
        request.getContentType() != null
            && request
                .getContentType()
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith("multipart/form-data");
    long limit = upload ? uploadLimit : LIMIT;
    if (request.getContentLengthLong() > limit) {
      Problems.write(
          request,
          response,
          json,
          HttpStatus.PAYLOAD_TOO_LARGE,
          new RequestTooLargeException(limit).getMessage());
      return;
    }
    chain.doFilter(upload ? request : new LimitedRequest(request), response);
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > LIMIT) {
            throw new RequestTooLargeException(LIMIT);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
          int n = in.read(buffer, off, len);
          if (n > 0 && (read += n) > LIMIT) {
            throw new RequestTooLargeException(LIMIT);
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}

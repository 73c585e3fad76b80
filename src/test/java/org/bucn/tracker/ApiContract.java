package org.bucn.tracker;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.mockmvc.MockMvcRequest;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Holds the API to its OpenAPI document: every request a test sends to {@code /api} through
 * MockMvc, and the answer it gets, is validated against {@code /v3/api-docs} (Atlassian's
 * swagger-request-validator), so a field the document does not describe, a wrong type or an
 * undocumented status fails the test that provoked it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ApiContract {

  private static final AtomicReference<OpenApiInteractionValidator> VALIDATOR =
      new AtomicReference<>();

  @Bean
  MockMvcBuilderCustomizer validatesApiTraffic(WebApplicationContext context) {
    return builder -> builder.alwaysExpect(result -> check(context, result));
  }

  /**
   * An accepted request (2xx) and its answer must both match the document; a refused one (the tests
   * send bad input on purpose) must get an answer the document lists, as a problem.
   */
  private static void check(WebApplicationContext context, MvcResult result) throws Exception {
    String path = result.getRequest().getRequestURI();
    String method = result.getRequest().getMethod();
    int status = result.getResponse().getStatus();
    if (!path.startsWith("/api/")
        || path.startsWith("/api/docs")
        || status >= 500
        || "HEAD".equals(method)
        || "OPTIONS".equals(method)) {
      return; // pages, Swagger UI, HEAD (held to GET's rules by the access matrix); a 5xx fails its
      // own test
    }
    Response response = MockMvcResponse.of(result.getResponse());
    // MockMvc hands multipart form fields over as request parameters, which the validator's adapter
    // would read as query parameters: multipart requests are held to their answers only.
    String type = result.getRequest().getContentType();
    boolean multipart = type != null && type.startsWith("multipart/");
    ValidationReport report =
        status < 300 && !multipart
            ? validator(context).validate(MockMvcRequest.of(result.getRequest()), response)
            : validator(context).validateResponse(path, Request.Method.valueOf(method), response);
    if (report.hasErrors()) {
      throw new AssertionError(
          method
              + " "
              + path
              + " "
              + status
              + " does not match /v3/api-docs:\n"
              + SimpleValidationReportFormat.getInstance().apply(report));
    }
  }

  public static OpenApiInteractionValidator validator(WebApplicationContext context)
      throws Exception {
    OpenApiInteractionValidator validator = VALIDATOR.get();
    if (validator == null) {
      String document =
          MockMvcBuilders.webAppContextSetup(context)
              .apply(springSecurity())
              .build()
              .perform(get("/v3/api-docs").with(user("admin").roles("ADMIN")))
              .andReturn()
              .getResponse()
              .getContentAsString();
      validator =
          OpenApiInteractionValidator.createForInlineApiSpecification(document)
              .withLevelResolver(
                  LevelResolver.create()
                      // Tests log in with MockMvc's user(…) as well as Basic and tokens: who may
                      // call is the
                      // access matrix's business, not the document's.
                      .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                      .build())
              .build();
      VALIDATOR.set(validator);
    }
    return validator;
  }
}

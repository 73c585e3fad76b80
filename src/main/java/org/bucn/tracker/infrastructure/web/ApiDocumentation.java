package org.bucn.tracker.infrastructure.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bucn.tracker.user.Role;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The OpenAPI document of {@code /api} ({@code /v3/api-docs}, Swagger UI at {@code /api/docs}).
 * springdoc reads the controllers; this adds what they do not say: which roles may call each
 * operation, asked of the security rules themselves so that the document cannot drift from them;
 * the problem responses every operation may give; and that any field may be null, as the API writes
 * absent values as {@code null}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  private static final String PROBLEM = "Problem";
  private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

  static {
    PROBLEMS.put(
        "400", "A field is missing or wrong: `errors` names each one; nothing was changed");
    PROBLEMS.put("401", "Not logged in, or the API token is unknown, expired or revoked");
    PROBLEMS.put("403", "Your role does not allow this");
    PROBLEMS.put("404", "No such item, or not one you may see");
    PROBLEMS.put("409", "Someone was quicker, or the item is not in a state that allows this");
    PROBLEMS.put("413", "The request body is too large");
    PROBLEMS.put("415", "The request body is not of a type this operation takes");
    PROBLEMS.put(
        "429",
        "Too many failed logins, or signatures from one address: wait as long as `Retry-After` says");
    PROBLEMS.put("503", "The database is unreachable: try again after `Retry-After`");
  }

  @Bean
  OpenAPI trackerApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Sanctions Campaign Tracker API")
                .version("1")
                .description(
                    "Appeals to the leaders of Balkan states, from drafting to the sanction outcome. Errors are "
                        + "`application/problem+json`; docs/api.md says what this document cannot (task fields, workflows)."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "token",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A personal API token, made on /profile"))
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("token"))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  /**
   * Operations grouped by the module that serves them ("task", "appeal", "campaign" …), not by
   * controller class.
   */
  @Bean
  org.springdoc.core.customizers.OperationCustomizer groupedByModule() {
    return (operation, handler) -> {
      String module =
          handler.getBeanType().getPackageName().replaceFirst("^org\\.bucn\\.tracker\\.", "");
      operation.setTags(List.of(module.replace("infrastructure.", "")));
      return operation;
    };
  }

  @Bean
  OpenApiCustomizer rolesProblemsAndNulls(WebInvocationPrivilegeEvaluator security) {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents()
          .addSchemas(
              PROBLEM,
              new ObjectSchema()
                  .addProperty("type", new StringSchema())
                  .addProperty("title", new StringSchema())
                  .addProperty("status", new IntegerSchema())
                  .addProperty("detail", new StringSchema())
                  .addProperty("instance", new StringSchema())
                  .addProperty(
                      "field", new StringSchema().description("the field a conflict is about"))
                  .addProperty(
                      "errors",
                      new ArraySchema()
                          .description(
                              "400: each wrong field, with `field` and `message`; "
                                  + "409 of a launch: each error of the letters' preview that stops it, with `targetId`, `code` and `message`")
                          .items(
                              new ObjectSchema()
                                  .addProperty("field", new StringSchema())
                                  .addProperty("message", new StringSchema())
                                  .addProperty("targetId", new IntegerSchema().format("int64"))
                                  .addProperty("country", new StringSchema())
                                  .addProperty("office", new StringSchema())
                                  .addProperty("code", new StringSchema())))
                  // RFC 9457 lets a problem carry more members (a 409 may say what was typed, a 429
                  // how long to wait).
                  .additionalProperties(true));
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) -> {
                            describeRoles(security, path, method, operation);
                            addProblems(path, method, operation);
                          }));
      if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
        api.getComponents()
            .getSchemas()
            .forEach(
                (name, schema) -> {
                  if (!PROBLEM.equals(name)) {
                    allowNulls(schema);
                  }
                });
      }
    };
  }

  private static void describeRoles(
      WebInvocationPrivilegeEvaluator security,
      String path,
      PathItem.HttpMethod method,
      Operation operation) {
    String uri = path.replaceAll("\\{[^}]+}", "1");
    List<String> allowed = new ArrayList<>();
    for (Role role : Role.values()) {
      var caller =
          UsernamePasswordAuthenticationToken.authenticated(
              "openapi-" + role.name().toLowerCase(),
              null,
              List.of(new SimpleGrantedAuthority(role.authority())));
      if (security.isAllowed("", uri, method.name(), caller)) {
        allowed.add(role.name());
      }
    }
    String roles =
        allowed.size() == Role.values().length
            ? "Roles: anyone logged in."
            : "Roles: " + String.join(", ", allowed) + ".";
    operation.setDescription(
        operation.getDescription() == null ? roles : roles + " " + operation.getDescription());
  }

  private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
    boolean hasBody = operation.getRequestBody() != null;
    boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    PROBLEMS.forEach(
        (status, meaning) -> {
          boolean applies =
              switch (status) {
                case "400" ->
                    hasBody
                        || (operation.getParameters() != null
                            && !operation.getParameters().isEmpty());
                case "404" -> path.contains("{");
                case "409" -> writes;
                case "413", "415" -> hasBody;
                default -> true;
              };
          if (applies && !responses.containsKey(status)) {
            responses.addApiResponse(
                status,
                new ApiResponse()
                    .description(meaning)
                    .content(
                        new Content()
                            .addMediaType(
                                "application/problem+json",
                                new MediaType()
                                    .schema(
                                        new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
          }
        });
    operation.setResponses(responses);
  }

  /**
   * Every property may be null: a reference becomes "that object, or null", as OpenAPI 3.0 has no
   * other way to say so.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void allowNulls(Schema<?> schema) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null) {
      return;
    }
    properties.replaceAll(
        (name, property) -> {
          if (property.get$ref() != null) {
            // OpenAPI 3.0 ignores "nullable" next to a reference: the value is the referenced
            // object or null.
            Schema<Object> onlyNull = new Schema<>();
            onlyNull.setNullable(true);
            onlyNull.setEnum(new ArrayList<>(java.util.Collections.singletonList(null)));
            return new ComposedSchema()
                .anyOf(List.of(new Schema<>().$ref(property.get$ref()), onlyNull));
          }
          property.setNullable(true);
          if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property
                .getEnum()
                .add(null); // OpenAPI 3.0: a nullable enum lists null among its values
          }
          if (property.getItems() != null && property.getItems().get$ref() == null) {
            property.getItems().setNullable(true);
          }
          return property;
        });
  }
}

package org.bucn.tracker.infrastructure.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bucn.tracker.TrackerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@TrackerTest
class SecurityTests {

  @Autowired MockMvc mvc;

  @ParameterizedTest
  @CsvSource({"coordinator,COORDINATOR", "advocate,ADVOCATE", "advocate2,ADVOCATE", "manager,MANAGER", "admin,ADMIN"})
  void meNamesEachDemoUsersRole(String username, String role) throws Exception {
    mvc.perform(get("/api/me").with(httpBasic(username, "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(username))
        .andExpect(jsonPath("$.roles[0]").value(role));
  }

  @Test
  void apiWithoutOrWithWrongCredentialsIs401ProblemNotARedirect() throws Exception {
    mvc.perform(get("/api/me"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("WWW-Authenticate", "Basic realm=\"tracker\""));
    mvc.perform(get("/api/me").with(httpBasic("coordinator", "wrong")))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/me").with(httpBasic("nobody", "demo"))).andExpect(status().isUnauthorized());
  }

  @Test
  void adminApiIsForAdminsOnly() throws Exception {
    mvc.perform(get("/api/admin/users").with(httpBasic("coordinator", "demo")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/admin/users").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.username == 'advocate2')].roles[0]").value("ADVOCATE"));
  }

  @Test
  void webPagesSendStrangersToTheLoginPage() throws Exception {
    mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Referrer-Policy", "same-origin"));
  }

  @Test
  void formLoginAndLogoutWork() throws Exception {
    mvc.perform(formLogin("/login").user("manager").password("demo"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/"))
        .andExpect(authenticated().withUsername("manager").withRoles("MANAGER"));
    mvc.perform(formLogin("/login").user("manager").password("nope"))
        .andExpect(redirectedUrl("/login?error"))
        .andExpect(unauthenticated());
    mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
  }

  @Test
  void webPostWithoutCsrfTokenIs403() throws Exception {
    mvc.perform(post("/logout").with(httpBasic("coordinator", "demo"))).andExpect(status().isForbidden());
    MockHttpSession session = login("coordinator");
    mvc.perform(post("/api/targets").session(session).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theWebSessionAlsoWorksForTheApi() throws Exception {
    MockHttpSession session = login("advocate");
    mvc.perform(get("/api/me").session(session)).andExpect(status().isOk()).andExpect(jsonPath("$.username").value("advocate"));
  }

  @Test
  void healthIsPublicOtherActuatorEndpointsAreForAdmins() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/metrics").with(httpBasic("coordinator", "demo"))).andExpect(status().isForbidden());
    mvc.perform(get("/actuator/metrics").with(httpBasic("admin", "demo"))).andExpect(status().isOk());
  }

  @Test
  void aRemovedRoleOrDisabledAccountTakesEffectOnTheNextRequest() throws Exception {
    mvc.perform(post("/api/admin/users").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content("""
                {"username":"temp.manager","password":"long-enough-1","email":"temp@example.org","roles":["MANAGER","ADMIN"]}
                """))
        .andExpect(status().isCreated());
    MockHttpSession session = login("temp.manager");
    mvc.perform(get("/actuator/metrics").session(session)).andExpect(status().isOk());

    mvc.perform(put("/api/admin/users/temp.manager").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content("{\"roles\":[\"MANAGER\"]}"))
        .andExpect(status().isOk());
    mvc.perform(get("/actuator/metrics").session(session)).andExpect(status().isForbidden());
    mvc.perform(get("/api/me").session(session)).andExpect(jsonPath("$.roles[0]").value("MANAGER"));

    mvc.perform(put("/api/admin/users/temp.manager").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content("{\"enabled\":false}"))
        .andExpect(status().isOk());
    mvc.perform(get("/").session(session)).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get("/api/me").with(httpBasic("temp.manager", "long-enough-1"))).andExpect(status().isUnauthorized());
  }

  @Test
  void adminUserInputIsValidatedByField() throws Exception {
    mvc.perform(post("/api/admin/users").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content("{\"username\":\"Bad Name\",\"password\":\"short\",\"roles\":[]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("password", "roles", "username")));
    mvc.perform(post("/api/admin/users").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content("{\"username\":\"x\",\"password\":\"long-enough-1\",\"roles\":[\"KING\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("roles[0]"));
  }

  private MockHttpSession login(String username) throws Exception {
    String password = username.startsWith("temp") ? "long-enough-1" : "demo";
    return (MockHttpSession)
        mvc.perform(formLogin("/login").user(username).password(password))
            .andExpect(authenticated())
            .andReturn().getRequest().getSession(false);
  }

  @Test
  void csrfTokenedWebPostIsAccepted() throws Exception {
    MockHttpSession session = login("coordinator");
    mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
  }
}

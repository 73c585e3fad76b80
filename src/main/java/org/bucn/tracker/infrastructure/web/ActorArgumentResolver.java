package org.bucn.tracker.infrastructure.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bucn.tracker.user.Actor;
import org.bucn.tracker.user.Role;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take the acting user as an {@link Actor} parameter, with the roles checked this
 * request.
 */
@Configuration(proxyBeanMethods = false)
class ActorArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Actor.class;
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    return current();
  }

  static Actor current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new AuthenticationCredentialsNotFoundException("Not logged in");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      for (Role role : Role.values()) {
        if (role.authority().equals(authority.getAuthority())) {
          roles.add(role);
        }
      }
    }
    return new Actor(authentication.getName(), Set.copyOf(roles));
  }
}

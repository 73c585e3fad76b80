package org.bucn.tracker.publication;

import java.util.concurrent.TimeUnit;
import org.bucn.tracker.shared.PageController;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.WebContentInterceptor;

/**
 * The public pages, for anyone, without a login or a session: the index of published campaigns and
 * each campaign as printable HTML and as JSON. Caches and browsers may keep them 5 minutes; an ETag
 * lets them ask again for nothing.
 */
@PageController
class PublicPageController implements WebMvcConfigurer {

  static final CacheControl PUBLIC = CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic();

  private final PublicCampaigns campaigns;
  private final org.bucn.tracker.opendata.FollowTheMoney ftm;
  private final org.bucn.tracker.cosigning.CoSignatures coSignatures;

  PublicPageController(
      PublicCampaigns campaigns,
      org.bucn.tracker.opendata.FollowTheMoney ftm,
      org.bucn.tracker.cosigning.CoSignatures coSignatures) {
    this.coSignatures = coSignatures;
    this.campaigns = campaigns;
    this.ftm = ftm;
  }

  @GetMapping("/public")
  String index(Model model) {
    model.addAttribute("campaigns", campaigns.index());
    return "publication/index";
  }

  @GetMapping("/public/campaigns/{id}")
  String campaign(@PathVariable long id, Model model) {
    model.addAttribute("campaign", campaigns.campaign(id));
    // Who co-signed its letters, as those who consented to be listed allow.
    model.addAttribute(
        "coSigners", coSignatures.signOn(id).map(s -> coSignatures.publicList(id)).orElse(null));
    return "publication/campaign";
  }

  @GetMapping(value = "/public/campaigns/{id}.json", produces = "application/json")
  @ResponseBody
  PublicCampaign json(@PathVariable long id) {
    return campaigns.campaign(id);
  }

  /**
   * The published campaign as FollowTheMoney entities, one per line: what a newsroom loads into
   * Aleph.
   */
  @GetMapping(value = "/public/campaigns/{id}.ftm.json", produces = "application/x-ndjson")
  @ResponseBody
  String followTheMoney(@PathVariable long id) {
    campaigns.campaign(id); // 404 unless published
    return ftm.ndjson(ftm.campaign(id));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    WebContentInterceptor cache = new WebContentInterceptor();
    cache.addCacheMapping(PUBLIC, "/public", "/public/**");
    registry.addInterceptor(cache).addPathPatterns("/public", "/public/**");
  }

  @Bean
  static FilterRegistrationBean<ShallowEtagHeaderFilter> publicPageEtags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    etags.addUrlPatterns("/public", "/public/*");
    return etags;
  }
}

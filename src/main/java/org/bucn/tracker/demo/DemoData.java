package org.bucn.tracker.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bucn.tracker.TrackerProperties;
import org.bucn.tracker.infrastructure.db.FirstStartDemo;
import org.bucn.tracker.organisation.OrganisationService;
import org.bucn.tracker.organisation.Signatory;
import org.bucn.tracker.target.Target;
import org.bucn.tracker.target.TargetService;
import org.bucn.tracker.user.Role;
import org.bucn.tracker.user.UserService;
import org.bucn.tracker.user.UserService.NewUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Seeds demo users, the target directory and the demo campaign once; safe on every start and on
 * several nodes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  static final String PASSWORD = "demo";

  private final DemoMode demoMode;
  private final FirstStartDemo firstStart;
  private final UserService users;
  private final TargetService targets;
  private final DemoCampaign campaign;
  private final DemoAlignment alignment;

  private final TrackerProperties properties;

  private final OrganisationService organisation;

  /**
   * Who signs the demo's letters: the demo coordinator, her title and the network's name in each
   * language of the directory.
   */
  private static final Map<String, Signatory> SIGNATORIES =
      Map.ofEntries(
          Map.entry("en", new Signatory("Dana Coordinator", "Coordinator")),
          Map.entry(
              "sq",
              new Signatory(
                  "Dana Coordinator",
                  "Koordinatore",
                  "Rrjeti i bashkëpunimit ballkaniko-ukrainas")),
          Map.entry(
              "bs",
              new Signatory(
                  "Dana Coordinator", "Koordinatorica", "Balkansko-ukrajinska mreža saradnje")),
          Map.entry(
              "hr",
              new Signatory(
                  "Dana Coordinator", "Koordinatorica", "Balkansko-ukrajinska mreža suradnje")),
          Map.entry(
              "sr-Latn",
              new Signatory(
                  "Dana Coordinator", "Koordinatorka", "Balkansko-ukrajinska mreža saradnje")),
          Map.entry(
              "sr-Cyrl",
              new Signatory(
                  "Dana Coordinator", "Координаторка", "Балканско-украјинска мрежа сарадње")),
          Map.entry(
              "cnr",
              new Signatory(
                  "Dana Coordinator", "Koordinatorka", "Balkansko-ukrajinska mreža saradnje")),
          Map.entry(
              "mk",
              new Signatory(
                  "Dana Coordinator", "Координаторка", "Балканско-украинска мрежа за соработка")),
          Map.entry(
              "bg",
              new Signatory(
                  "Dana Coordinator",
                  "Координатор",
                  "Балканско-украинска мрежа за сътрудничество")),
          Map.entry(
              "ro",
              new Signatory(
                  "Dana Coordinator", "Coordonatoare", "Rețeaua de cooperare balcano-ucraineană")),
          Map.entry(
              "el",
              new Signatory(
                  "Dana Coordinator", "Συντονίστρια", "Βαλκανο-ουκρανικό δίκτυο συνεργασίας")),
          Map.entry(
              "sl",
              new Signatory(
                  "Dana Coordinator",
                  "Koordinatorka",
                  "Balkansko-ukrajinska mreža za sodelovanje")));

  DemoData(
      DemoMode demoMode,
      UserService users,
      TargetService targets,
      DemoCampaign campaign,
      DemoAlignment alignment,
      TrackerProperties properties,
      OrganisationService organisation,
      FirstStartDemo firstStart) {
    this.firstStart = firstStart;
    this.alignment = alignment;
    this.organisation = organisation;
    this.demoMode = demoMode;
    this.properties = properties;
    this.users = users;
    this.targets = targets;
    this.campaign = campaign;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!demoMode.enabled()) {
      return;
    }
    List<String> ours = new java.util.ArrayList<>();
    int created = 0;
    created += user(ours, "coordinator", "Dana Coordinator", Role.COORDINATOR);
    created += user(ours, "advocate", "Ana Advocate", Role.ADVOCATE);
    created += user(ours, "advocate2", "Marko Advocate", Role.ADVOCATE);
    created += user(ours, "manager", "Mira Manager", Role.MANAGER);
    if (!StringUtils.hasText(properties.adminPassword())) {
      // Given TRACKER_ADMIN_PASSWORD, the admin is FirstAdmin's, with that password, never "demo".
      created += user(ours, "admin", "Administrator", Role.ADMIN);
    }
    int added =
        (int)
            DemoDirectory.TARGETS.stream()
                .filter(target -> targets.createIfAbsent(target, "demo"))
                .count();
    int forms = 0;
    for (Target target : targets.findAll()) {
      List<DemoForms.Form> demo = DemoForms.FORMS.get(target.countryCode() + "|" + target.office());
      if (demo != null && targets.forms(target.id()).isEmpty()) {
        for (DemoForms.Form form : demo) {
          targets.saveForm(target.id(), form.language(), form.form(), "demo");
          forms++;
        }
      }
    }
    organisation.signatoriesIfNone(SIGNATORIES);
    if (created + added + forms > 0) {
      log.info(
          "Demo mode: added {} demo users (password '{}'), {} targets and {} forms of address",
          created,
          PASSWORD,
          added,
          forms);
    }
    // The story is history, not news: the demo users get their mail addresses only once it is told.
    campaign.seedOnce();
    alignment.seedOnce();
    for (String username : ours) {
      users
          .find(username)
          .filter(user -> user.email() == null)
          .ifPresent(
              user ->
                  users.update(
                      username,
                      new UserService.UserChange(
                          username + "@example.org", null, null, null, null)));
    }
    firstStart.finish();
  }

  /**
   * A demo user, without a mail address until the demo campaign's story is told (nobody is told
   * about it).
   */
  private int user(List<String> ours, String username, String displayName, Role role) {
    ours.add(username);
    boolean created =
        users.createIfAbsent(new NewUser(username, PASSWORD, null, displayName, Set.of(role)));
    return created ? 1 : 0;
  }
}

package org.bucn.tracker.target;

/** The target form as the page posts it. */
public class TargetForm {

  private String countryCode = "";
  private String country = "";
  private String office = "";
  private String holderName = "";
  private Channel channel = Channel.EMAIL;
  private String contact = "";
  private String language = "";

  static TargetForm of(Target t) {
    TargetForm form = new TargetForm();
    form.countryCode = t.countryCode();
    form.country = t.country();
    form.office = t.office();
    form.holderName = t.holderName();
    form.channel = t.channel();
    form.contact = t.contact();
    form.language = t.language();
    return form;
  }

  TargetRequest toRequest() {
    return new TargetRequest(
        trim(countryCode) == null ? null : trim(countryCode).toUpperCase(java.util.Locale.ROOT),
        trim(country), trim(office), trim(holderName), channel, trim(contact),
        trim(language) == null ? null : trim(language).toLowerCase(java.util.Locale.ROOT));
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  public String getCountryCode() { return countryCode; }
  public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
  public String getCountry() { return country; }
  public void setCountry(String country) { this.country = country; }
  public String getOffice() { return office; }
  public void setOffice(String office) { this.office = office; }
  public String getHolderName() { return holderName; }
  public void setHolderName(String holderName) { this.holderName = holderName; }
  public Channel getChannel() { return channel; }
  public void setChannel(Channel channel) { this.channel = channel; }
  public String getContact() { return contact; }
  public void setContact(String contact) { this.contact = contact; }
  public String getLanguage() { return language; }
  public void setLanguage(String language) { this.language = language; }
}

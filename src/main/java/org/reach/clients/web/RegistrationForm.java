package org.reach.clients.web;


import org.reach.clients.ClientRegistration;
import org.reach.clients.DuplicateDecision;
import org.reach.clients.uic.UicComponents;

/**
 * The registration page's fields. The component fields are read once to compute the code and then
 * cleared: the page never writes them back into a response.
 */
public class RegistrationForm extends ClientFacts {

    private String code;
    private boolean computed;
    private String motherFirstName;
    private String fatherFirstName;
    private String ownFirstName;
    private String ownLastName;
    private Integer birthMonth;
    private Integer birthDay;
    private Integer birthOrder;
    private String decision;

    boolean hasComponents() {
        return notBlank(motherFirstName) || notBlank(fatherFirstName) || notBlank(ownFirstName) || notBlank(ownLastName)
                || birthMonth != null || birthDay != null || birthOrder != null;
    }

    UicComponents components() {
        return new UicComponents(motherFirstName, fatherFirstName, ownFirstName, ownLastName, gender, birthYear,
                birthMonth, birthDay, birthOrder);
    }

    void forgetComponents() {
        motherFirstName = null;
        fatherFirstName = null;
        ownFirstName = null;
        ownLastName = null;
        birthMonth = null;
        birthDay = null;
        birthOrder = null;
    }

    ClientRegistration registration() {
        DuplicateDecision chosen = null;
        Long sameAs = null;
        if ("DIFFERENT".equals(decision)) {
            chosen = DuplicateDecision.REJECTED_DIFFERENT;
        } else if (decision != null && decision.startsWith("SAME:")) {
            chosen = DuplicateDecision.CONFIRMED_SAME;
            try {
                sameAs = Long.valueOf(decision.substring(5));
            } catch (NumberFormatException ignored) {
                sameAs = null;
            }
        }
        return new ClientRegistration(null, code, gender, birthYear, keyPopulations, primaryDrug, secondaryDrug, route,
                enrolmentSiteId, enrolmentHotspot, peerEducatorId, firstContact, alias, chosen, sameAs);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "RegistrationForm[redacted]";
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public boolean isComputed() { return computed; }
    public void setComputed(boolean computed) { this.computed = computed; }
    public String getMotherFirstName() { return null; }
    public void setMotherFirstName(String value) { this.motherFirstName = value; }
    public String getFatherFirstName() { return null; }
    public void setFatherFirstName(String value) { this.fatherFirstName = value; }
    public String getOwnFirstName() { return null; }
    public void setOwnFirstName(String value) { this.ownFirstName = value; }
    public String getOwnLastName() { return null; }
    public void setOwnLastName(String value) { this.ownLastName = value; }
    public Integer getBirthMonth() { return null; }
    public void setBirthMonth(Integer value) { this.birthMonth = value; }
    public Integer getBirthDay() { return null; }
    public void setBirthDay(Integer value) { this.birthDay = value; }
    public Integer getBirthOrder() { return null; }
    public void setBirthOrder(Integer value) { this.birthOrder = value; }
    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
}

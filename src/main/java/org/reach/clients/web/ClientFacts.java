package org.reach.clients.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.springframework.format.annotation.DateTimeFormat;

/** The client's programme facts as the registration and edit pages bind them. */
public abstract class ClientFacts {

    protected Gender gender;
    protected Integer birthYear;
    protected Set<KeyPopulation> keyPopulations = new LinkedHashSet<>();
    protected Drug primaryDrug;
    protected Drug secondaryDrug;
    protected Route route;
    protected Long enrolmentSiteId;
    protected String enrolmentHotspot;
    protected Long peerEducatorId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    protected LocalDate firstContact;
    protected String alias;

    public Gender getGender() { return gender; }
    public void setGender(Gender gender) { this.gender = gender; }
    public Integer getBirthYear() { return birthYear; }
    public void setBirthYear(Integer birthYear) { this.birthYear = birthYear; }
    public Set<KeyPopulation> getKeyPopulations() { return keyPopulations; }
    public void setKeyPopulations(Set<KeyPopulation> keyPopulations) { this.keyPopulations = keyPopulations == null ? new LinkedHashSet<>() : keyPopulations; }
    public Drug getPrimaryDrug() { return primaryDrug; }
    public void setPrimaryDrug(Drug primaryDrug) { this.primaryDrug = primaryDrug; }
    public Drug getSecondaryDrug() { return secondaryDrug; }
    public void setSecondaryDrug(Drug secondaryDrug) { this.secondaryDrug = secondaryDrug; }
    public Route getRoute() { return route; }
    public void setRoute(Route route) { this.route = route; }
    public Long getEnrolmentSiteId() { return enrolmentSiteId; }
    public void setEnrolmentSiteId(Long enrolmentSiteId) { this.enrolmentSiteId = enrolmentSiteId; }
    public String getEnrolmentHotspot() { return enrolmentHotspot; }
    public void setEnrolmentHotspot(String enrolmentHotspot) { this.enrolmentHotspot = enrolmentHotspot; }
    public Long getPeerEducatorId() { return peerEducatorId; }
    public void setPeerEducatorId(Long peerEducatorId) { this.peerEducatorId = peerEducatorId; }
    public LocalDate getFirstContact() { return firstContact; }
    public void setFirstContact(LocalDate firstContact) { this.firstContact = firstContact; }
    public String getAlias() { return alias; }
    public void setAlias(String alias) { this.alias = alias; }
}

package org.reach.clients.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.reach.clients.CareStage;
import org.reach.clients.ClientProfile;
import org.reach.clients.ClientStatus;
import org.reach.clients.ClientUpdate;
import org.reach.clients.Drug;
import org.reach.clients.Gender;
import org.reach.clients.KeyPopulation;
import org.reach.clients.Route;
import org.reach.clients.StageChange;
import org.reach.clients.StatusChange;
import org.springframework.format.annotation.DateTimeFormat;

/** The edit, status and stage pages' fields. */
public class ClientForm {

    private Gender gender;
    private Integer birthYear;
    private Set<KeyPopulation> keyPopulations = new LinkedHashSet<>();
    private Drug primaryDrug;
    private Drug secondaryDrug;
    private Route route;
    private Long enrolmentSiteId;
    private String enrolmentHotspot;
    private Long peerEducatorId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate firstContact;
    private String alias;
    private ClientStatus status;
    private CareStage stage;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private String reason;
    private String note;

    static ClientForm of(ClientProfile profile) {
        ClientForm form = new ClientForm();
        var c = profile.client();
        form.gender = c.gender();
        form.birthYear = c.birthYear();
        form.keyPopulations = new LinkedHashSet<>(c.keyPopulations());
        form.primaryDrug = c.primaryDrug();
        form.secondaryDrug = c.secondaryDrug();
        form.route = c.route();
        form.enrolmentSiteId = c.enrolmentSiteId();
        form.enrolmentHotspot = c.enrolmentHotspot();
        form.peerEducatorId = c.peerEducatorId();
        form.firstContact = c.firstContact();
        form.alias = profile.alias();
        return form;
    }

    ClientUpdate update() {
        return new ClientUpdate(gender, birthYear, keyPopulations, primaryDrug, secondaryDrug, route, enrolmentSiteId,
                enrolmentHotspot, peerEducatorId, firstContact, alias);
    }

    StatusChange statusChange() {
        return new StatusChange(status, date, reason);
    }

    StageChange stageChange() {
        return new StageChange(stage, date, note);
    }

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
    public ClientStatus getStatus() { return status; }
    public void setStatus(ClientStatus status) { this.status = status; }
    public CareStage getStage() { return stage; }
    public void setStage(CareStage stage) { this.stage = stage; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}

package org.reach.clients.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;

import org.reach.clients.CareStage;
import org.reach.clients.ClientProfile;
import org.reach.clients.ClientStatus;
import org.reach.clients.ClientUpdate;
import org.reach.clients.StageChange;
import org.reach.clients.StatusChange;
import org.springframework.format.annotation.DateTimeFormat;

/** The edit, status and stage pages' fields. */
public class ClientForm extends ClientFacts {

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

package org.reach.safety.web;

import java.time.LocalDate;

import org.reach.safety.Death;
import org.reach.safety.DeathForm;
import org.springframework.format.annotation.DateTimeFormat;

/** The death form: the client by code, the coded cause and source, and the optional verbal autopsy. */
public class DeathPageForm {

    private String clientCode;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate diedOn;
    private String place;
    private String cause;
    private String source;
    private Long overdoseReportId;
    private String alone;
    private String illBefore;
    private String soughtCare;
    private String recentlyReleased;
    private String notes;

    DeathForm toForm() {
        return new DeathForm(null, clientCode, diedOn, place, cause, source, overdoseReportId, alone, illBefore,
                soughtCare, recentlyReleased, notes);
    }

    static DeathPageForm of(Death death, String code) {
        DeathPageForm form = new DeathPageForm();
        form.clientCode = code;
        form.diedOn = death.diedOn();
        form.place = death.place();
        form.cause = death.cause().name();
        form.source = death.source().name();
        form.overdoseReportId = death.overdoseReportId();
        form.alone = death.alone() == null ? null : death.alone().name();
        form.illBefore = death.illBefore() == null ? null : death.illBefore().name();
        form.soughtCare = death.soughtCare() == null ? null : death.soughtCare().name();
        form.recentlyReleased = death.recentlyReleased() == null ? null : death.recentlyReleased().name();
        form.notes = death.notes();
        return form;
    }

    public String getClientCode() { return clientCode; }
    public void setClientCode(String clientCode) { this.clientCode = clientCode; }
    public LocalDate getDiedOn() { return diedOn; }
    public void setDiedOn(LocalDate diedOn) { this.diedOn = diedOn; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getCause() { return cause; }
    public void setCause(String cause) { this.cause = cause; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public Long getOverdoseReportId() { return overdoseReportId; }
    public void setOverdoseReportId(Long overdoseReportId) { this.overdoseReportId = overdoseReportId; }
    public String getAlone() { return alone; }
    public void setAlone(String alone) { this.alone = alone; }
    public String getIllBefore() { return illBefore; }
    public void setIllBefore(String illBefore) { this.illBefore = illBefore; }
    public String getSoughtCare() { return soughtCare; }
    public void setSoughtCare(String soughtCare) { this.soughtCare = soughtCare; }
    public String getRecentlyReleased() { return recentlyReleased; }
    public void setRecentlyReleased(String recentlyReleased) { this.recentlyReleased = recentlyReleased; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
}

package org.reach.infections.web;

import java.time.LocalDate;

import org.reach.infections.InfectionForm;
import org.reach.infections.InfectionKind;
import org.springframework.format.annotation.DateTimeFormat;

/** The record form of the client's infections panel, bound field by field. */
public class InfectionPageForm {

    private String uuid;
    private InfectionKind kind;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private String result;
    private String detail;
    private Long viralLoad;
    private String treatment;
    private String antibiotics;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate followUpOn;
    private String notes;

    InfectionForm toForm(long clientId) {
        return new InfectionForm(uuid, clientId, null, kind, date, result, detail, viralLoad, treatment, antibiotics,
                followUpOn, notes);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public InfectionKind getKind() { return kind; }
    public void setKind(InfectionKind kind) { this.kind = kind; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public String getResult() { return result; }
    public void setResult(String result) { this.result = result; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public Long getViralLoad() { return viralLoad; }
    public void setViralLoad(Long viralLoad) { this.viralLoad = viralLoad; }
    public String getTreatment() { return treatment; }
    public void setTreatment(String treatment) { this.treatment = treatment; }
    public String getAntibiotics() { return antibiotics; }
    public void setAntibiotics(String antibiotics) { this.antibiotics = antibiotics; }
    public LocalDate getFollowUpOn() { return followUpOn; }
    public void setFollowUpOn(LocalDate followUpOn) { this.followUpOn = followUpOn; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
}

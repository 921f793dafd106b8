package org.reach.services.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

/** The quick-entry form: one quantity box per service, keyed by service code. */
public class EncounterPageForm {

    private String uuid;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private Long siteId;
    private String hotspot;
    private String clientCode;
    private boolean anonymous;
    private Map<String, String> quantities = new LinkedHashMap<>();
    private Map<String, String> results = new LinkedHashMap<>();
    private Map<String, Boolean> linked = new LinkedHashMap<>();
    private Integer returnedSyringes;
    private Integer returnedWeightGrams;
    private String notes;
    private boolean confirmNotes;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public String getHotspot() { return hotspot; }
    public void setHotspot(String hotspot) { this.hotspot = hotspot; }
    public String getClientCode() { return clientCode; }
    public void setClientCode(String clientCode) { this.clientCode = clientCode; }
    public boolean isAnonymous() { return anonymous; }
    public void setAnonymous(boolean anonymous) { this.anonymous = anonymous; }
    public Map<String, String> getQuantities() { return quantities; }
    public void setQuantities(Map<String, String> quantities) { this.quantities = quantities; }
    public Map<String, String> getResults() { return results; }
    public void setResults(Map<String, String> results) { this.results = results; }
    public Map<String, Boolean> getLinked() { return linked; }
    public void setLinked(Map<String, Boolean> linked) { this.linked = linked; }
    public Integer getReturnedSyringes() { return returnedSyringes; }
    public void setReturnedSyringes(Integer returnedSyringes) { this.returnedSyringes = returnedSyringes; }
    public Integer getReturnedWeightGrams() { return returnedWeightGrams; }
    public void setReturnedWeightGrams(Integer returnedWeightGrams) { this.returnedWeightGrams = returnedWeightGrams; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public boolean isConfirmNotes() { return confirmNotes; }
    public void setConfirmNotes(boolean confirmNotes) { this.confirmNotes = confirmNotes; }
}

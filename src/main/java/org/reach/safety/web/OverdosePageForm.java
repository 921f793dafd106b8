package org.reach.safety.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.reach.safety.OverdoseForm;
import org.springframework.format.annotation.DateTimeFormat;

/** The phone form of an overdose report: defaults for the common case, codes as the page sends them. */
public class OverdosePageForm {

    private String uuid;
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime occurredAt;
    private Long siteId;
    private String hotspot;
    private Double latitude;
    private Double longitude;
    private Double gpsAccuracy;
    private String clientCode;
    private String sex;
    private String ageBand;
    private List<String> substances = new ArrayList<>();
    private List<String> signs = new ArrayList<>();
    private Integer naloxoneDoses;
    private List<String> naloxoneGivers = new ArrayList<>();
    private boolean naloxoneFromKit;
    private String kitHolderCode;
    private List<String> responses = new ArrayList<>();
    private String outcome;
    private String notes;

    OverdoseForm toForm() {
        return new OverdoseForm(uuid, occurredAt, siteId, hotspot, latitude, longitude, gpsAccuracy, null, clientCode,
                sex, ageBand, substances, signs, naloxoneDoses, naloxoneGivers, naloxoneFromKit, kitHolderCode,
                responses, outcome, notes);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public LocalDateTime getOccurredAt() { return occurredAt; }
    public void setOccurredAt(LocalDateTime occurredAt) { this.occurredAt = occurredAt; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public String getHotspot() { return hotspot; }
    public void setHotspot(String hotspot) { this.hotspot = hotspot; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double latitude) { this.latitude = latitude; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double longitude) { this.longitude = longitude; }
    public Double getGpsAccuracy() { return gpsAccuracy; }
    public void setGpsAccuracy(Double gpsAccuracy) { this.gpsAccuracy = gpsAccuracy; }
    public String getClientCode() { return clientCode; }
    public void setClientCode(String clientCode) { this.clientCode = clientCode; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getAgeBand() { return ageBand; }
    public void setAgeBand(String ageBand) { this.ageBand = ageBand; }
    public List<String> getSubstances() { return substances; }
    public void setSubstances(List<String> substances) { this.substances = substances; }
    public List<String> getSigns() { return signs; }
    public void setSigns(List<String> signs) { this.signs = signs; }
    public Integer getNaloxoneDoses() { return naloxoneDoses; }
    public void setNaloxoneDoses(Integer naloxoneDoses) { this.naloxoneDoses = naloxoneDoses; }
    public List<String> getNaloxoneGivers() { return naloxoneGivers; }
    public void setNaloxoneGivers(List<String> naloxoneGivers) { this.naloxoneGivers = naloxoneGivers; }
    public boolean isNaloxoneFromKit() { return naloxoneFromKit; }
    public void setNaloxoneFromKit(boolean naloxoneFromKit) { this.naloxoneFromKit = naloxoneFromKit; }
    public String getKitHolderCode() { return kitHolderCode; }
    public void setKitHolderCode(String kitHolderCode) { this.kitHolderCode = kitHolderCode; }
    public List<String> getResponses() { return responses; }
    public void setResponses(List<String> responses) { this.responses = responses; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
}

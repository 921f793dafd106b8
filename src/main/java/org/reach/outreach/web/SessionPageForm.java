package org.reach.outreach.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.reach.clients.Gender;
import org.reach.outreach.AgeBand;
import org.reach.outreach.Incident;
import org.reach.outreach.OutreachSetting;
import org.springframework.format.annotation.DateTimeFormat;

/** The session page: a box per sex and age band, a row per known client, a box per incident kind. */
public class SessionPageForm {

    public static final int KNOWN_ROWS = 3;

    private String uuid;
    private Long siteId;
    private Long hotspotId;
    private OutreachSetting setting;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime start;
    @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
    private LocalTime end;
    private List<Long> peerIds = new ArrayList<>();
    private List<ContactRow> contacts = new ArrayList<>();
    private List<KnownRow> knownClients = new ArrayList<>();
    private Integer needlesSyringes;
    private Integer condoms;
    private Integer naloxone;
    private Integer foilPipes;
    private Integer informationMaterial;
    private Integer returnedSyringes;
    private Integer returnedWeightGrams;
    private Integer referrals;
    private List<IncidentRow> incidents = new ArrayList<>();

    /** Every row the page shows, so that indexes of problems match the boxes. */
    void fillRows() {
        if (contacts.isEmpty()) {
            for (Gender sex : Gender.values()) {
                for (AgeBand band : AgeBand.values()) {
                    contacts.add(new ContactRow(sex, band));
                }
            }
        }
        while (knownClients.size() < KNOWN_ROWS) {
            knownClients.add(new KnownRow());
        }
        if (incidents.isEmpty()) {
            for (Incident incident : Incident.values()) {
                incidents.add(new IncidentRow(incident));
            }
        }
    }

    public static class ContactRow {
        private Gender sex;
        private AgeBand ageBand;
        private Integer people;

        public ContactRow() {
        }

        ContactRow(Gender sex, AgeBand ageBand) {
            this.sex = sex;
            this.ageBand = ageBand;
        }

        public Gender getSex() { return sex; }
        public void setSex(Gender sex) { this.sex = sex; }
        public AgeBand getAgeBand() { return ageBand; }
        public void setAgeBand(AgeBand ageBand) { this.ageBand = ageBand; }
        public Integer getPeople() { return people; }
        public void setPeople(Integer people) { this.people = people; }
    }

    public static class KnownRow {
        private String clientCode;
        private String serviceCode;
        private Integer quantity;

        public String getClientCode() { return clientCode; }
        public void setClientCode(String clientCode) { this.clientCode = clientCode; }
        public String getServiceCode() { return serviceCode; }
        public void setServiceCode(String serviceCode) { this.serviceCode = serviceCode; }
        public Integer getQuantity() { return quantity; }
        public void setQuantity(Integer quantity) { this.quantity = quantity; }

        boolean isBlank() {
            return clientCode == null || clientCode.isBlank();
        }
    }

    public static class IncidentRow {
        private Incident code;
        private Integer times;

        public IncidentRow() {
        }

        IncidentRow(Incident code) {
            this.code = code;
        }

        public Incident getCode() { return code; }
        public void setCode(Incident code) { this.code = code; }
        public Integer getTimes() { return times; }
        public void setTimes(Integer times) { this.times = times; }
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public OutreachSetting getSetting() { return setting; }
    public void setSetting(OutreachSetting setting) { this.setting = setting; }
    public Long getHotspotId() { return hotspotId; }
    public void setHotspotId(Long hotspotId) { this.hotspotId = hotspotId; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public LocalTime getStart() { return start; }
    public void setStart(LocalTime start) { this.start = start; }
    public LocalTime getEnd() { return end; }
    public void setEnd(LocalTime end) { this.end = end; }
    public List<Long> getPeerIds() { return peerIds; }
    public void setPeerIds(List<Long> peerIds) { this.peerIds = peerIds; }
    public List<ContactRow> getContacts() { return contacts; }
    public void setContacts(List<ContactRow> contacts) { this.contacts = contacts; }
    public List<KnownRow> getKnownClients() { return knownClients; }
    public void setKnownClients(List<KnownRow> knownClients) { this.knownClients = knownClients; }
    public Integer getNeedlesSyringes() { return needlesSyringes; }
    public void setNeedlesSyringes(Integer needlesSyringes) { this.needlesSyringes = needlesSyringes; }
    public Integer getCondoms() { return condoms; }
    public void setCondoms(Integer condoms) { this.condoms = condoms; }
    public Integer getNaloxone() { return naloxone; }
    public void setNaloxone(Integer naloxone) { this.naloxone = naloxone; }
    public Integer getFoilPipes() { return foilPipes; }
    public void setFoilPipes(Integer foilPipes) { this.foilPipes = foilPipes; }
    public Integer getInformationMaterial() { return informationMaterial; }
    public void setInformationMaterial(Integer informationMaterial) { this.informationMaterial = informationMaterial; }
    public Integer getReturnedSyringes() { return returnedSyringes; }
    public void setReturnedSyringes(Integer returnedSyringes) { this.returnedSyringes = returnedSyringes; }
    public Integer getReturnedWeightGrams() { return returnedWeightGrams; }
    public void setReturnedWeightGrams(Integer returnedWeightGrams) { this.returnedWeightGrams = returnedWeightGrams; }
    public Integer getReferrals() { return referrals; }
    public void setReferrals(Integer referrals) { this.referrals = referrals; }
    public List<IncidentRow> getIncidents() { return incidents; }
    public void setIncidents(List<IncidentRow> incidents) { this.incidents = incidents; }
}

package org.reach.rights.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.reach.clients.Gender;
import org.reach.rights.AgeBand;
import org.reach.rights.HelpKind;
import org.reach.rights.Perpetrator;
import org.reach.rights.ViolenceReportForm;
import org.reach.rights.ViolenceType;
import org.springframework.format.annotation.DateTimeFormat;

/** The report form as the page binds it; the uuid is made when the form is shown, so a double submit stores one. */
public class ViolenceReportPageForm {

    private String uuid;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate occurredOn;
    private Long siteId;
    private String hotspot;
    private String clientCode;
    private Gender gender;
    private AgeBand ageBand;
    private List<ViolenceType> types = new ArrayList<>();
    private List<Perpetrator> perpetrators = new ArrayList<>();
    private Boolean wantsHelp;
    private List<HelpKind> help = new ArrayList<>();
    private String description;

    ViolenceReportForm toForm() {
        return new ViolenceReportForm(uuid, occurredOn, siteId, hotspot, clientCode, gender, ageBand,
                new HashSet<>(types), new HashSet<>(perpetrators), wantsHelp, new HashSet<>(help), description, null);
    }

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public void setOccurredOn(LocalDate occurredOn) { this.occurredOn = occurredOn; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public String getHotspot() { return hotspot; }
    public void setHotspot(String hotspot) { this.hotspot = hotspot; }
    public String getClientCode() { return clientCode; }
    public void setClientCode(String clientCode) { this.clientCode = clientCode; }
    public Gender getGender() { return gender; }
    public void setGender(Gender gender) { this.gender = gender; }
    public AgeBand getAgeBand() { return ageBand; }
    public void setAgeBand(AgeBand ageBand) { this.ageBand = ageBand; }
    public List<ViolenceType> getTypes() { return types; }
    public void setTypes(List<ViolenceType> types) { this.types = types == null ? new ArrayList<>() : types; }
    public List<Perpetrator> getPerpetrators() { return perpetrators; }
    public void setPerpetrators(List<Perpetrator> perpetrators) {
        this.perpetrators = perpetrators == null ? new ArrayList<>() : perpetrators;
    }
    public Boolean getWantsHelp() { return wantsHelp; }
    public void setWantsHelp(Boolean wantsHelp) { this.wantsHelp = wantsHelp; }
    public List<HelpKind> getHelp() { return help; }
    public void setHelp(List<HelpKind> help) { this.help = help == null ? new ArrayList<>() : help; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}

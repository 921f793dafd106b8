package org.reach.earlywarning.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** The phone form: a few taps for a peer, drug checking fields for staff. */
public class DrugReportPageForm {

    private String uuid;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate reportedOn;
    private Long siteId;
    private Long soldAsId;
    private Long foundId;
    private String form;
    private BigDecimal pricePerUnit;
    private BigDecimal purity;
    private List<String> adulterants = new ArrayList<>();
    private String route;
    private String source;
    private String effect;
    private String effectNote;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public LocalDate getReportedOn() { return reportedOn; }
    public void setReportedOn(LocalDate reportedOn) { this.reportedOn = reportedOn; }
    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public Long getSoldAsId() { return soldAsId; }
    public void setSoldAsId(Long soldAsId) { this.soldAsId = soldAsId; }
    public Long getFoundId() { return foundId; }
    public void setFoundId(Long foundId) { this.foundId = foundId; }
    public String getForm() { return form; }
    public void setForm(String form) { this.form = form; }
    public BigDecimal getPricePerUnit() { return pricePerUnit; }
    public void setPricePerUnit(BigDecimal pricePerUnit) { this.pricePerUnit = pricePerUnit; }
    public BigDecimal getPurity() { return purity; }
    public void setPurity(BigDecimal purity) { this.purity = purity; }
    public List<String> getAdulterants() { return adulterants; }
    public void setAdulterants(List<String> adulterants) { this.adulterants = adulterants == null ? new ArrayList<>() : adulterants; }
    public String getRoute() { return route; }
    public void setRoute(String route) { this.route = route; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getEffect() { return effect; }
    public void setEffect(String effect) { this.effect = effect; }
    public String getEffectNote() { return effectNote; }
    public void setEffectNote(String effectNote) { this.effectNote = effectNote; }
}

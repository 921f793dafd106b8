package org.reach.services.web;

import java.time.LocalDate;

import org.reach.services.ProviderType;
import org.springframework.format.annotation.DateTimeFormat;

public class ReferralPageForm {

    private Long clientId;
    private String clientUic;
    private ProviderType providerType = ProviderType.ART_CLINIC;
    private String providerName;
    private Long internalSiteId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate madeOn;

    public Long getClientId() { return clientId; }
    public void setClientId(Long clientId) { this.clientId = clientId; }
    public String getClientUic() { return clientUic; }
    public void setClientUic(String clientUic) { this.clientUic = clientUic; }
    public ProviderType getProviderType() { return providerType; }
    public void setProviderType(ProviderType providerType) { this.providerType = providerType; }
    public String getProviderName() { return providerName; }
    public void setProviderName(String providerName) { this.providerName = providerName; }
    public Long getInternalSiteId() { return internalSiteId; }
    public void setInternalSiteId(Long internalSiteId) { this.internalSiteId = internalSiteId; }
    public LocalDate getMadeOn() { return madeOn; }
    public void setMadeOn(LocalDate madeOn) { this.madeOn = madeOn; }
}

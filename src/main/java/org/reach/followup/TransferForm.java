package org.reach.followup;

import java.time.LocalDate;
import java.util.Set;

/**
 * A transfer or referral to a partner site of another organisation of the programme, with the client's consent
 * (given on {@code consentOn}) and the fields the client agreed to share; {@code oatDoseMg} is sent only when
 * {@link SharedField#OAT_DOSE} is among them.
 */
public record TransferForm(Long clientId, TransferKind kind, Long partnerServiceId, Boolean consent, LocalDate consentOn,
                           Set<SharedField> shared, Integer oatDoseMg) {

    public TransferForm {
        shared = shared == null ? Set.of() : Set.copyOf(shared);
    }
}

package org.reach.rights.web;

import org.reach.rights.CaseOutcome;
import org.reach.rights.ResponseKind;

/** The response and closing forms on a report's page. */
public class ResponsePageForm {

    private ResponseKind kind;
    private String note;
    private String givenBy;
    private CaseOutcome outcome;

    public ResponseKind getKind() { return kind; }
    public void setKind(ResponseKind kind) { this.kind = kind; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getGivenBy() { return givenBy; }
    public void setGivenBy(String givenBy) { this.givenBy = givenBy; }
    public CaseOutcome getOutcome() { return outcome; }
    public void setOutcome(CaseOutcome outcome) { this.outcome = outcome; }
}

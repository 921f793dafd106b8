package org.reach.safety.web;

import java.time.LocalDate;

import org.reach.safety.FollowUpForm;
import org.springframework.format.annotation.DateTimeFormat;

/** The follow-up contact, recorded on the report's page. */
public class FollowUpPageForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private String result;

    FollowUpForm toForm() {
        return new FollowUpForm(date, result);
    }

    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public String getResult() { return result; }
    public void setResult(String result) { this.result = result; }
}

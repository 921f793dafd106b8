package org.reach.clients.web;

/** The merge page's fields: the pair, which record survives, and why. */
public class MergeForm {

    private Long first;
    private Long second;
    private Long survivorId;
    private String reason;

    Long mergedId() {
        if (survivorId == null) {
            return null;
        }
        return survivorId.equals(first) ? second : survivorId.equals(second) ? first : null;
    }

    public Long getFirst() { return first; }
    public void setFirst(Long first) { this.first = first; }
    public Long getSecond() { return second; }
    public void setSecond(Long second) { this.second = second; }
    public Long getSurvivorId() { return survivorId; }
    public void setSurvivorId(Long survivorId) { this.survivorId = survivorId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}

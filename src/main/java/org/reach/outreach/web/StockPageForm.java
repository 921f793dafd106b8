package org.reach.outreach.web;

import java.time.LocalDate;

import org.reach.outreach.MovementKind;
import org.reach.outreach.StockItem;
import org.springframework.format.annotation.DateTimeFormat;

/** The stock page's movement form. */
public class StockPageForm {

    private Long siteId;
    private StockItem item;
    private MovementKind kind = MovementKind.RECEIPT;
    private Integer quantity;
    private Long peerId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;
    private String note;

    public Long getSiteId() { return siteId; }
    public void setSiteId(Long siteId) { this.siteId = siteId; }
    public StockItem getItem() { return item; }
    public void setItem(StockItem item) { this.item = item; }
    public MovementKind getKind() { return kind; }
    public void setKind(MovementKind kind) { this.kind = kind; }
    public Integer getQuantity() { return quantity; }
    public void setQuantity(Integer quantity) { this.quantity = quantity; }
    public Long getPeerId() { return peerId; }
    public void setPeerId(Long peerId) { this.peerId = peerId; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}

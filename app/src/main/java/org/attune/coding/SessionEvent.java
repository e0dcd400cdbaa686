package org.attune.coding;

/** An event with the session, coder and pass it belongs to: one row of an events export. */
public record SessionEvent(Session session, Coder coder, CodingPass pass, CodedEvent event) {
}

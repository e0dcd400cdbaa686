package org.attune.coding;

/** One coder's coding of one session. Blind passes never show other coders' events. */
public record CodingPass(long id, long sessionId, long coderId, PassStatus status, boolean blind, String startedAt, String finishedAt) {
}

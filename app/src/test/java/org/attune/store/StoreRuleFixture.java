package org.attune.store;

/** What the store must never do, for ArchitectureTest's canaries: use the statistics or key-press decisions. Never used. */
public final class StoreRuleFixture {
    org.attune.agreement.AgreementInput statistics;
    org.attune.coding.KeyCoding.Action keyPress;
}

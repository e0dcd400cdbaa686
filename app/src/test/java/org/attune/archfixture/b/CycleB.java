package org.attune.archfixture.b;

/** The other half of a package cycle, for ArchitectureTest's canary (never used elsewhere). */
public final class CycleB {
    public org.attune.archfixture.a.CycleA partner;
}

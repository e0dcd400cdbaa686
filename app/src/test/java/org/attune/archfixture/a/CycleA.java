package org.attune.archfixture.a;

/** Half of a package cycle, for ArchitectureTest's canary (never used elsewhere). */
public final class CycleA {
    public org.attune.archfixture.b.CycleB partner;
}

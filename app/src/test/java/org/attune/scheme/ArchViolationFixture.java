package org.attune.scheme;

/** A deliberate layering violation (test sources only) that ArchitectureTest must catch. */
public final class ArchViolationFixture {
    javafx.scene.paint.Color color;
    java.sql.Connection connection;
}

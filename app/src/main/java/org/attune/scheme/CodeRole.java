package org.attune.scheme;

import java.util.Optional;

/**
 * What a code means to the derived measures (mutual gaze, contingent responsiveness, …). Measures
 * are defined on roles, not on code ids, so a lab with its own scheme assigns roles once and gets
 * the same measures. A code may carry several roles; a role may be carried by several codes.
 */
public enum CodeRole implements JsonNamed {
    UNCODABLE("Time that cannot be coded (off camera, face hidden); excluded from every denominator"),
    PARENT_GAZE("Parent looks at the child"),
    CHILD_GAZE("Child looks at the parent"),
    PARENT_POSITIVE_AFFECT("Parent positive affect"),
    CHILD_POSITIVE_AFFECT("Child positive affect"),
    CHILD_DISTRESS("Child distress or negative affect (a need signal)"),
    PARENT_AFFECTIONATE_TOUCH("Parent affectionate touch"),
    PARENT_FOLLOWS_LEAD("Parent follows the child's lead"),
    PARENT_SOOTHE("Parent comforts or meets a need"),
    JOINT_ENGAGEMENT("Coordinated joint engagement"),
    CHILD_BID("Child bid / initiation (serve)"),
    PARENT_BID("Parent bid / initiation"),
    PARENT_RESPONSE("Parent contingent response (return)"),
    CHILD_RESPONSE("Child response to a parent bid"),
    PARENT_INTRUSION("Parent intrusive / overcontrolling behaviour"),
    PARENT_HOSTILE("Parent hostile, threatening or frightening behaviour"),
    PARENT_MISATTUNED("Parent misattuned or contradictory response"),
    PARENT_DISENGAGED("Parent disengaged / self-absorbed"),
    PARENT_WITHDRAWN("Parent withdrawn / timid"),
    PARENT_ROLE_REVERSAL("Parent role reversal"),
    CHILD_CLINGING("Child excessive dependence / clinging"),
    CHILD_WITHDRAWAL("Child marked shyness / withdrawal"),
    CHILD_AVOIDANCE("Child fails to seek comfort / avoids"),
    CHILD_INDISCRIMINATE("Child indiscriminate friendliness"),
    CHILD_CONTROLLING("Child punitive / bossy toward parent"),
    CHILD_CAREGIVING("Child over-concern for the parent"),
    CHILD_DISORGANISED("Child disorganised / disoriented behaviour"),
    CHILD_EXPLORATION("Child comfortable exploration"),
    CHILD_CHECK_BACK("Child checks back with the parent"),
    CHILD_SEEKS_COMFORT("Child seeks comfort or help"),
    CHILD_COMPLIANCE("Child complies with a request");

    private final String description;

    CodeRole(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static Optional<CodeRole> fromJsonName(String name) {
        return JsonNamed.fromJsonName(CodeRole.class, name);
    }
}

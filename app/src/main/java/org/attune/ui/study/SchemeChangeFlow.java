package org.attune.ui.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attune.coding.SchemeChange;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.json.SchemeReadResult;
import org.attune.scheme.json.SchemeReader;
import org.attune.store.Study;
import org.attune.store.StudyException;
import org.attune.ui.DialogService;

/**
 * Moves the open study to a new version of its coding scheme from the app, as
 * {@code attune study change-scheme} does on the command line: the user chooses the scheme file,
 * says which new code each removed code in use becomes (a same-named code is offered first), reads
 * the report of codes added, removed and renamed, and agrees. A backup copy is written beside the
 * study before anything changes; nothing changes when the user cancels at any question.
 */
public final class SchemeChangeFlow {
    private final DialogService dialogs;

    public SchemeChangeFlow(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    /** Runs the questions; the backup copy's path when the study was moved, empty when it was not (cancelled or refused, said why). */
    public Optional<Path> run(Study study) {
        Optional<Path> file = dialogs.chooseFileToOpen("Choose the new version of the coding scheme", "Attune coding scheme", List.of("*.json"));
        if (file.isEmpty()) return Optional.empty();
        SchemeReadResult read = SchemeReader.read(file.get());
        if (!read.ok()) {
            dialogs.showProblems("This scheme file has errors", "Fix them in " + file.get().getFileName() + " and choose it again. Nothing was changed.",
                    read.errors().stream().map(Object::toString).toList());
            return Optional.empty();
        }
        CodingScheme to = read.orThrow();
        try {
            Map<String, String> renames = new LinkedHashMap<>();
            SchemeChange plan = study.planSchemeChange(to, renames);
            for (Map.Entry<String, Long> gone : plan.removedInUse().entrySet()) {
                String old = gone.getKey();
                String oldName = study.scheme().code(old).map(Code::label).orElse(old);
                String same = plan.suggestedRenames().get(old);
                if (same != null && dialogs.confirm("Was " + oldName + " renamed?",
                        old + " (" + oldName + ") is not in the new scheme, and " + same + " there has the same name. If it is the same behaviour "
                                + "renamed, its " + gone.getValue() + " events or ratings become " + same + ".", "Yes, " + old + " is now " + same)) {
                    renames.put(old, same);
                    continue;
                }
                Optional<String> typed = dialogs.askText("A code in use is not in the new scheme",
                        old + " (" + oldName + ") has " + gone.getValue() + " events or ratings, and the new scheme has no " + old
                                + ". Type the code of the new scheme they become, or cancel to leave the study as it is.", "");
                if (typed.isEmpty() || typed.get().isBlank()) {
                    dialogs.showInfo("Nothing was changed", study.name() + " keeps its scheme " + study.scheme().version() + ".");
                    return Optional.empty();
                }
                renames.put(old, typed.get().trim());
            }
            plan = study.planSchemeChange(to, renames);
            if (!plan.canApply()) {
                dialogs.showProblems("The study cannot move to this scheme", "Nothing was changed. What stands in the way:",
                        plan.blockers().stream().map(SchemeChangeFlow::inAppWords).toList());
                return Optional.empty();
            }
            if (!dialogs.confirm("Move " + study.name() + " to " + to.name() + " " + to.version() + "?", report(plan)
                    + "\n\nA copy of the study as it is now is saved beside it first. Undo cannot go back past the change.", "Move to " + to.version())) {
                return Optional.empty();
            }
            Path backup = study.changeScheme(plan);
            dialogs.showInfo("Moved to " + to.name() + " " + to.version(), "The copy from before the change is " + backup.getFileName()
                    + ", beside the study.");
            return Optional.of(backup);
        } catch (StudyException e) {
            dialogs.showError("The scheme was not changed", e.getMessage());
            return Optional.empty();
        }
    }

    /** "Added: …  Removed: …  Renamed: A → B", as the command line prints it. */
    static String report(SchemeChange plan) {
        List<String> lines = new ArrayList<>();
        lines.add("From " + plan.from().version() + " to " + plan.to().version() + ".");
        lines.add("Added: " + (plan.added().isEmpty() ? "none" : String.join(", ", plan.added())));
        lines.add("Removed: " + (plan.removed().isEmpty() ? "none" : String.join(", ", plan.removed())));
        lines.add("Renamed: " + (plan.renames().isEmpty() ? "none"
                : String.join(", ", plan.renames().entrySet().stream().map(e -> e.getKey() + " → " + e.getValue()).toList())));
        return String.join("\n", lines);
    }

    /** A blocker as the app says it: the command line's "--rename A=B" becomes "A → B". */
    static String inAppWords(String blocker) {
        return blocker.replaceAll("^--rename (\\S+)=(\\S+): ", "$1 → $2: ")
                .replaceAll(", or map it with --rename \\S+=NEW_CODE", ", or say which code of the new scheme its events become");
    }
}

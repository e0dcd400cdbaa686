package org.attune.ui.scheme;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.json.BundledSchemes;
import org.attune.scheme.json.SchemeFileProblem;
import org.attune.scheme.json.SchemeReadResult;
import org.attune.scheme.json.SchemeReader;

/**
 * State of the scheme browser: which scheme is shown, which code is selected, which keyboard's
 * labels are used. No controls here, so tests can drive it without the toolkit.
 */
public final class SchemeBrowserViewModel {

    private final ReadOnlyObjectWrapper<CodingScheme> scheme = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Code> selectedCode = new SimpleObjectProperty<>();
    private final ObjectProperty<KeyboardLayout> layout = new SimpleObjectProperty<>(KeyboardLayout.forLocale(Locale.getDefault()));

    public SchemeBrowserViewModel() {
        show(BundledSchemes.defaultScheme(), "bundled default scheme");
    }

    public ReadOnlyObjectProperty<CodingScheme> schemeProperty() {
        return scheme.getReadOnlyProperty();
    }

    public CodingScheme scheme() {
        return scheme.get();
    }

    /** Where the shown scheme came from, for the window's status line. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ObjectProperty<Code> selectedCodeProperty() {
        return selectedCode;
    }

    public ObjectProperty<KeyboardLayout> layoutProperty() {
        return layout;
    }

    /** The label on the user's keyboard of the code's key, or "" if it has none. */
    public String keyLabel(Code code) {
        return code.physicalKey().map(k -> k.label(layout.get())).orElse("");
    }

    /**
     * Opens a scheme file. On success it is shown and an empty list returned; otherwise the shown
     * scheme stays and the errors come back for the dialog.
     */
    public List<SchemeFileProblem> open(Path file) {
        SchemeReadResult result = SchemeReader.read(file);
        if (!result.ok()) return result.errors();
        show(result.scheme().get(), file.getFileName().toString());
        return List.of();
    }

    /** Shows a scheme (e.g. the open study's); {@code from} says where it came from. */
    public void show(CodingScheme s, String from) {
        scheme.set(s);
        source.set(from);
        selectedCode.set(s.timedCodes().isEmpty() ? null : s.timedCodes().get(0));
    }

    public Optional<Code> selected() {
        return Optional.ofNullable(selectedCode.get());
    }

    /** "31 timed codes in 6 families · 4 session ratings · 3 exclusive groups" */
    public String summary() {
        CodingScheme s = scheme.get();
        long timedFamilies = s.families().stream().filter(f -> s.codesIn(f).stream().anyMatch(c -> c.kind().isTimed())).count();
        return s.timedCodes().size() + " timed codes in " + timedFamilies + " families · " + s.ratingCodes().size()
                + " session ratings · " + s.groups().size() + " exclusive groups";
    }
}

package org.attune.ui.measures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.attune.analysis.MeasureParameters;
import org.attune.analysis.MeasureValue;
import org.attune.analysis.SessionMeasures;
import org.attune.store.SessionCodings;
import org.attune.store.Study;
import org.attune.store.StudyException;

/** State of the measures view: the study's codings, their measures, the selected row and measure. */
public final class MeasuresViewModel {

    /** The measures shown as columns and offered for the chart: (family, measure, target, column title). */
    public static final List<String[]> KEY_MEASURES = List.of(
            new String[] {"synchronicity", "mutual_gaze_percent", "", "Mutual gaze %"},
            new String[] {"synchronicity", "shared_positive_affect_percent", "", "Shared positive %"},
            new String[] {"synchronicity", "synchrony_episodes_rate", "", "Synchrony /min"},
            new String[] {"reciprocity", "parent_responsiveness", "", "Parent responsiveness"},
            new String[] {"reciprocity", "parent_responsiveness_latency_median", "", "Latency median s"},
            new String[] {"reciprocity", "distress_responsiveness", "", "Distress responsiveness"},
            new String[] {"reciprocity", "conversational_turns_rate", "", "Turns /min"},
            new String[] {"reciprocity", "chains_child_initiated", "", "Chains child-initiated"},
            new String[] {"insecure", "intrusions_per_minute_of_exploration", "", "Intrusions /min expl."},
            new String[] {"secure_base", "safe_haven_ratio", "", "Safe-haven ratio"});

    /** One session × coder with its measures. */
    public record Row(String session, String coder, List<MeasureValue> values) {
        public MeasureValue value(String family, String measure, String target) {
            return values.stream().filter(v -> v.family().equals(family) && v.measure().equals(measure) && v.target().equals(target)).findFirst().orElse(null);
        }
    }

    private SessionCodings codings;
    private final StringProperty studyName = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    public static final String ALL_CODERS = "All coders";
    private final ObservableList<String> coders = FXCollections.observableArrayList(ALL_CODERS);
    private final ObjectProperty<String> coderFilter = new SimpleObjectProperty<>(ALL_CODERS);
    private final FilteredList<Row> shown = new FilteredList<>(rows);
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<String[]> chartMeasure = new SimpleObjectProperty<>(KEY_MEASURES.get(3));
    private final StringProperty summary = new SimpleStringProperty("Open a study to compute its measures.");

    public MeasuresViewModel() {
        coderFilter.addListener((o, a, c) -> {
            shown.setPredicate(c == null || c.equals(ALL_CODERS) ? null : r -> r.coder().equals(c));
            if (selected.get() != null && !shown.contains(selected.get())) selected.set(shown.isEmpty() ? null : shown.get(0));
        });
    }

    public static SessionCodings load(Path study) throws StudyException {
        return load(study, false);
    }

    /** {@link #load(Path)}, with the training sessions when {@code includeTraining} (issue 19: left out unless asked). */
    public static SessionCodings load(Path study, boolean includeTraining) throws StudyException {
        try (Study s = Study.openReadOnly(study)) {
            return SessionCodings.load(s, Set.of(), Set.of(), includeTraining);
        }
    }

    /** Computes every session × coder's measures (off the FX thread). */
    public static List<Row> compute(SessionCodings c, MeasureParameters p) {
        return compute(c, p, (done, total) -> { });
    }

    /** As {@link #compute(SessionCodings, MeasureParameters)}, reporting (done, total) codings as it goes. */
    public static List<Row> compute(SessionCodings c, MeasureParameters p, java.util.function.BiConsumer<Integer, Integer> progress) {
        int total = c.events().values().stream().mapToInt(Map::size).sum();
        List<Row> out = new ArrayList<>();
        c.events().forEach((session, byCoder) -> byCoder.forEach((coder, ev) -> {
            out.add(new Row(session, coder, SessionMeasures.compute(c.scheme(), ev, c.endMs().get(session), p)));
            progress.accept(out.size(), total);
        }));
        return out;
    }

    public void show(SessionCodings c, String name, List<Row> computed) {
        codings = c;
        studyName.set(name);
        rows.setAll(computed);
        List<String> names = new ArrayList<>(List.of(ALL_CODERS));
        computed.stream().map(Row::coder).distinct().sorted().forEach(names::add);
        coders.setAll(names);
        if (!coders.contains(coderFilter.get())) coderFilter.set(ALL_CODERS);
        selected.set(shown.isEmpty() ? null : shown.get(0));
        summary.set(name + ": " + computed.size() + " session × coder codings of " + c.totalSessions() + " sessions.");
    }

    /** Per coder, the chart measure's value per session. */
    public Map<String, Map<String, Double>> chartSeries() {
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        String[] m = chartMeasure.get();
        for (Row r : shown) {
            MeasureValue v = r.value(m[0], m[1], m[2]);
            if (v != null && v.value() != null) series.computeIfAbsent(r.coder(), x -> new LinkedHashMap<>()).put(r.session(), v.value());
        }
        return series;
    }

    public SessionMeasures.Episodes selectedEpisodes(MeasureParameters p) {
        Row r = selected.get();
        if (r == null || codings == null) return null;
        return SessionMeasures.episodes(codings.scheme(), codings.events().get(r.session()).get(r.coder()), codings.endMs().get(r.session()), p);
    }

    public long selectedSessionEnd() {
        Row r = selected.get();
        return r == null || codings == null ? 0 : codings.endMs().get(r.session());
    }

    public StringProperty studyNameProperty() {
        return studyName;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The rows of the chosen coder (all rows when "All coders"). */
    public ObservableList<Row> shownRows() {
        return shown;
    }

    public ObservableList<String> coders() {
        return coders;
    }

    public ObjectProperty<String> coderFilterProperty() {
        return coderFilter;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public ObjectProperty<String[]> chartMeasureProperty() {
        return chartMeasure;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public SessionCodings codings() {
        return codings;
    }
}

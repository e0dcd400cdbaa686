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
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<String[]> chartMeasure = new SimpleObjectProperty<>(KEY_MEASURES.get(3));
    private final StringProperty summary = new SimpleStringProperty("Open a study to compute its measures.");

    public static SessionCodings load(Path study) throws StudyException {
        try (Study s = Study.openReadOnly(study)) {
            return SessionCodings.load(s, Set.of(), Set.of());
        }
    }

    /** Computes every session × coder's measures (off the FX thread). */
    public static List<Row> compute(SessionCodings c, MeasureParameters p) {
        List<Row> out = new ArrayList<>();
        c.events().forEach((session, byCoder) -> byCoder.forEach((coder, ev) ->
                out.add(new Row(session, coder, SessionMeasures.compute(c.scheme(), ev, c.endMs().get(session), p)))));
        return out;
    }

    public void show(SessionCodings c, String name, List<Row> computed) {
        codings = c;
        studyName.set(name);
        rows.setAll(computed);
        selected.set(computed.isEmpty() ? null : computed.get(0));
        summary.set(name + ": " + computed.size() + " session × coder codings of " + c.totalSessions() + " sessions.");
    }

    /** Per coder, the chart measure's value per session. */
    public Map<String, Map<String, Double>> chartSeries() {
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        String[] m = chartMeasure.get();
        for (Row r : rows) {
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

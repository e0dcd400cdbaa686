package org.attune.ui.agreement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.attune.agreement.AlignmentKappa;
import org.attune.agreement.Disagreement;
import org.attune.agreement.EventAgreement;
import org.attune.agreement.KrippendorffAlpha;
import org.attune.agreement.Mark;
import org.attune.agreement.MethodsParagraph;
import org.attune.agreement.OverlapKappa;
import org.attune.agreement.RatingAgreement;
import org.attune.analysis.MeasureParameters;
import org.attune.analysis.MeasureReliability;
import org.attune.analysis.SessionMeasures;
import org.attune.coding.CodedEvent;
import org.attune.coding.TimeFormat;
import org.attune.exchange.AgreementCsv;
import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.agreement.AgreementInput;
import org.attune.store.SessionCodings;
import org.attune.store.Study;
import org.attune.store.StudyException;

/**
 * State and commands of the agreement view: which study, coders, sessions, method and parameters;
 * the results; the selected result's table and disagreements; the methods paragraph. No controls
 * here: tests drive it directly, the view binds to it.
 */
public final class AgreementViewModel {

    private final ReadOnlyObjectWrapper<AgreementInput> input = new ReadOnlyObjectWrapper<>();
    private final StringProperty studyName = new SimpleStringProperty("");
    private final ObservableList<String> coders = FXCollections.observableArrayList();
    private final ObservableList<String> sessions = FXCollections.observableArrayList();
    private final ObservableList<String> chosenSessions = FXCollections.observableArrayList();
    private final ObjectProperty<String> firstCoder = new SimpleObjectProperty<>();
    private final ObjectProperty<String> secondCoder = new SimpleObjectProperty<>();
    private final ObjectProperty<EventAgreement.Method> method = new SimpleObjectProperty<>(EventAgreement.Method.TIME_UNIT);
    private final DoubleProperty unitSeconds = new SimpleDoubleProperty(1);
    private final DoubleProperty toleranceSeconds = new SimpleDoubleProperty(2);
    private final DoubleProperty overlapPercent = new SimpleDoubleProperty(60);
    private final BooleanProperty includeNone = new SimpleBooleanProperty(true);
    private final ObservableList<EventAgreement.Row> results = FXCollections.observableArrayList();
    private final ObjectProperty<EventAgreement.Row> selected = new SimpleObjectProperty<>();
    private final ObservableList<MeasureReliability.Row> measureIcc = FXCollections.observableArrayList();
    private SessionCodings codings;
    private List<RatingAgreement.Rated> ratings = List.of();
    private final ObservableList<RatingAgreement.Row> ratingAgreement = FXCollections.observableArrayList();
    private final ObservableList<Disagreement> disagreements = FXCollections.observableArrayList();
    private final StringProperty paragraph = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("Open a study to compute agreement between two coders.");
    private List<String> sessionsCompared = List.of();
    private Parameters computedWith;

    public AgreementViewModel() {
        selected.addListener((obs, old, row) -> showDisagreements(row));
    }

    /** A study's events as marks (for κ), as coded events with modifiers (for the measures' ICC), and its session ratings. */
    public record Loaded(AgreementInput marks, SessionCodings events, List<RatingAgreement.Rated> ratings) {
    }

    /** The methods by name, for the method chooser. */
    static final javafx.util.StringConverter<EventAgreement.Method> METHOD_NAMES = new javafx.util.StringConverter<>() {
        @Override
        public String toString(EventAgreement.Method m) {
            return m == null ? "" : switch (m) {
                case TIME_UNIT -> "Time-unit κ";
                case BORIS -> "BORIS-compatible κ";
                case ALIGNMENT -> "Event alignment κ";
                case OVERLAP -> "Overlap-linking κ";
            };
        }

        @Override
        public EventAgreement.Method fromString(String s) {
            return null;
        }
    };

    private final javafx.beans.property.BooleanProperty includeTraining = new javafx.beans.property.SimpleBooleanProperty(false);

    /** Whether the study's training sessions are read too (issue 19: left out unless asked). */
    public javafx.beans.property.BooleanProperty includeTrainingProperty() {
        return includeTraining;
    }

    /** Reads a study's events (call off the FX thread; apply the result with {@link #show}); training sessions left out. */
    public static Loaded load(Path study) throws StudyException {
        return load(study, false);
    }

    /** {@link #load(Path)}, with the training sessions when {@code includeTraining}. */
    public static Loaded load(Path study, boolean includeTraining) throws StudyException {
        try (Study s = Study.openReadOnly(study)) {
            SessionCodings events = SessionCodings.load(s, Set.of(), Set.of(), includeTraining); // read once; the marks derive from it
            List<RatingAgreement.Rated> ratings = s.events().allRatings(includeTraining).stream()
                    .map(r -> new RatingAgreement.Rated(r.session(), r.coder(), r.code(), r.value())).toList();
            return new Loaded(AgreementInput.of(events.scheme(), events.events(), events.endMs(), events.totalSessions()), events, ratings);
        }
    }

    /** Shows a loaded study: its coders, the first two chosen. */
    public void show(Loaded loaded, String name) {
        AgreementInput in = loaded.marks();
        codings = loaded.events();
        ratings = loaded.ratings();
        input.set(in);
        studyName.set(name);
        List<String> all = in.marks().values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        coders.setAll(all);
        chosenSessions.clear();
        sessions.setAll(in.marks().keySet());
        firstCoder.set(all.isEmpty() ? null : all.get(0));
        secondCoder.set(all.size() < 2 ? null : all.get(1));
        results.clear();
        measureIcc.clear();
        ratingAgreement.clear();
        disagreements.clear();
        paragraph.set("");
        summary.set(all.size() < 2 ? name + " has events from fewer than two coders: nothing to compare yet."
                : name + ": " + in.marks().size() + " sessions with events, coders " + String.join(", ", all) + ". Choose two coders and a method.");
    }

    public Parameters parameters() {
        return new Parameters(firstCoder.get(), secondCoder.get(), new EventAgreement.Parameters(method.get(), Math.round(unitSeconds.get() * 1000),
                Math.round(toleranceSeconds.get() * 1000), overlapPercent.get() / 100.0, includeNone.get()), Set.copyOf(chosenSessions));
    }

    /** What a computation needs, taken on the FX thread. */
    public record Parameters(String first, String second, EventAgreement.Parameters method, Set<String> sessions) {
        public Parameters {
            sessions = Set.copyOf(sessions);
        }

        public Parameters(String first, String second, EventAgreement.Parameters method) {
            this(first, second, method, Set.of());
        }

        /** Whether a session is in the comparison: the chosen ones, or all when none is chosen. */
        boolean includes(String session) {
            return sessions.isEmpty() || sessions.contains(session);
        }
    }

    /** The outcome of a computation, applied on the FX thread. */
    public record Computed(List<String> sessions, List<String> leftOut, List<EventAgreement.Row> rows, String paragraph, List<MeasureReliability.Row> measures,
                           List<RatingAgreement.Row> ratings) {
    }

    /** The computation itself: pure, safe on any thread. */
    public static Computed compute(AgreementInput in, SessionCodings codings, Parameters p) {
        return compute(in, codings, List.of(), p, (done, total) -> { });
    }

    /**
     * @param ratings the study's session ratings: their agreement between the two coders comes with the events'
     *                (ordinal Krippendorff's α, every other statistic over each rating code's whole scale)
     */
    public static Computed compute(AgreementInput in, SessionCodings codings, List<RatingAgreement.Rated> ratings, Parameters p,
                                   EventAgreement.Progress progress) {
        List<RatingAgreement.Row> ratingRows = RatingAgreement.compute(in.scheme(), ratings, List.of(p.first(), p.second()), p.sessions(),
                KrippendorffAlpha.Level.ORDINAL);
        List<EventAgreement.SessionMarks> compared = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Mark>>> e : in.marks().entrySet()) {
            if (!p.includes(e.getKey())) continue;
            List<Mark> a = e.getValue().get(p.first());
            List<Mark> b = e.getValue().get(p.second());
            if (a == null || b == null) leftOut.add(e.getKey());
            else compared.add(new EventAgreement.SessionMarks(e.getKey(), a, b, in.endMs().get(e.getKey())));
        }
        if (compared.isEmpty()) return new Computed(List.of(), leftOut, List.of(), "", List.of(), ratingRows);
        List<EventAgreement.Row> rows = EventAgreement.compute(in.scheme(), compared, p.method(), progress);
        List<String> labels = compared.stream().map(EventAgreement.SessionMarks::session).toList();
        return new Computed(labels, leftOut, rows, MethodsParagraph.forEvents(p.method(), in.totalSessions(), labels, List.of(p.first(), p.second()), rows, in.scheme()),
                measureReliability(codings, labels, p), ratingRows);
    }

    /** The ICC of every derived measure between the two coders over the sessions both coded, at the default windows. */
    static List<MeasureReliability.Row> measureReliability(SessionCodings codings, List<String> sessions, Parameters p) {
        if (codings == null) return List.of();
        List<MeasureReliability.Coded> coded = new ArrayList<>();
        for (String session : sessions) {
            Map<String, List<CodedEvent>> byCoder = codings.events().getOrDefault(session, Map.of());
            for (String coder : List.of(p.first(), p.second())) {
                List<CodedEvent> events = byCoder.get(coder);
                if (events != null) coded.add(new MeasureReliability.Coded(session, coder,
                        SessionMeasures.compute(codings.scheme(), events, codings.endMs().get(session), MeasureParameters.DEFAULTS)));
            }
        }
        // a measure no session defines for both coders has no ICC to show; the dyadic measures first, the per-code descriptives after
        return MeasureReliability.compute(coded, List.of(p.first(), p.second())).stream().filter(r -> r.sessions() > 0)
                .sorted(Comparator.comparing((MeasureReliability.Row r) -> r.family().equals("descriptive"))).toList();
    }

    public void apply(Computed c, Parameters p) {
        sessionsCompared = c.sessions();
        computedWith = p;
        // a code neither coder used has no κ to show; listing 20 empty rows would hide the ones that matter
        results.setAll(c.rows().stream().filter(r -> !unused(r)).toList());
        measureIcc.setAll(c.measures());
        ratingAgreement.setAll(c.ratings());
        paragraph.set(c.paragraph());
        summary.set(c.sessions().isEmpty() ? "No session was coded by both " + p.first() + " and " + p.second() + "."
                : c.sessions().size() + " sessions coded by both " + p.first() + " and " + p.second()
                        + (c.leftOut().isEmpty() ? "" : "; left out (not coded by both): " + String.join(", ", c.leftOut())));
        selected.set(results.stream().filter(r -> !r.session().equals(EventAgreement.POOLED) && r.targetKind().equals("group")).findFirst()
                .orElse(results.isEmpty() ? null : results.get(0)));
    }

    /**
     * A result's target as the researcher knows it: the group's or code's name in the scheme, the id
     * after it ("Child affect · AFF_C"); sets such as "point codes" as they are.
     */
    public String targetName(EventAgreement.Row r) {
        Optional<String> label = codings == null ? Optional.empty() : switch (r.targetKind()) {
            case "group" -> codings.scheme().group(r.target()).map(g -> g.label());
            case "code" -> codings.scheme().code(r.target()).map(c -> c.label());
            default -> Optional.empty();
        };
        return label.map(l -> l + " · " + r.target()).orElse(r.target());
    }

    /** A code's name in the scheme ("Child looks at parent"); ids the scheme lacks ("(none)", "nil") as they are. */
    public String codeName(String codeId) {
        return codings == null ? codeId : codings.scheme().code(codeId).map(c -> c.label()).orElse(codeId);
    }

    /**
     * A statistic's short name for the table, said so it needs no legend: "κ ±2 s, AL as reference"
     * rather than "kappa_tolerance_first_as_reference" (the coders and tolerance of the last computation).
     */
    public String statisticName(String name) {
        Parameters p = computedWith;
        String tol = p == null ? "±tolerance" : "±" + TimeFormat.shortSeconds(p.method().toleranceMs()) + " s";
        return switch (name) {
            case "kappa_tolerance_first_as_reference" -> "κ " + tol + ", " + (p == null ? "1st coder" : p.first()) + " as reference";
            case "kappa_tolerance_second_as_reference" -> "κ " + tol + ", " + (p == null ? "2nd coder" : p.second()) + " as reference";
            case "kappa_without_nil" -> "κ without omissions";
            case "kappa_nil_in_chance" -> "κ (nil in chance)";
            case "kappa_excluding_unmatched" -> "κ linked bouts only";
            case "proportion_aligned" -> "aligned";
            case "proportion_linked" -> "linked";
            case "percent_agreement" -> "% agreement";
            default -> name;
        };
    }

    /** Whether there are results to export (something was computed). */
    public boolean hasResults() {
        return computedWith != null && !results.isEmpty();
    }

    /**
     * Writes the results the table shows as tidy CSV (docs/agreement.md, as the command line's
     * {@code --csv}); the number of rows written. Call off the FX thread with a copy of the rows
     * ({@link #resultsToExport}), through {@code OutputFile}.
     */
    public static long writeCsv(Path file, List<EventAgreement.Row> rows, Parameters p) throws java.io.IOException {
        return AgreementCsv.write(file, List.of(new AgreementCsv.Pair(p.first(), p.second(), rows)), p.method());
    }

    /** The rows and parameters of the last computation, to export. */
    public List<EventAgreement.Row> resultsToExport() {
        return List.copyOf(results);
    }

    public Parameters computedWith() {
        return computedWith;
    }

    static boolean unused(EventAgreement.Row row) {
        if (!row.targetKind().equals("code")) return false;
        Map<String, Double> n = row.counts();
        return n.getOrDefault("units_first", -1.0) == 0 && n.getOrDefault("units_second", -1.0) == 0
                || n.getOrDefault("links", -1.0) == 0 && n.getOrDefault("unmatched_first", -1.0) == 0 && n.getOrDefault("unmatched_second", -1.0) == 0;
    }

    private void showDisagreements(EventAgreement.Row row) {
        disagreements.clear();
        AgreementInput in = input.get();
        if (row == null || in == null || row.session().equals(EventAgreement.POOLED)) return;
        Parameters p = parameters();
        Map<String, List<Mark>> session = in.marks().get(row.session());
        if (session == null) return;
        List<Mark> a = session.getOrDefault(p.first(), List.of());
        List<Mark> b = session.getOrDefault(p.second(), List.of());
        List<String> codes = codesOf(in.scheme(), row);
        switch (p.method().method()) {
            case TIME_UNIT -> disagreements.setAll(Disagreement.timeUnits(codes, a, b, in.endMs().get(row.session()), p.method().unitMs()));
            case ALIGNMENT -> disagreements.setAll(Disagreement.alignment(AlignmentKappa.compute(codes, a, b, p.method().toleranceMs())));
            case OVERLAP -> disagreements.setAll(Disagreement.overlap(OverlapKappa.compute(codes, a, b, p.method().overlap())));
            default -> {
            }
        }
    }

    /** The codes behind a result row: a group's members, one code, the point codes, or all. */
    public static List<String> codesOf(CodingScheme scheme, EventAgreement.Row row) {
        return switch (row.targetKind()) {
            case "group" -> scheme.group(row.target()).map(g -> scheme.membersOf(g).stream().map(Code::id).toList()).orElse(List.of());
            case "code" -> List.of(row.target());
            case "set" -> scheme.timedCodes().stream().filter(Code::isPoint).map(Code::id).toList();
            default -> scheme.timedCodes().stream().map(Code::id).toList();
        };
    }

    /** The two coders' marks for the selected row's session, for the side-by-side timelines. */
    public List<List<Mark>> selectedMarks() {
        EventAgreement.Row row = selected.get();
        AgreementInput in = input.get();
        if (row == null || in == null || !in.marks().containsKey(row.session())) return List.of(List.of(), List.of());
        Map<String, List<Mark>> s = in.marks().get(row.session());
        return List.of(s.getOrDefault(firstCoder.get(), List.of()), s.getOrDefault(secondCoder.get(), List.of()));
    }

    public long selectedSessionEnd() {
        EventAgreement.Row row = selected.get();
        AgreementInput in = input.get();
        return row == null || in == null ? 0 : in.endMs().getOrDefault(row.session(), 0L);
    }

    public ReadOnlyObjectProperty<AgreementInput> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public StringProperty studyNameProperty() {
        return studyName;
    }

    public ObservableList<String> coders() {
        return coders;
    }

    /** The study's sessions with events. */
    public ObservableList<String> sessions() {
        return sessions;
    }

    /** The sessions to compare; empty means every session both coders coded. */
    public ObservableList<String> chosenSessions() {
        return chosenSessions;
    }

    public ObjectProperty<String> firstCoderProperty() {
        return firstCoder;
    }

    public ObjectProperty<String> secondCoderProperty() {
        return secondCoder;
    }

    public ObjectProperty<EventAgreement.Method> methodProperty() {
        return method;
    }

    public DoubleProperty unitSecondsProperty() {
        return unitSeconds;
    }

    public DoubleProperty toleranceSecondsProperty() {
        return toleranceSeconds;
    }

    public DoubleProperty overlapPercentProperty() {
        return overlapPercent;
    }

    public BooleanProperty includeNoneProperty() {
        return includeNone;
    }

    public ObservableList<EventAgreement.Row> results() {
        return results;
    }

    /** The ICC of each derived measure between the two coders (the default windows of docs/measures.md). */
    public ObservableList<MeasureReliability.Row> measureIcc() {
        return measureIcc;
    }

    /** The loaded study's session ratings (for {@link #compute}). */
    public List<RatingAgreement.Rated> ratings() {
        return ratings;
    }

    /** Per rating code, the two coders' agreement over the sessions both rated. */
    public ObservableList<RatingAgreement.Row> ratingAgreement() {
        return ratingAgreement;
    }

    public SessionCodings codings() {
        return codings;
    }

    public ObjectProperty<EventAgreement.Row> selectedProperty() {
        return selected;
    }

    public ObservableList<Disagreement> disagreements() {
        return disagreements;
    }

    public StringProperty paragraphProperty() {
        return paragraph;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public List<String> sessionsCompared() {
        return sessionsCompared;
    }
}

package org.attune.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.attune.agreement.Coefficient;
import org.attune.agreement.Icc;
import org.attune.agreement.KrippendorffAlpha;
import org.attune.agreement.QualityBand;
import org.attune.agreement.RatingAgreement;
import org.attune.agreement.RatingData;
import org.attune.agreement.RatingsReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attune agreement …}: inter-rater agreement statistics. */
@Command(name = "agreement", mixinStandardHelpOptions = true, description = "Inter-rater agreement statistics.")
public final class AgreementCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "ratings", mixinStandardHelpOptions = true,
            description = {"Agreement on ratings or categories given to units (κ family, Krippendorff's α, ICC).",
                    "Percent agreement, Cohen's and weighted κ (two raters), Scott's π, κ_max, PABAK, Fleiss' κ, Krippendorff's α",
                    "and the six ICC forms (numeric ratings).",
                    "FILE.csv is long format with the columns unit, rater, value (one row per rating; empty value = missing)."})
    static final class Ratings implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE.csv|STUDY", description = "Ratings in long format (unit,rater,value), or a study: its session ratings, "
                + "each session a unit and each coder a rater, on the scale the scheme declares.")
        StudyArg source;

        /** The file named (ratings CSV or a study); null for a lab study on a server. */
        private Path file;

        @Option(names = "--code", paramLabel = "RATING_CODE", description = "With a study: only this rating code (default: every rating code).")
        String code;

        @Option(names = "--coders", split = ",", paramLabel = "A,B", description = "With a study: only these coders.")
        List<String> coders;

        @Option(names = "--level", description = "Level of measurement for Krippendorff's α: nominal, ordinal, interval or ratio (default: ${DEFAULT-VALUE}).")
        String level = "nominal";

        @Option(names = "--categories", split = ",", paramLabel = "C", description = "The declared category set, in order (default: the values found, "
                + "numbers in numeric order). Weighted κ and ordinal α depend on it: declare unused scale points.")
        List<String> categories;

        @Option(names = "--weights", paramLabel = "linear|quadratic|FILE", description = "Also report weighted κ with these weights; FILE is a k×k CSV "
                + "of agreement weights (1 on the diagonal) in category order. Linear and quadratic are always reported.")
        String weights;

        @Option(names = "--include-training", description = "With a study: also its training sessions (left out otherwise).")
        boolean includeTraining;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            KrippendorffAlpha.Level lvl = KrippendorffAlpha.Level.parse(level).orElse(null);
            if (lvl == null) {
                err.println("--level must be nominal, ordinal, interval or ratio, not '" + level + "'");
                return 2;
            }
            file = source.file();
            if (source.isServer() || Inputs.isStudyFile(file)) return fromStudy(this, out, err);
            List<String> problems = new ArrayList<>();
            RatingData data = read(file, problems);
            if (!problems.isEmpty()) {
                problems.stream().limit(100).forEach(err::println);
                err.println(problems.size() + " problems in " + file + "; nothing was computed.");
                return 1;
            }
            List<String> cats = categories != null ? categories : data.observedCategories();
            for (String unit : data.units()) {
                for (String v : data.valuesOf(unit)) {
                    if (!cats.contains(v)) {
                        err.println(file + ": unit " + unit + " has the value \"" + v + "\", which is not in --categories " + String.join(",", cats));
                        return 1;
                    }
                }
            }
            if ((lvl == KrippendorffAlpha.Level.INTERVAL || lvl == KrippendorffAlpha.Level.RATIO) && !data.isNumeric()) {
                err.println(file + ": --level " + level + " needs numeric values.");
                return 1;
            }
            double[][] custom = null;
            if (weights != null && !weights.equals("linear") && !weights.equals("quadratic")) {
                custom = readWeights(Path.of(weights), cats.size(), err);
                if (custom == null) return 1;
            }
            RatingsReport report = RatingsReport.of(data, cats, lvl, custom);
            if (json) out.println(toJson(report));
            else printText(report, out);
            return 0;
        }
    }

    /** The session ratings of a study, one report per rating code. */
    private static Integer fromStudy(Ratings cmd, PrintWriter out, PrintWriter err) throws IOException {
        try (org.attune.store.Study study = cmd.source.openReadOnly()) {
            List<org.attune.scheme.Code> codes = study.scheme().ratingCodes().stream().filter(c -> cmd.code == null || c.id().equals(cmd.code)).toList();
            if (codes.isEmpty()) {
                err.println(cmd.code == null ? "The scheme of " + cmd.source.shortName() + " has no rating codes." : cmd.code + " is not a rating code of this study's scheme.");
                return 1;
            }
            KrippendorffAlpha.Level lvl = KrippendorffAlpha.Level.parse(cmd.level).orElseThrow();
            if (lvl == KrippendorffAlpha.Level.NOMINAL && !cmd.spec.commandLine().getParseResult().hasMatchedOption("--level")) lvl = KrippendorffAlpha.Level.ORDINAL;
            List<RatingAgreement.Rated> all = study.events().allRatings(cmd.includeTraining).stream()
                    .map(r -> new RatingAgreement.Rated(r.session(), r.coder(), r.code(), r.value())).toList();
            Map<String, RatingsReport> reports = new java.util.LinkedHashMap<>();
            for (org.attune.scheme.Code c : codes) {
                RatingData data = RatingAgreement.data(c.id(), all, cmd.coders == null ? List.of() : cmd.coders, java.util.Set.of());
                reports.put(c.id(), RatingsReport.of(data, RatingAgreement.scale(c), lvl, null));
            }
            if (cmd.json) {
                StringBuilder b = new StringBuilder("{\n  \"ratings\": {");
                int i = 0;
                for (Map.Entry<String, RatingsReport> e : reports.entrySet()) {
                    b.append(i++ == 0 ? "\n" : ",\n").append("    \"").append(e.getKey()).append("\": ").append(toJson(e.getValue()).replace("\n", "\n    "));
                }
                out.println(b.append("\n  }\n}"));
            } else {
                for (Map.Entry<String, RatingsReport> e : reports.entrySet()) {
                    out.println(e.getKey() + " — " + study.scheme().code(e.getKey()).orElseThrow().label());
                    printText(e.getValue(), out);
                }
            }
            return 0;
        } catch (org.attune.store.StudyException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    static RatingData read(Path file, List<String> problems) throws IOException {
        RatingData data = new RatingData();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            problems.add(file + ": no such file");
            return data;
        } catch (java.nio.charset.MalformedInputException e) {
            problems.add(file + ": the file is not UTF-8 text; save it as CSV UTF-8 and try again");
            return data;
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String first = text.lines().findFirst().orElse("");
        if (first.isBlank()) {
            problems.add(file + ":1: " + (text.isBlank() ? "the file is empty" : "the first line is empty") + "; the first line must be unit,rater,value");
            return data;
        }
        char delimiter = first.contains(";") && !first.contains(",") ? ';' : ',';
        // the header is read as a record of its own, so a column named twice is an error, not the last one silently
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get();
        long lineBefore = 0;
        try (Reader in = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(in, format)) {
            java.util.Iterator<CSVRecord> records = parser.iterator();
            CSVRecord names = records.next();
            Map<String, Integer> header = new java.util.HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (header.putIfAbsent(names.get(i).trim(), i) != null) {
                    problems.add(file + ":1: column " + names.get(i).trim() + " is named twice; Attune cannot tell which to read — rename or remove one");
                    return data;
                }
            }
            for (String col : List.of("unit", "rater", "value")) {
                if (!header.containsKey(col)) {
                    problems.add(file + ":1: missing column " + col + "; the first line must be unit,rater,value");
                    return data;
                }
            }
            lineBefore = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord r = records.next();
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                if (r.size() == 1 && r.get(0).isBlank()) continue;
                if (r.size() > names.size()) {
                    problems.add(file + ":" + line + ": has " + r.size() + " fields but the first line names " + names.size()
                            + "; put quotes around a value that contains '" + delimiter + "'");
                    continue;
                }
                String unit = field(r, header.get("unit"));
                String rater = field(r, header.get("rater"));
                if (unit.isEmpty() || rater.isEmpty()) {
                    problems.add(file + ":" + line + ": " + (unit.isEmpty() ? "unit" : "rater") + " is empty");
                    continue;
                }
                try {
                    data.add(unit, rater, field(r, header.get("value")));
                } catch (IllegalArgumentException e) {
                    problems.add(file + ":" + line + ": " + e.getMessage() + "; keep one rating per unit and rater");
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            problems.add(file + ":" + (lineBefore + 1) + ": a quoted value starting on this line is never closed (a \" without its closing \"), "
                    + "so the rest of the file cannot be read; close the quote, or write a \" inside a value as \"\"");
        }
        return data;
    }

    private static String field(CSVRecord r, int column) {
        return column < r.size() ? r.get(column) : "";
    }

    static double[][] readWeights(Path file, int k, PrintWriter err) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        if (lines.size() != k) {
            err.println(file + ": a weight matrix for " + k + " categories needs " + k + " rows, found " + lines.size());
            return null;
        }
        double[][] w = new double[k][k];
        for (int i = 0; i < k; i++) {
            String[] cells = lines.get(i).split("[,;\\t]");
            if (cells.length != k) {
                err.println(file + ":" + (i + 1) + ": needs " + k + " weights, found " + cells.length);
                return null;
            }
            for (int j = 0; j < k; j++) {
                try {
                    w[i][j] = Double.parseDouble(cells[j].trim());
                } catch (NumberFormatException e) {
                    err.println(file + ":" + (i + 1) + ": \"" + cells[j].trim() + "\" is not a number");
                    return null;
                }
                if (w[i][j] < 0 || w[i][j] > 1) {
                    err.println(file + ":" + (i + 1) + ": weights are agreement weights between 0 and 1, found " + w[i][j]);
                    return null;
                }
            }
            if (w[i][i] != 1) {
                err.println(file + ":" + (i + 1) + ": the diagonal (full agreement) must be 1");
                return null;
            }
        }
        return w;
    }

    static String toJson(RatingsReport r) throws IOException {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(s)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("n_units", r.units());
            g.writeNumberField("n_raters", r.raters());
            number(g, "percent_agreement", r.percentAgreement());
            number(g, "cohen_kappa", r.cohenKappa());
            number(g, "weighted_kappa_linear", r.weightedKappaLinear());
            number(g, "weighted_kappa_quadratic", r.weightedKappaQuadratic());
            number(g, "scott_pi", r.scottPi());
            number(g, "fleiss_kappa", r.fleiss().overall());
            number(g, "randolph_kappa", r.randolphKappa());
            number(g, "all_raters_agree", r.allAgree());
            number(g, "krippendorff_alpha", r.krippendorffAlpha());
            if (r.icc() == null) {
                g.writeNullField("icc");
            } else {
                g.writeObjectFieldStart("icc");
                for (Icc.Form f : Icc.Form.values()) number(g, f.name(), r.icc().get(f));
                g.writeEndObject();
            }
            g.writeObjectFieldStart("details");
            g.writeArrayFieldStart("categories");
            for (String c : r.categories()) g.writeString(c);
            g.writeEndArray();
            g.writeStringField("krippendorff_alpha_level", r.level().name().toLowerCase(Locale.ROOT));
            detail(g, "percent_agreement", r.percentAgreement());
            detail(g, "cohen_kappa", r.cohenKappa());
            detail(g, "weighted_kappa_linear", r.weightedKappaLinear());
            detail(g, "weighted_kappa_quadratic", r.weightedKappaQuadratic());
            detail(g, "weighted_kappa_custom", r.customWeights());
            detail(g, "scott_pi", r.scottPi());
            detail(g, "kappa_max", r.kappaMax());
            detail(g, "pabak", r.pabak());
            detail(g, "prevalence_index", r.prevalenceIndex());
            detail(g, "bias_index", r.biasIndex());
            detail(g, "fleiss_kappa", r.fleiss().overall());
            g.writeArrayFieldStart("fleiss_kappa_per_category");
            for (int i = 0; i < r.categories().size(); i++) {
                g.writeStartObject();
                g.writeStringField("category", r.categories().get(i));
                coefficientFields(g, r.fleiss().perCategory().get(i));
                g.writeEndObject();
            }
            g.writeEndArray();
            detail(g, "randolph_kappa", r.randolphKappa());
            detail(g, "all_raters_agree", r.allAgree());
            detail(g, "krippendorff_alpha", r.krippendorffAlpha());
            if (r.icc() != null) {
                g.writeObjectFieldStart("icc");
                g.writeNumberField("units_used", r.icc().units());
                g.writeNumberField("units_left_out_incomplete", r.icc().incompleteUnits());
                for (Icc.Form f : Icc.Form.values()) {
                    g.writeObjectFieldStart(f.name());
                    g.writeStringField("shrout_fleiss", f.shroutFleiss());
                    g.writeStringField("form", f.description());
                    coefficientFields(g, r.icc().get(f));
                    if (r.icc().get(f).isDefined()) g.writeStringField("band_koo_li", QualityBand.KOO_LI.label(r.icc().get(f)));
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return s.toString();
    }

    private static void number(JsonGenerator g, String name, Coefficient c) throws IOException {
        if (c == null || !c.isDefined()) g.writeNullField(name);
        else g.writeNumberField(name, c.get());
    }

    private static void detail(JsonGenerator g, String name, Coefficient c) throws IOException {
        if (c == null) return;
        g.writeObjectFieldStart(name);
        coefficientFields(g, c);
        if (c.isDefined() && name.contains("kappa") && !name.equals("kappa_max")) {
            g.writeStringField("band_landis_koch", QualityBand.LANDIS_KOCH.label(c));
            g.writeStringField("band_fleiss", QualityBand.FLEISS.label(c));
        }
        g.writeEndObject();
    }

    private static void coefficientFields(JsonGenerator g, Coefficient c) throws IOException {
        if (c.isDefined()) g.writeNumberField("value", c.get());
        else g.writeNullField("value");
        if (c.standardError() != null) g.writeNumberField("se", c.standardError());
        if (c.ciLower() != null) {
            g.writeNumberField("ci95_lower", c.ciLower());
            g.writeNumberField("ci95_upper", c.ciUpper());
        }
        if (!c.isDefined()) g.writeStringField("undefined_reason", c.undefinedReason());
    }

    static void printText(RatingsReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%d units, %d raters, categories %s%n", r.units(), r.raters(), String.join(", ", r.categories()));
        line(out, "percent agreement", r.percentAgreement());
        if (r.cohenKappa() != null) {
            line(out, "Cohen's κ", r.cohenKappa());
            line(out, "weighted κ, linear", r.weightedKappaLinear());
            line(out, "weighted κ, quadratic", r.weightedKappaQuadratic());
            if (r.customWeights() != null) line(out, "weighted κ, your weights", r.customWeights());
            line(out, "Scott's π", r.scottPi());
            line(out, "κ_max", r.kappaMax());
            line(out, "PABAK", r.pabak());
        } else {
            out.println("  (Cohen's κ, weighted κ, Scott's π, κ_max and PABAK need exactly two raters)");
        }
        line(out, "Fleiss' κ", r.fleiss().overall());
        line(out, "Randolph's free-marginal κ", r.randolphKappa());
        line(out, "units all raters agree on", r.allAgree());
        line(out, "Krippendorff's α (" + r.level().name().toLowerCase(Locale.ROOT) + ")", r.krippendorffAlpha());
        if (r.icc() != null) {
            for (Icc.Form f : Icc.Form.values()) line(out, f.shroutFleiss() + " " + f.description(), r.icc().get(f), QualityBand.KOO_LI);
            if (r.icc().incompleteUnits() > 0) out.println("  ICC left out " + r.icc().incompleteUnits() + " units not rated by every rater");
        }
    }

    private static void line(PrintWriter out, String name, Coefficient c) {
        line(out, name, c, name.contains("κ") && !name.contains("max") ? QualityBand.LANDIS_KOCH : null);
    }

    private static void line(PrintWriter out, String name, Coefficient c, QualityBand band) {
        if (c == null) return;
        if (!c.isDefined()) {
            out.printf(Locale.ROOT, "  %-28s undefined: %s%n", name, c.undefinedReason());
            return;
        }
        String extra = c.ciLower() == null ? "" : String.format(Locale.ROOT, "  95%% CI [%.3f, %.3f]", c.ciLower(), c.ciUpper());
        if (c.standardError() != null) extra = String.format(Locale.ROOT, "  SE %.3f", c.standardError()) + extra;
        String label = band == null ? "" : "  (" + band.label(c) + ", " + band.source() + ")";
        out.printf(Locale.ROOT, "  %-28s %.3f%s%s%n", name, c.get(), extra, label);
    }

    @Command(name = "measures", mixinStandardHelpOptions = true,
            description = {"Reliability of the derived measures between coders: the ICC of each measure.",
                    "For each measure (docs/measures.md), the ICC forms over the sessions every listed coder coded",
                    "(report ICC(2,1): two-way random effects, absolute agreement, single rater)."})
    static final class Measures implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "STUDY", description = "Study file, or a lab study's address postgresql://…?study=NAME.")
        StudyArg file;

        @Option(names = "--coders", split = ",", required = true, paramLabel = "A,B", description = "Two or more coders' initials.")
        List<String> coders;

        @Option(names = "--window", paramLabel = "S", description = "Response window W in seconds (default: ${DEFAULT-VALUE}).")
        double window = 3;

        @Option(names = "--turn-window", paramLabel = "S", description = "Turn window in seconds (default: ${DEFAULT-VALUE}).")
        double turnWindow = 5;

        @Option(names = "--unit", paramLabel = "S", description = "Time unit in seconds (default: ${DEFAULT-VALUE}).")
        double unit = 1;

        @Option(names = "--include-training", description = "With a study: also its training sessions (left out otherwise).")
        boolean includeTraining;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (coders.size() < 2 || coders.stream().distinct().count() != coders.size()) {
                err.println("--coders takes two or more different coders' initials");
                return 2;
            }
            org.attune.analysis.MeasureParameters p = org.attune.analysis.MeasureParameters.DEFAULTS
                    .withWindows(Math.round(window * 1000), Math.round(turnWindow * 1000), Math.round(unit * 1000));
            List<org.attune.analysis.MeasureReliability.Coded> codings = new ArrayList<>();
            try (org.attune.store.Study study = file.openReadOnly()) {
                org.attune.store.SessionCodings c = org.attune.store.SessionCodings.load(study, java.util.Set.of(), java.util.Set.copyOf(coders), includeTraining);
                c.events().forEach((session, byCoder) -> byCoder.forEach((coder, ev) -> codings.add(new org.attune.analysis.MeasureReliability.Coded(session,
                        coder, org.attune.analysis.SessionMeasures.compute(c.scheme(), ev, c.endMs().get(session), p)))));
            } catch (org.attune.store.StudyException e) {
                err.println(e.getMessage());
                return 1;
            }
            List<org.attune.analysis.MeasureReliability.Row> rows = org.attune.analysis.MeasureReliability.compute(codings, coders);
            if (json) {
                StringWriter s = new StringWriter();
                try (JsonGenerator g = JsonFactory.builder().build().createGenerator(s)) {
                    g.useDefaultPrettyPrinter();
                    g.writeStartObject();
                    g.writeArrayFieldStart("coders");
                    for (String c : coders) g.writeString(c);
                    g.writeEndArray();
                    g.writeArrayFieldStart("measures");
                    for (org.attune.analysis.MeasureReliability.Row r : rows) {
                        g.writeStartObject();
                        g.writeStringField("family", r.family());
                        g.writeStringField("measure", r.measure());
                        g.writeStringField("target", r.target());
                        g.writeStringField("unit", r.unit());
                        g.writeNumberField("sessions", r.sessions());
                        g.writeObjectFieldStart("icc");
                        for (Icc.Form f : Icc.Form.values()) {
                            g.writeObjectFieldStart(f.name());
                            coefficientFields(g, r.icc().get(f));
                            if (r.icc().get(f).isDefined()) g.writeStringField("band_koo_li", QualityBand.KOO_LI.label(r.icc().get(f)));
                            g.writeEndObject();
                        }
                        g.writeEndObject();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                out.println(s);
            } else {
                out.println("ICC(2,1) two-way random effects, absolute agreement, single rater — coders " + String.join(", ", coders));
                for (org.attune.analysis.MeasureReliability.Row r : rows) {
                    Coefficient icc = r.icc().get(Icc.Form.ICC2);
                    out.println(String.format(Locale.ROOT, "  %-14s %-44s %-28s n=%-3d %s", r.family(), r.measure(), r.target(), r.sessions(),
                            icc.isDefined() ? String.format(Locale.ROOT, "%.3f (%s, Koo & Li)", icc.get(), QualityBand.KOO_LI.label(icc)) : "undefined: " + icc.undefinedReason()));
                }
            }
            return 0;
        }
    }
}

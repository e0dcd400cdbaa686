package org.attune.exchange.boris;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.attune.scheme.boris.BorisImporter;
import org.attune.scheme.boris.BorisImporter.BorisFormatException;
import org.attune.scheme.json.LocatedJson;
import org.attune.scheme.json.LocatedJson.Node;

/**
 * The observations of a BORIS project file as BORIS saved them (format: shared/reference/interchange-formats.md
 * §1a, project format versions 1.6 to 7.0; plain or gzipped JSON). Nothing is interpreted here beyond the
 * file's own structure; every observation and event row keeps the line it was read from, for located
 * messages. {@link BorisObservations} maps them onto a study.
 */
public record BorisProject(String fileName, String formatVersion, List<String> subjects, Map<String, List<ModifierSetDef>> modifierSets,
                           List<Observation> observations) {

    /** One of a behaviour's modifier sets as the ethogram defines it: its name and BORIS type (0 single, 1 multiple, 2 numeric, 3 external data). */
    public record ModifierSetDef(String name, int type) {
        /** A number or a value from a data file, not a choice from a list. */
        public boolean free() {
            return type == 2 || type == 3;
        }
    }

    /** One event row: {@code [time, subject, code, modifiers, comment(, frame index)]}; time in seconds as written. */
    public record Row(int line, BigDecimal time, String subject, String code, String modifiers, String comment) {
    }

    /**
     * One observation. {@code media}: player number → the files queued in it; {@code offsets}: player → its
     * offset in seconds; {@code fps} and {@code lengths}: by file path as written.
     */
    public record Observation(String id, int line, String type, String date, String description, Map<String, String> variables,
                              Map<Integer, List<String>> media, Map<Integer, BigDecimal> offsets, Map<String, Double> fps,
                              Map<String, Double> lengths, List<Row> events) {
    }

    public static BorisProject parse(byte[] bytes, String fileName) throws BorisFormatException {
        Node root = BorisImporter.parseProject(bytes, fileName);
        Node obs = LocatedJson.member(root, "observations")
                .orElseThrow(() -> new BorisFormatException(fileName + ": no \"observations\" found — is this a BORIS project file (.boris)?"));
        if (!(obs instanceof LocatedJson.ObjectNode all)) throw new BorisFormatException(fileName + ": \"observations\" is not an object — is this a BORIS project?");
        String version = LocatedJson.member(root, "project_format_version").map(BorisProject::textOf).orElse("");
        List<Observation> out = new ArrayList<>();
        for (LocatedJson.Member m : all.members()) out.add(observation(fileName, m));
        List<String> subjects = new ArrayList<>();
        LocatedJson.member(root, "subjects_conf").ifPresent(conf -> {
            if (conf instanceof LocatedJson.ObjectNode byIndex) {
                for (LocatedJson.Member m : byIndex.members()) {
                    String name = LocatedJson.member(m.value(), "name").map(BorisProject::textOf).orElse("").trim();
                    if (!name.isEmpty() && !subjects.contains(name)) subjects.add(name);
                }
            }
        });
        Map<String, List<ModifierSetDef>> sets = new LinkedHashMap<>();
        LocatedJson.member(root, "behaviors_conf").ifPresent(conf -> {
            if (!(conf instanceof LocatedJson.ObjectNode byIndex)) return;
            List<LocatedJson.Member> ordered = new ArrayList<>(byIndex.members());
            ordered.sort((a, b) -> Integer.compare(index(a.name()), index(b.name())));
            for (LocatedJson.Member b : ordered) {
                String code = LocatedJson.member(b.value(), "code").map(BorisProject::textOf).orElse("").trim();
                List<ModifierSetDef> defs = new ArrayList<>();
                LocatedJson.member(b.value(), "modifiers").ifPresent(mods -> {
                    if (!(mods instanceof LocatedJson.ObjectNode setsByIndex)) return;
                    List<LocatedJson.Member> setOrder = new ArrayList<>(setsByIndex.members());
                    setOrder.sort((x, y) -> Integer.compare(index(x.name()), index(y.name())));
                    for (LocatedJson.Member m : setOrder) {
                        String setName = LocatedJson.member(m.value(), "name").map(BorisProject::textOf).orElse("");
                        int type = LocatedJson.member(m.value(), "type").map(BorisProject::textOf).map(BorisProject::index).orElse(0);
                        defs.add(new ModifierSetDef(setName.isBlank() ? "Modifier " + (defs.size() + 1) : setName, type));
                    }
                });
                if (!code.isEmpty()) sets.putIfAbsent(code, List.copyOf(defs));
            }
        });
        return new BorisProject(fileName, version, List.copyOf(subjects), sets, out);
    }

    private static Observation observation(String fileName, LocatedJson.Member m) throws BorisFormatException {
        Node o = m.value();
        int line = m.namePosition().line();
        if (!(o instanceof LocatedJson.ObjectNode)) throw new BorisFormatException(fileName + ":" + line + ": observation \"" + m.name() + "\" is not an object.");
        Map<String, String> variables = new LinkedHashMap<>();
        member(o, "independent_variables").ifPresent(v -> {
            if (v instanceof LocatedJson.ObjectNode vars) for (LocatedJson.Member x : vars.members()) variables.put(x.name(), textOf(x.value()));
        });
        Map<Integer, List<String>> media = new TreeMap<>();
        Optional<Node> files = member(o, "file");
        if (files.isPresent() && files.get() instanceof LocatedJson.ObjectNode players) {
            for (LocatedJson.Member p : players.members()) {
                List<String> queued = new ArrayList<>();
                if (p.value() instanceof LocatedJson.ArrayNode list) for (Node f : list.elements()) queued.add(textOf(f));
                else if (p.value() instanceof LocatedJson.StringNode one) queued.add(one.value());
                queued.removeIf(String::isBlank);
                if (!queued.isEmpty()) media.put(player(fileName, p), queued);
            }
        }
        Map<Integer, BigDecimal> offsets = new TreeMap<>();
        Map<String, Double> fps = new LinkedHashMap<>();
        Map<String, Double> lengths = new LinkedHashMap<>();
        Optional<Node> info = member(o, "media_info");
        if (info.isPresent()) {
            member(info.get(), "offset").ifPresent(off -> {
                if (off instanceof LocatedJson.ObjectNode byPlayer) {
                    for (LocatedJson.Member p : byPlayer.members()) {
                        if (p.value() instanceof LocatedJson.NumberNode n) {
                            try {
                                offsets.put(player(fileName, p), n.value());
                            } catch (BorisFormatException e) {
                                // a player that is not a number has no media either
                            }
                        }
                    }
                }
            });
            numbers(info.get(), "fps", fps);
            numbers(info.get(), "length", lengths);
        }
        // before format 7.0: one offset, for the second player
        member(o, "time offset second player").ifPresent(n -> {
            if (n instanceof LocatedJson.NumberNode num && !offsets.containsKey(2)) offsets.put(2, num.value());
        });
        List<Row> events = new ArrayList<>();
        Optional<Node> ev = member(o, "events");
        if (ev.isPresent()) {
            if (!(ev.get() instanceof LocatedJson.ArrayNode rows)) throw new BorisFormatException(fileName + ":" + line + ": the events of \"" + m.name() + "\" are not a list.");
            for (Node r : rows.elements()) events.add(row(fileName, m.name(), r));
        }
        return new Observation(m.name(), line, member(o, "type").map(BorisProject::textOf).orElse("MEDIA"), member(o, "date").map(BorisProject::textOf).orElse(""),
                member(o, "description").map(BorisProject::textOf).orElse(""), variables, media, offsets, fps, lengths, events);
    }

    private static Row row(String fileName, String obs, Node r) throws BorisFormatException {
        int line = r.position().line();
        String where = fileName + ":" + line + ": observation \"" + obs + "\": ";
        if (!(r instanceof LocatedJson.ArrayNode a) || a.elements().size() < 3) {
            throw new BorisFormatException(where + "an event is not a list of [time, subject, code, modifiers, comment]; re-save the project in BORIS.");
        }
        List<Node> f = a.elements();
        BigDecimal time;
        if (f.get(0) instanceof LocatedJson.NumberNode n) {
            time = n.value();
        } else {
            try {
                time = new BigDecimal(textOf(f.get(0)).trim());
            } catch (NumberFormatException e) {
                throw new BorisFormatException(where + "the event time \"" + textOf(f.get(0)) + "\" is not a number of seconds.");
            }
        }
        return new Row(line, time, textOf(f.get(1)), textOf(f.get(2)), f.size() > 3 ? textOf(f.get(3)) : "", f.size() > 4 ? textOf(f.get(4)) : "");
    }

    private static int player(String fileName, LocatedJson.Member p) throws BorisFormatException {
        try {
            return Integer.parseInt(p.name().trim());
        } catch (NumberFormatException e) {
            throw new BorisFormatException(fileName + ":" + p.namePosition().line() + ": player \"" + p.name() + "\" is not a player number (1–8).");
        }
    }

    private static void numbers(Node info, String name, Map<String, Double> into) {
        member(info, name).ifPresent(v -> {
            if (v instanceof LocatedJson.ObjectNode byPath) {
                for (LocatedJson.Member x : byPath.members()) if (x.value() instanceof LocatedJson.NumberNode n) into.put(x.name(), n.value().doubleValue());
            }
        });
    }

    private static Optional<Node> member(Node o, String name) {
        return LocatedJson.member(o, name);
    }

    private static int index(String n) {
        try {
            return Integer.parseInt(n.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A value as text: strings as they are, numbers in plain notation, null as "". */
    static String textOf(Node n) {
        if (n instanceof LocatedJson.StringNode s) return s.value();
        if (n instanceof LocatedJson.NumberNode num) return num.value().stripTrailingZeros().toPlainString();
        if (n instanceof LocatedJson.BooleanNode b) return Boolean.toString(b.value());
        return "";
    }
}

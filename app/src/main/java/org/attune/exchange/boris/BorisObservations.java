package org.attune.exchange.boris;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;
import org.attune.coding.NewMedia;
import org.attune.coding.Session;
import org.attune.scheme.Code;
import org.attune.scheme.CodeKind;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.ModifierSet;

/**
 * A BORIS project's observations mapped onto a study: each observation a session (label = its id, date,
 * description → notes, independent variables → the session's other fields, the video of players 1–4 with
 * their offsets), its events one pass of a coder. BORIS stores no start or stop: rows with the same
 * subject, code and modifiers alternate start, stop in time order, and a start left without its stop is
 * kept running (as BORIS shows it) and reported. Codes are matched to the scheme's by id, then by label;
 * modifier sets ({@code |}-separated, choices {@code ,}-separated) in the order the code lists them; the
 * subject to a modifier set {@code subject} where the code has one. Anything that cannot be mapped is a
 * problem listed by name, and then nothing is imported.
 */
public final class BorisObservations {

    /** What importing would add, and what the researcher should read first. Import only when {@code problems} is empty. */
    public record Plan(List<Session> sessions, List<List<NewMedia>> media, List<EventRow> rows, List<String> report, List<String> problems) {
    }

    /** One event for a session (by label) and coder (by initials), with the line of the project file it came from. */
    public record EventRow(String session, String coder, EventDraft event, int line) {
    }

    /** The modifier set a scheme made from a BORIS project keeps each event's subject in. */
    public static final String SUBJECT_SET = "subject";

    /** BORIS writes a time beyond a week as clock time (seconds since 1970): a live observation, no video clock. */
    private static final BigDecimal A_WEEK = BigDecimal.valueOf(7 * 24 * 3600);

    private final CodingScheme scheme;
    /** The project's modifier sets per BORIS code, to align an event's {@code |}-separated parts with the scheme's sets by name. */
    private Map<String, List<BorisProject.ModifierSetDef>> borisSets = Map.of();
    private final java.util.Set<String> freeValuesSaid = new java.util.HashSet<>();
    private final List<String> report = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> unmappedCodes = new TreeMap<>();

    private BorisObservations(CodingScheme scheme) {
        this.scheme = scheme;
    }

    /**
     * @param selected  observation ids to import (empty: all)
     * @param coderOf   observation id → coder initials; observations not named get {@code coder}
     * @param sessionOf observation id → the observation whose session it joins (double coding: two observations
     *                  of one video, one per coder); observations not named get a session of their own
     * @param existing  the labels of the study's sessions (a new session may not take one)
     */
    public static Plan plan(BorisProject project, CodingScheme scheme, Path projectDir, String coder, Set<String> selected,
                            Map<String, String> coderOf, Map<String, String> sessionOf, Set<String> existing) {
        return new BorisObservations(scheme).map(project, projectDir, coder, selected, coderOf, sessionOf, existing);
    }

    private Plan map(BorisProject project, Path projectDir, String coder, Set<String> selected, Map<String, String> coderOf,
                     Map<String, String> sessionOf, Set<String> existing) {
        borisSets = project.modifierSets();
        for (String id : selected) {
            if (project.observations().stream().noneMatch(o -> o.id().equals(id))) problems.add("there is no observation \"" + id + "\" in " + project.fileName());
        }
        Map<String, BorisProject.Observation> byId = new LinkedHashMap<>();
        for (BorisProject.Observation o : project.observations()) byId.put(o.id(), o);
        List<Session> sessions = new ArrayList<>();
        List<List<NewMedia>> media = new ArrayList<>();
        List<EventRow> rows = new ArrayList<>();
        Map<String, String> passesSeen = new HashMap<>();
        for (BorisProject.Observation o : project.observations()) {
            if (!selected.isEmpty() && !selected.contains(o.id())) continue;
            String where = project.fileName() + ":" + o.line() + ": observation \"" + o.id() + "\"";
            if (!o.type().equalsIgnoreCase("MEDIA")) {
                report.add("observation \"" + o.id() + "\" (" + o.type().toLowerCase(Locale.ROOT) + ") was skipped: it has no video clock to code on");
                continue;
            }
            String home = sessionOf.getOrDefault(o.id(), o.id());
            String label = home.trim();
            String initials = coderOf.getOrDefault(o.id(), coder);
            if (passesSeen.put(label + "/" + initials, o.id()) != null) {
                problems.add(where + ": coder " + initials + " already has a pass of session " + label + " from observation \""
                        + passesSeen.get(label + "/" + initials) + "\"; give each observation of one session its own coder (--pair)");
                continue;
            }
            if (home.equals(o.id())) {
                if (existing.contains(label)) {
                    problems.add(where + ": the study already has a session " + label + "; nothing of it was imported (import it into another study, or rename the session)");
                    continue;
                }
                sessions.add(new Session(0, label, "", date(o.date()), null, "", o.description(), o.variables()));
                media.add(media(o, projectDir));
            } else if (!byId.containsKey(home)) {
                problems.add(where + ": it is paired with observation \"" + home + "\", which is not in the project");
                continue;
            } else {
                report.add("observation \"" + o.id() + "\" is coder " + initials + "'s pass of session " + label + " (the observation \"" + home + "\")");
            }
            rows.addAll(events(o, label, initials, where));
        }
        unmappedCodes.forEach((code, n) -> problems.add("code \"" + code + "\" (" + n + " event" + (n == 1 ? "" : "s")
                + ") is not in the study's scheme \"" + scheme.name() + "\": add it to the scheme, or import into a study made from this project"));
        report.add(count(sessions.size(), "session") + ", " + count(rows.size(), "event") + " to import");
        return new Plan(sessions, media, rows, List.copyOf(report), List.copyOf(problems));
    }

    /** The videos of players 1–4 (the first file each queues), at their offsets; the rest reported. */
    private List<NewMedia> media(BorisProject.Observation o, Path projectDir) {
        List<NewMedia> out = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> p : o.media().entrySet()) {
            int player = p.getKey();
            String first = p.getValue().get(0);
            if (player < 1 || player > 4) {
                report.add("observation \"" + o.id() + "\": player " + player + " (" + first + ") was left out: a session has cameras 1–4");
                continue;
            }
            if (p.getValue().size() > 1) {
                report.add("observation \"" + o.id() + "\": player " + player + " queues " + p.getValue().size() + " files; only " + first
                        + " was attached (BORIS's times run on across the queue: times past its end have no video here)");
            }
            Path file = Path.of(first);
            if (!file.isAbsolute()) file = projectDir.resolve(file).normalize();
            if (!Files.isRegularFile(file)) report.add("observation \"" + o.id() + "\": video " + first + " is not at " + file + " — relink it in the Study tab");
            BigDecimal offset = o.offsets().getOrDefault(player, BigDecimal.ZERO);
            long offsetMs = offset.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
            if (offsetMs != 0) {
                report.add("observation \"" + o.id() + "\": player " + player + "'s offset " + offset.toPlainString() + " s became camera " + player
                        + "'s offset (its time 0 at " + offset.toPlainString() + " s of camera 1); check it in the session's Offset…");
            }
            Double fps = o.fps().get(first);
            Double length = o.lengths().get(first);
            out.add(new NewMedia(file, player, offsetMs, fps != null && fps > 0 ? fps : null, length != null && length > 0 ? Math.round(length * 1000) : null));
        }
        return out;
    }

    /** The observation's rows as events: points as they are, states paired start-stop per subject, code and modifiers. */
    private List<EventRow> events(BorisProject.Observation o, String label, String initials, String where) {
        List<EventRow> out = new ArrayList<>();
        Map<String, Deque<BorisProject.Row>> open = new LinkedHashMap<>();
        List<BorisProject.Row> sorted = new ArrayList<>(o.events());
        sorted.sort((a, b) -> a.time().compareTo(b.time())); // stable: rows at one time keep the file's order
        for (BorisProject.Row r : sorted) {
            String at = where + ", line " + r.line();
            Optional<Code> code = code(r.code());
            if (code.isEmpty()) {
                unmappedCodes.merge(r.code(), 1, Integer::sum);
                continue;
            }
            if (r.time().signum() < 0 || r.time().compareTo(A_WEEK) > 0) {
                problems.add(at + ": time " + r.time().toPlainString() + " s is not a time on a video (BORIS writes clock time for live observations)");
                continue;
            }
            StringBuilder free = new StringBuilder();
            Optional<Modifiers> mods = modifiers(code.get(), r, at, free);
            if (mods.isEmpty()) continue;
            if (free.length() > 0) r = new BorisProject.Row(r.line(), r.time(), r.subject(), r.code(), r.modifiers(),
                    r.comment().isEmpty() ? free.toString() : r.comment() + " " + free);
            long ms = r.time().movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
            if (code.get().kind() == CodeKind.POINT) {
                out.add(new EventRow(label, initials, new EventDraft(code.get().id(), ms, ms, mods.get(), r.comment()), r.line()));
            } else if (code.get().kind() == CodeKind.STATE) {
                String key = r.subject() + "\u0000" + r.code() + "\u0000" + r.modifiers();
                Deque<BorisProject.Row> started = open.computeIfAbsent(key, k -> new ArrayDeque<>());
                if (started.isEmpty()) {
                    started.push(r);
                } else {
                    BorisProject.Row start = started.pop();
                    long on = start.time().movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
                    String comment = start.comment().isEmpty() ? r.comment() : r.comment().isEmpty() || r.comment().equals(start.comment())
                            ? start.comment() : start.comment() + " / " + r.comment();
                    out.add(new EventRow(label, initials, new EventDraft(code.get().id(), on, ms, mods.get(), comment), start.line()));
                }
            } else {
                problems.add(at + ": code \"" + r.code() + "\" is a session rating in the scheme, not an event");
            }
        }
        for (Deque<BorisProject.Row> left : open.values()) {
            for (BorisProject.Row r : left) {
                Code c = code(r.code()).orElseThrow();
                long on = r.time().movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
                report.add("observation \"" + o.id() + "\": state " + c.id() + (r.subject().isEmpty() ? "" : " of " + r.subject()) + " started at "
                        + r.time().toPlainString() + " s has no stop; it was left running, as BORIS shows it (line " + r.line() + ")");
                out.add(new EventRow(label, initials, new EventDraft(c.id(), on, null, modifiers(c, r, "", new StringBuilder()).orElse(Modifiers.NONE), r.comment()), r.line()));
            }
        }
        return out;
    }

    /** The scheme's code for a BORIS code: by id, then label, then either ignoring case. */
    private Optional<Code> code(String name) {
        return org.attune.exchange.CodeNames.code(scheme.codes(), name.trim());
    }

    /** BORIS's modifier text and subject as the code's modifiers; empty (and a problem) when a value is not in the code's sets. */
    private Optional<Modifiers> modifiers(Code code, BorisProject.Row r, String at, StringBuilder free) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        List<ModifierSet> sets = new ArrayList<>();
        ModifierSet subjectSet = null;
        for (ModifierSet s : code.modifiers()) {
            if (s.id().equals(SUBJECT_SET)) subjectSet = s;
            else sets.add(s);
        }
        boolean ok = true;
        if (!r.subject().isBlank() && subjectSet != null) {
            Optional<ModifierSet.Value> v = value(subjectSet, r.subject());
            if (v.isPresent()) chosen.put(SUBJECT_SET, List.of(v.get().id()));
            else ok = problem(at, "subject \"" + r.subject() + "\" is not a subject of code " + code.id());
        }
        List<BorisProject.ModifierSetDef> known = borisSets.getOrDefault(r.code().trim(), List.of());
        if (!r.modifiers().isBlank() && known.isEmpty() && sets.isEmpty()) {
            // the ethogram defines no modifiers the scheme has (before BORIS format 4.0 they were a string): kept as text
            free.append("[modifiers=").append(r.modifiers()).append(']');
            if (freeValuesSaid.add(code.id() + "/")) {
                report.add("the modifiers of " + r.code() + " have no set in the scheme: kept in each event's comment as [modifiers=…]");
            }
            return ok ? Optional.of(Modifiers.of(chosen)) : Optional.empty();
        }
        if (!r.modifiers().isBlank()) {
            String[] parts = r.modifiers().split("\\|", -1);
            List<BorisProject.ModifierSetDef> defs = known;
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].trim();
                if (part.isEmpty() || part.equals("None")) continue;
                // the part's set: by the ethogram's name where the project defines it, else by position
                ModifierSet set = null;
                if (i < defs.size()) {
                    BorisProject.ModifierSetDef def = defs.get(i);
                    for (ModifierSet s : sets) if (s.label().equalsIgnoreCase(def.name())) set = s;
                    if (set == null && def.free()) {
                        // a number or a data-file value: Attune modifiers are choices, so it is kept in the comment
                        free.append('[').append(def.name()).append('=').append(part).append(']');
                        if (freeValuesSaid.add(code.id() + "/" + def.name())) {
                            report.add("modifier \"" + def.name() + "\" of " + r.code() + " is a " + (def.type() == 2 ? "number" : "value from a data file")
                                    + ": kept in each event's comment as [" + def.name() + "=…]");
                        }
                        continue;
                    }
                } else if (defs.isEmpty() && i < sets.size()) {
                    set = sets.get(i);
                }
                if (set == null) {
                    ok = problem(at, "modifiers \"" + r.modifiers() + "\": part " + (i + 1) + " (\"" + part + "\") has no modifier set in code " + code.id());
                    break;
                }
                final ModifierSet target = set;
                List<String> values = new ArrayList<>();
                for (String one : part.split(",")) {
                    Optional<ModifierSet.Value> v = value(target, one.trim());
                    if (v.isPresent()) values.add(v.get().id());
                    else ok = problem(at, "modifier \"" + one.trim() + "\" is not a value of " + code.id() + "'s set \"" + target.label() + "\"");
                }
                if (values.size() > 1 && target.choice() == ModifierSet.Choice.SINGLE) {
                    ok = problem(at, "modifier set \"" + target.label() + "\" of " + code.id() + " takes one value, the event has " + values.size());
                }
                chosen.put(target.id(), values);
            }
        }
        return ok ? Optional.of(Modifiers.of(chosen)) : Optional.empty();
    }

    private boolean problem(String at, String what) {
        if (!at.isEmpty()) problems.add(at + ": " + what);
        return false;
    }

    /** A set's value by label or id, ignoring case and a BORIS key suffix such as " (k)". */
    private static Optional<ModifierSet.Value> value(ModifierSet set, String text) {
        String t = text.replaceFirst("\\s*\\(.\\)$", "");
        for (ModifierSet.Value v : set.values()) if (v.label().equals(text) || v.id().equals(text)) return Optional.of(v);
        for (ModifierSet.Value v : set.values()) {
            String label = v.label().replaceFirst("\\s*\\(.\\)$", "");
            if (label.equalsIgnoreCase(t) || v.id().equalsIgnoreCase(t)) return Optional.of(v);
        }
        return Optional.empty();
    }

    /**
     * The scheme made from a project's ethogram, with the project's subjects as a modifier set
     * {@value #SUBJECT_SET} on every event code: BORIS codes each event with a subject, an Attune code
     * belongs to one subject, so the subject an event had is kept in its modifiers (and written back).
     */
    public static CodingScheme withSubjects(CodingScheme scheme, List<String> subjects) {
        if (subjects.isEmpty()) return scheme;
        List<ModifierSet.Value> values = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String s : subjects) {
            String id = s.replaceAll("[^A-Za-z0-9_]", "_");
            if (id.isEmpty() || !Character.isLetter(id.charAt(0))) id = "s_" + id;
            String unique = id;
            for (int i = 2; !ids.add(unique); i++) unique = id + "_" + i;
            values.add(new ModifierSet.Value(unique, s));
        }
        ModifierSet subject = new ModifierSet(SUBJECT_SET, "Subject", ModifierSet.Choice.SINGLE, values);
        List<Code> codes = new ArrayList<>();
        for (Code c : scheme.codes()) {
            if (!c.kind().isTimed() || c.modifiers().stream().anyMatch(m -> m.id().equals(SUBJECT_SET))) {
                codes.add(c);
                continue;
            }
            List<ModifierSet> sets = new ArrayList<>(c.modifiers());
            sets.add(subject);
            codes.add(new Code(c.id(), c.label(), c.family(), c.subject(), c.kind(), c.group(), c.key(), c.color(), sets, c.roles(), c.definition(),
                    c.scale(), c.source(), c.lineage()));
        }
        return new CodingScheme(scheme.id(), scheme.name(), scheme.version(), scheme.description(), scheme.references(), scheme.families(), scheme.groups(),
                scheme.exclusions(), codes, scheme.instruments());
    }

    /** "1 session", "2 sessions". */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The day of an observation's ISO date-time ("2016-11-27T01:57:26" → "2016-11-27"); "" when there is none. */
    private static String date(String iso) {
        return iso.length() >= 10 && iso.charAt(4) == '-' ? iso.substring(0, 10) : "";
    }
}

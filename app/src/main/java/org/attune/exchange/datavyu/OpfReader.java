package org.attune.exchange.datavyu;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.attune.coding.EventDraft;
import org.attune.coding.Modifiers;
import org.attune.exchange.CodeNames;
import org.attune.scheme.Code;
import org.attune.scheme.CodeKind;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.ModifierSet;

/**
 * A Datavyu project ({@code .opf}: a zip whose {@code db} entry is Datavyu's "#4" text — a header line per
 * column, {@code NAME (TYPE,visible,)[-arg|TYPE,…]}, then its cells {@code HH:MM:SS:mmm,HH:MM:SS:mmm,value};
 * shared/reference/interchange-formats.md §1c) read as events of a scheme. A column named like a code (id
 * or label), or mapped to one, gives that code's events: a MATRIX cell's arguments become the modifiers of
 * the sets with their names, a NOMINAL or TEXT cell's value the one modifier set's value (or, without one,
 * the comment). A column mapped to a family names the code in each cell's value. A cell whose onset equals
 * its offset is a point (Datavyu's convention). Every problem names its line; with any, nothing is to be
 * imported.
 */
public final class OpfReader {

    /** One event, with the line of the {@code db} entry it came from. */
    public record Row(EventDraft event, int line) {
    }

    public record Result(List<Row> rows, List<String> problems, List<String> notes) {
    }

    private static final Pattern HEADER = Pattern.compile("^(.+?) \\((\\w+),(true|false),\\)(?:-(.*))?$");
    private static final Pattern CELL = Pattern.compile("^(\\d+):(\\d{2}):(\\d{2}):(\\d{3}),(\\d+):(\\d{2}):(\\d{2}):(\\d{3}),(.*)$");

    private OpfReader() {
    }

    /** @param columnMap column name → code id, or family id or label */
    public static Result read(byte[] opf, String fileName, CodingScheme scheme, Map<String, String> columnMap) {
        List<String> problems = new ArrayList<>();
        String db;
        try {
            db = dbEntry(opf);
        } catch (IOException e) {
            return new Result(List.of(), List.of(fileName + ": not a readable Datavyu project (" + e.getMessage() + "); open and save it in Datavyu"), List.of());
        }
        if (db == null) return new Result(List.of(), List.of(fileName + ": no \"db\" entry — this is not a Datavyu project (.opf)"), List.of());
        String[] lines = joinEscapedBreaks(db).split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("#4")) {
            return new Result(List.of(), List.of(fileName + ":db:1: \"" + (lines.length == 0 ? "" : lines[0].strip())
                    + "\" — only Datavyu's #4 format is read; open and save the project in a current Datavyu"), List.of());
        }
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> unmapped = new LinkedHashMap<>();
        String column = null;
        String type = null;
        List<String> args = List.of();
        Optional<Code> code = Optional.empty();
        List<Code> family = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int n = i + 1;
            if (line.isBlank()) continue;
            String at = fileName + ":db:" + n;
            Matcher cell = CELL.matcher(line);
            if (cell.matches()) {
                if (column == null) {
                    problems.add(at + ": a cell before any column");
                    continue;
                }
                if (code.isEmpty() && family == null) {
                    unmapped.merge(column, 1, Integer::sum);
                    continue;
                }
                long on = ms(cell, 1);
                long off = ms(cell, 5);
                String value = cell.group(9);
                Optional<Code> c = code;
                List<String> values = type.equals("MATRIX") ? matrix(value) : List.of(unescape(value));
                if (family != null) {
                    String name = values.isEmpty() ? "" : values.get(0).trim();
                    c = CodeNames.code(family, name);
                    if (c.isEmpty()) {
                        problems.add(at + ": column \"" + column + "\": \"" + name + "\" is not a code of its family");
                        continue;
                    }
                    values = values.size() > 1 ? values.subList(1, values.size()) : List.of();
                }
                if (off < on) {
                    problems.add(at + ": column \"" + column + "\": offset before onset");
                    continue;
                }
                Map<String, List<String>> mods = new LinkedHashMap<>();
                StringBuilder comment = new StringBuilder();
                if (!modifiers(c.get(), type, args, values, mods, comment, at, problems)) continue;
                Modifiers m;
                try {
                    m = Modifiers.of(mods);
                } catch (IllegalArgumentException e) {
                    problems.add(at + ": " + e.getMessage());
                    continue;
                }
                boolean point = c.get().kind() == CodeKind.POINT || on == off;
                if (point && c.get().kind() == CodeKind.STATE) {
                    problems.add(at + ": column \"" + column + "\": a cell with onset = offset is a point, and " + c.get().id() + " is a state");
                    continue;
                }
                rows.add(new Row(new EventDraft(c.get().id(), on, point ? on : off, m, comment.toString()), n));
                continue;
            }
            Matcher h = HEADER.matcher(line);
            if (!h.matches()) {
                problems.add(at + ": \"" + line + "\" is neither a column (NAME (TYPE,visible,)) nor a cell (HH:MM:SS:mmm,HH:MM:SS:mmm,value)");
                continue;
            }
            column = unescape(h.group(1));
            type = h.group(2).toUpperCase(java.util.Locale.ROOT);
            args = new ArrayList<>();
            if (h.group(4) != null && !h.group(4).isEmpty()) {
                for (String a : splitUnescaped(h.group(4), ',')) args.add(unescape(a.replaceFirst("\\|\\w+$", "")));
            }
            String target = columnMap.getOrDefault(column, column);
            code = CodeNames.code(scheme.timedCodes(), target);
            family = code.isPresent() ? null : CodeNames.family(scheme, target).map(f -> CodeNames.timedCodesOf(scheme, f)).orElse(null);
        }
        unmapped.forEach((col, k) -> problems.add(fileName + ": column \"" + col + "\" (" + k + " cell" + (k == 1 ? "" : "s")
                + ") is not a code or family of the scheme; map it (--map columns.csv: column,code)"));
        for (String mapped : columnMap.keySet()) {
            if (!db.contains(mapped)) problems.add(fileName + ": the column map names column \"" + mapped + "\", which the project does not have");
        }
        return new Result(rows, problems, notes);
    }

    /** A cell's values as modifiers of the code (MATRIX arguments by set name; one value for a code with one set; else the comment). */
    private static boolean modifiers(Code c, String type, List<String> args, List<String> values, Map<String, List<String>> mods, StringBuilder comment,
                                     String at, List<String> problems) {
        if (type.equals("MATRIX")) {
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i).trim();
                if (v.isEmpty()) continue;
                String arg = i < args.size() ? args.get(i) : "";
                Optional<ModifierSet> set = c.modifiers().stream().filter(s -> s.id().equalsIgnoreCase(arg) || s.label().equalsIgnoreCase(arg)).findFirst();
                if (set.isEmpty()) {
                    if (comment.length() > 0) comment.append("; ");
                    comment.append(arg.isEmpty() ? v : arg + "=" + v);
                    continue;
                }
                Optional<ModifierSet.Value> val = CodeNames.value(set.get(), v);
                if (val.isEmpty()) {
                    problems.add(at + ": \"" + v + "\" is not a value of " + c.id() + "'s set \"" + set.get().label() + "\"");
                    return false;
                }
                mods.computeIfAbsent(set.get().id(), k -> new ArrayList<>()).add(val.get().id());
            }
            return true;
        }
        String v = values.isEmpty() ? "" : values.get(0).trim();
        if (v.isEmpty()) return true;
        if (c.modifiers().size() == 1) {
            ModifierSet set = c.modifiers().get(0);
            Optional<ModifierSet.Value> val = CodeNames.value(set, v);
            if (val.isPresent()) {
                mods.put(set.id(), List.of(val.get().id()));
                return true;
            }
        }
        comment.append(v);
        return true;
    }

    private static long ms(Matcher m, int g) {
        return ((Long.parseLong(m.group(g)) * 60 + Long.parseLong(m.group(g + 1))) * 60 + Long.parseLong(m.group(g + 2))) * 1000 + Long.parseLong(m.group(g + 3));
    }

    /** A MATRIX value "(a,b,c)" as its arguments, backslash escapes undone. */
    static List<String> matrix(String value) {
        String v = value.strip();
        if (v.startsWith("(") && v.endsWith(")")) v = v.substring(1, v.length() - 1);
        List<String> out = new ArrayList<>();
        for (String part : splitUnescaped(v, ',')) out.add(unescape(part));
        return out;
    }

    private static List<String> splitUnescaped(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                b.append(ch).append(s.charAt(++i));
            } else if (ch == sep) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        out.add(b.toString());
        return out;
    }

    /** Datavyu's backslash escapes undone ("\," → ",", "\n" stays a backslash-n as Datavyu writes a line break escaped). */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                b.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** A line break Datavyu escaped (a backslash before it: a break inside a value) as "\n", so each cell stays on one line. */
    static String joinEscapedBreaks(String db) {
        StringBuilder b = new StringBuilder(db.length());
        int slashes = 0;
        for (int i = 0; i < db.length(); i++) {
            char ch = db.charAt(i);
            if ((ch == '\n' || ch == '\r') && slashes % 2 == 1) {
                b.append(ch == '\n' ? 'n' : 'r'); // the backslash is already there: "\" + "n"
                slashes = 0;
                continue;
            }
            slashes = ch == '\\' ? slashes + 1 : 0;
            b.append(ch);
        }
        return b.toString();
    }

    private static String dbEntry(byte[] opf) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(opf), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals("db")) return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

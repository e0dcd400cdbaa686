package org.attune.store.pg;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lab study on a PostgreSQL server, named as a study file is (issue 18, ADR 12):
 * {@code postgresql://[USER@]HOST[:PORT]/DATABASE?study=NAME[&sslmode=…]}. A password never travels in it: it
 * comes from {@code PGPASSWORD}, {@code ~/.pgpass} or a prompt.
 *
 * @param study the study's name in the database (its schema is {@code attune_<name>})
 */
public record ServerUrl(Optional<String> user, String host, int port, String database, String study, Optional<String> sslMode) {

    public static final int DEFAULT_PORT = 5432;

    /** Whether a study argument names a server study rather than a file. */
    public static boolean isServer(String text) {
        return text.startsWith("postgresql://") || text.startsWith("postgres://");
    }

    /** Parses a server study's URL; a wrong one is refused saying what to write. */
    public static ServerUrl parse(String text) {
        String rest;
        if (text.startsWith("postgresql://")) rest = text.substring("postgresql://".length());
        else if (text.startsWith("postgres://")) rest = text.substring("postgres://".length());
        else throw refused(text, "it does not begin with postgresql://");
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q + 1);
        String path = q < 0 ? rest : rest.substring(0, q);
        int slash = path.indexOf('/');
        if (slash < 0 || slash == path.length() - 1) throw refused(text, "it names no database (…/DATABASE?study=NAME)");
        String authority = path.substring(0, slash);
        String database = decode(path.substring(slash + 1));
        Optional<String> user = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String u = authority.substring(0, at);
            if (u.contains(":")) throw refused(text, "it holds a password; give it in PGPASSWORD or ~/.pgpass, never in the study's name");
            if (!u.isEmpty()) user = Optional.of(decode(u));
            authority = authority.substring(at + 1);
        }
        String host = authority;
        int port = DEFAULT_PORT;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw refused(text, "its port \"" + authority.substring(colon + 1) + "\" is not a number");
            }
            if (port < 1 || port > 65535) throw refused(text, "its port " + port + " is not between 1 and 65535");
        }
        if (host.isEmpty()) throw refused(text, "it names no server");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        String study = params.getOrDefault("study", "");
        if (study.isBlank()) throw refused(text, "it names no study (?study=NAME)");
        if (!study.matches("[A-Za-z0-9_]{1,48}")) throw refused(text, "the study's name \"" + study + "\" may hold only letters, digits and _ (at most 48)");
        for (String k : params.keySet()) {
            if (!k.equals("study") && !k.equals("sslmode")) throw refused(text, "it has \"" + k + "\", which Attune does not take (study, sslmode)");
        }
        return new ServerUrl(user, host, port, database, study, Optional.ofNullable(params.get("sslmode")));
    }

    /** The JDBC URL the driver takes (no password: the driver reads PGPASSWORD and ~/.pgpass itself). */
    public String jdbc() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + sslMode.map(m -> "?sslmode=" + m).orElse("");
    }

    /** The schema the study's tables are in. */
    public String schema() {
        return "attune_" + study.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "postgresql://" + user.map(u -> u + "@").orElse("") + host + (port == DEFAULT_PORT ? "" : ":" + port) + "/" + database + "?study=" + study
                + sslMode.map(m -> "&sslmode=" + m).orElse("");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException refused(String text, String why) {
        return new IllegalArgumentException(text + " is not a lab study's address: " + why
                + ". Write it as postgresql://[USER@]HOST[:PORT]/DATABASE?study=NAME, e.g. postgresql://ana@lab.uni.edu/attune?study=freeplay.");
    }
}

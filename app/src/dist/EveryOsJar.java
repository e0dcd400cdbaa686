import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The one jar for every OS (issue 16): the runnable jar of this build plus the JavaFX and FFmpeg natives of
 * Linux x64, Windows x64 and macOS x64 and arm64, so that one {@code java -jar} line starts Attune on all of
 * them. Run by make-dist.sh as a single-file program (build tool, not part of the app):
 * <pre>java EveryOsJar.java BASE.jar EVERY-OS-DIR OUT.jar TIMESTAMP</pre>
 *
 * <p>The platform jars' classes are the same on every OS (checked: an entry already in the jar must be
 * byte-identical, else the build stops), each OS adds its own natives and window-system classes. One name
 * clashes: JavaFX loads its natives from the jar's root by name ({@code /libglass.dylib}), the same name
 * for macOS on Intel and on Apple silicon. Those are joined into one universal (fat) Mach-O library by
 * {@code lipo} (Xcode) or {@code llvm-lipo} (Debian's llvm), the format macOS itself loads either slice
 * from. Every root .dylib is then checked to hold both architectures.
 *
 * <p>Reproducible: entries are written in a fixed order with the build's {@code project.build.outputTimestamp}
 * as their time.
 */
public final class EveryOsJar {
    /** Entries that differ between the platform jars only by how or when each was built: Maven's pom.properties
     *  and GraalVM's metadata, JavaFX's build date (VersionInfo), its style sheets compiled to binary (.bss:
     *  the .css they are compiled from is identical, which this check itself ensures) and javafx-swt.jar
     *  (unused). The first one seen, this build's, is kept. Service files must agree. */
    private static final java.util.regex.Pattern KEEP_FIRST = java.util.regex.Pattern.compile(
            "javafx-swt\\.jar|META-INF/(?!services/).*|com/sun/javafx/runtime/VersionInfo\\.class|.*\\.bss");
    private static int keptFirst;

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java EveryOsJar.java BASE.jar EVERY-OS-DIR OUT.jar TIMESTAMP");
            System.exit(2);
        }
        Path base = Path.of(args[0]);
        Path everyOs = Path.of(args[1]);
        Path out = Path.of(args[2]);
        LocalDateTime time = OffsetDateTime.parse(args[3]).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();

        Map<String, byte[]> entries = new LinkedHashMap<>();
        readInto(base, entries, null);
        Map<String, List<byte[]>> macSlices = new TreeMap<>();
        List<Path> jars;
        try (Stream<Path> files = Files.list(everyOs)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            fail("no platform jars in " + everyOs + " (the dist profile's maven-dependency-plugin copies them)");
        }
        for (Path jar : jars) {
            readInto(jar, entries, macSlices);
        }
        String lipo = lipo();
        for (Map.Entry<String, List<byte[]>> slices : macSlices.entrySet()) {
            entries.put(slices.getKey(), universal(lipo, slices.getKey(), slices.getValue()));
        }
        write(out, entries, time);
        checkEveryRootDylibIsUniversal(lipo, entries);
        System.out.printf("every-OS jar: %s, %d entries, %d MB, %d macOS libraries made universal,"
                + " %d differing metadata files kept from this build%n",
                out.getFileName(), entries.size(), Files.size(out) >> 20, macSlices.size(), keptFirst);
    }

    /** Adds a jar's entries (all of the base jar's; a platform jar's but its manifest, signatures and module
     *  descriptors); an entry already there must be identical, except a root .dylib (another Mac's). */
    private static void readInto(Path jar, Map<String, byte[]> entries, Map<String, List<byte[]>> macSlices)
            throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (entry.isDirectory() || (macSlices != null && skipped(name))) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                byte[] before = entries.get(name);
                if (before == null) {
                    entries.put(name, bytes);
                    if (macSlices != null && isRootDylib(name)) {
                        macSlices.computeIfAbsent(name, n -> new ArrayList<>()).add(bytes);
                    }
                } else if (!Arrays.equals(before, bytes)) {
                    if (macSlices != null && isRootDylib(name)) {
                        macSlices.computeIfAbsent(name, n -> new ArrayList<>(List.of(before))).add(bytes);
                    } else if (KEEP_FIRST.matcher(name).matches()) {
                        keptFirst++;
                    } else {
                        fail(jar.getFileName() + ": " + name + " differs from the one already in the jar;"
                                + " the platform jars are expected to share their classes");
                    }
                }
            }
        }
    }

    private static boolean skipped(String name) {
        return name.equals("META-INF/MANIFEST.MF") || name.endsWith("module-info.class")
                || name.matches("META-INF/[^/]*\\.(SF|DSA|RSA|EC)") || name.startsWith("META-INF/versions/9/module-info");
    }

    private static boolean isRootDylib(String name) {
        return name.endsWith(".dylib") && !name.contains("/");
    }

    private static byte[] universal(String lipo, String name, List<byte[]> slices) throws Exception {
        if (slices.size() != 2) {
            fail(name + ": expected the Intel and the Apple-silicon library, found " + slices.size());
        }
        Path dir = Files.createTempDirectory("attune-lipo");
        try {
            List<String> command = new ArrayList<>(List.of(lipo, "-create", "-output", dir.resolve(name).toString()));
            for (int i = 0; i < slices.size(); i++) {
                Path slice = dir.resolve(i + "-" + name);
                Files.write(slice, slices.get(i));
                command.add(slice.toString());
            }
            run(command);
            return Files.readAllBytes(dir.resolve(name));
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void checkEveryRootDylibIsUniversal(String lipo, Map<String, byte[]> entries) throws Exception {
        Path dir = Files.createTempDirectory("attune-lipo-check");
        try {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                if (!isRootDylib(e.getKey())) {
                    continue;
                }
                Path lib = dir.resolve(e.getKey());
                Files.write(lib, e.getValue());
                String archs = run(List.of(lipo, "-archs", lib.toString())).trim();
                if (!(archs.contains("x86_64") && archs.contains("arm64"))) {
                    fail(e.getKey() + " holds only " + archs + "; both x86_64 and arm64 are needed");
                }
                Files.delete(lib);
            }
        } finally {
            Files.delete(dir);
        }
    }

    private static void write(Path out, Map<String, byte[]> entries, LocalDateTime time) throws IOException {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
            java.util.Set<String> dirs = new java.util.HashSet<>();
            // by name, the manifest first (java -jar and JarInputStream look for it there): the same jar from the
            // same inputs, whatever order the base jar happens to list its entries in
            List<Map.Entry<String, byte[]>> sorted = new ArrayList<>(entries.entrySet());
            sorted.sort(Map.Entry.comparingByKey(java.util.Comparator
                    .comparing((String name) -> !name.equals("META-INF/MANIFEST.MF"))
                    .thenComparing(java.util.Comparator.naturalOrder())));
            for (Map.Entry<String, byte[]> e : sorted) {
                // the folders first seen before their files, as jar tools write them
                String name = e.getKey();
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    String dir = name.substring(0, slash + 1);
                    if (dirs.add(dir)) {
                        put(zip, dir, new byte[0], time);
                    }
                }
                put(zip, name, e.getValue(), time);
            }
        }
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, LocalDateTime time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Xcode's lipo on a Mac, else LLVM's (Debian: apt-get install llvm; Windows: LLVM's installer), on the PATH. */
    private static String lipo() {
        for (String candidate : List.of("lipo", "llvm-lipo", "llvm-lipo-19", "llvm-lipo-16", "llvm-lipo-15", "llvm-lipo-14")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                for (String file : List.of(candidate, candidate + ".exe")) {
                    if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, file))) {
                        return Path.of(dir, file).toString();
                    }
                }
            }
        }
        fail("no lipo on the PATH: the macOS libraries cannot be joined (on Debian: apt-get install llvm)");
        return null;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        int status = process.waitFor();
        if (status != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output.toString();
    }

    private static void fail(String message) {
        System.err.println("EveryOsJar: " + message);
        System.exit(1);
    }

    private EveryOsJar() {
    }
}

package org.attune.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attune.scheme.CodingScheme;
import org.attune.exchange.OutputFile;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.boris.BorisImport;
import org.attune.scheme.boris.BorisImporter;
import org.attune.scheme.json.SchemeFileProblem;
import org.attune.scheme.json.SchemeReadResult;
import org.attune.scheme.json.SchemeReader;
import org.attune.scheme.json.SchemeWriter;
import org.attune.scheme.manual.CodingManual;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attune scheme …}: check, document and import coding schemes. */
@Command(name = "scheme", mixinStandardHelpOptions = true,
        description = "Check, document and import coding schemes.")
public final class SchemeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Keyboard layouts as typed on the command line. */
    enum Layout {
        us(KeyboardLayout.US_QWERTY), de(KeyboardLayout.DE_QWERTZ), fr(KeyboardLayout.FR_AZERTY);

        final KeyboardLayout layout;

        Layout(KeyboardLayout layout) {
            this.layout = layout;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check scheme files and print every problem with file:line:column, the field and what to do.",
                    "Exits 1 if any file has an error (warnings alone pass)."})
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scheme files (.json).")
        Path[] files;

        @Option(names = "--no-warnings", description = "Print errors only.")
        boolean noWarnings;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            boolean anyError = false;
            for (Path file : files) {
                SchemeReadResult result = SchemeReader.read(file);
                for (SchemeFileProblem p : result.problems()) {
                    if (p.isError() || !noWarnings) err.println(p.format());
                }
                if (result.ok()) {
                    CodingScheme s = result.scheme().get();
                    out.printf(Locale.ROOT, "%s: OK — %s %s: %d families, %d timed codes, %d ratings, %d exclusive groups%s%n",
                            file, s.id(), s.version(), s.families().size(), s.timedCodes().size(), s.ratingCodes().size(),
                            s.groups().size(), result.warnings().isEmpty() ? "" : " (" + result.warnings().size() + " warnings)");
                } else {
                    anyError = true;
                    out.printf(Locale.ROOT, "%s: INVALID — %d errors%n", file, result.errors().size());
                }
            }
            return anyError ? 1 : 0;
        }
    }

    @Command(name = "manual", mixinStandardHelpOptions = true,
            description = "Write the coding manual of a scheme (Markdown and self-contained HTML) for training coders.")
    static final class Manual implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Scheme file (.json).")
        Path file;

        @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", description = "Where to write the manual (default: current directory).")
        Path outputDir = Path.of(".");

        @Option(names = "--format", description = "markdown, html or both (default: ${DEFAULT-VALUE}).")
        String format = "both";

        @Option(names = "--layout", description = "Keyboard whose key labels to show: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Layout layout = Layout.us;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!format.equals("markdown") && !format.equals("html") && !format.equals("both")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format must be markdown, html or both, not '" + format + "'");
            }
            java.util.Optional<CodingScheme> read = Inputs.readScheme(file, err, "fix them (see 'attune scheme validate') before writing its manual.");
            if (read.isEmpty()) return 1;
            CodingScheme scheme = read.get();
            Files.createDirectories(outputDir);
            String base = scheme.id() + "-manual";
            try {
                if (!format.equals("html")) {
                    Path md = outputDir.resolve(base + ".md");
                    String text = CodingManual.markdown(scheme, layout.layout);
                    OutputFile.write(md, List.of(file), tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
                    out.println("wrote " + md);
                }
                if (!format.equals("markdown")) {
                    Path html = outputDir.resolve(base + ".html");
                    String text = CodingManual.html(scheme, layout.layout);
                    OutputFile.write(html, List.of(file), tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
                    out.println("wrote " + html);
                }
            } catch (OutputFile.Refused e) {
                err.println(e.getMessage());
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "import-boris", mixinStandardHelpOptions = true,
            description = {"Turn a BORIS project's ethogram into an Attune scheme (plain or gzipped .boris).",
                    "Prints what was mapped and everything that could not be, by name."})
    static final class ImportBoris implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "PROJECT", description = "BORIS project file (.boris).")
        Path project;

        @Option(names = {"-o", "--output"}, paramLabel = "SCHEME.json", required = true, description = "Scheme file to write.")
        Path output;

        @Option(names = "--layout", description = "Keyboard layout the BORIS keys were typed on: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Layout layout = Layout.us;

        @Option(names = "--force", description = "Overwrite the output file if it exists.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            java.util.Optional<String> refused = OutputFile.problem(output, List.of(project));
            if (refused.isPresent()) {
                err.println(refused.get());
                return 1;
            }
            if (Files.exists(output) && !force) {
                err.println(output + " already exists; choose another name or add --force to overwrite it.");
                return 1;
            }
            BorisImport result;
            try {
                result = BorisImporter.importProject(project, layout.layout);
            } catch (BorisImporter.BorisFormatException e) {
                err.println(e.getMessage());
                return 1;
            }
            result.report().forEach(line -> out.println("  " + line));
            List<org.attune.scheme.SchemeProblem> errors = org.attune.scheme.SchemeValidator.validate(result.scheme()).stream()
                    .filter(org.attune.scheme.SchemeProblem::isError).toList();
            if (!errors.isEmpty()) {
                errors.forEach(e -> err.println(project + ": the imported scheme: " + e.path() + ": " + e.message() + " — " + e.hint()));
                err.println(errors.size() + " errors in the scheme this project gives; nothing was written. Fix them in the BORIS ethogram and import again.");
                return 1;
            }
            String json = SchemeWriter.toJson(result.scheme());
            try {
                OutputFile.write(output, List.of(project), tmp -> Files.writeString(tmp, json, StandardCharsets.UTF_8));
            } catch (OutputFile.Refused e) {
                err.println(e.getMessage());
                return 1;
            }
            out.println("wrote " + output + " (" + result.scheme().codes().size() + " codes in " + result.scheme().families().size()
                    + " families); check it with 'attune scheme validate " + output + "'");
            return 0;
        }
    }
}

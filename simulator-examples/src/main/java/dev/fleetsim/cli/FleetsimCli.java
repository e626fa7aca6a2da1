package dev.fleetsim.cli;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.run.EngineScenarioRunner;
import dev.fleetsim.pricing.OnDemandPriceTable;
import dev.fleetsim.scenario.ScenarioLoader;
import dev.fleetsim.scenario.ScenarioRunner;
import dev.fleetsim.scenario.UserText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code fleetsim} command line (SPEC section 6). Exit status: 0 ok, 2 invalid input or usage, 1 internal
 * error (one line; the stack trace too when FLEETSIM_DEBUG=1).
 */
@Command(name = "fleetsim", mixinStandardHelpOptions = true, versionProvider = FleetsimCli.Version.class,
        description = "Simulates EC2, ECS and EKS capacity event by event, and what AWS bills for it.",
        subcommands = {RunCommand.class, ValidateCommand.class, CompareCommand.class, SweepCommand.class,
            CatalogCommand.class})
public final class FleetsimCli implements Callable<Integer> {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int INVALID_INPUT = 2;

    private final Supplier<InstanceCatalog> catalog;
    private final Supplier<OnDemandPriceTable> prices;
    private final Supplier<PriceBook> priceBook;
    private final Optional<ScenarioRunner> runner;
    private final boolean debug;
    private final boolean terminal;
    private final Supplier<ScenarioLoader> loader;
    /** Built on the first call and reused: picocli resets every option before it parses a command line. */
    private CommandLine commandLine;
    private PrintWriter out;
    private PrintWriter err;

    @Spec
    private CommandSpec spec;

    /** The production wiring: bundled data, the engine runner, FLEETSIM_DEBUG from the environment. */
    public FleetsimCli() {
        this(memoize(InstanceCatalog::loadDefault));
    }

    private FleetsimCli(Supplier<InstanceCatalog> sharedCatalog) {
        this(sharedCatalog, memoize(PriceBook::loadDefault));
    }

    private FleetsimCli(Supplier<InstanceCatalog> sharedCatalog, Supplier<PriceBook> sharedPriceBook) {
        this(sharedCatalog, OnDemandPriceTable::loadDefault, sharedPriceBook,
                new EngineScenarioRunner(sharedCatalog, sharedPriceBook),
                "1".equals(System.getenv("FLEETSIM_DEBUG")), System.console() != null);
    }

    /**
     * @param runner null when no engine is wired: {@code run} then validates and says what it did not simulate
     * @param terminal whether stderr is a terminal (progress display)
     */
    public FleetsimCli(Supplier<InstanceCatalog> catalog, Supplier<OnDemandPriceTable> prices, ScenarioRunner runner,
            boolean debug, boolean terminal) {
        this(catalog, prices, PriceBook::loadDefault, runner, debug, terminal);
    }

    /** @param priceBook the default prices; {@code run --out} splits the bill by hour with them */
    public FleetsimCli(Supplier<InstanceCatalog> catalog, Supplier<OnDemandPriceTable> prices,
            Supplier<PriceBook> priceBook, ScenarioRunner runner, boolean debug, boolean terminal) {
        this.catalog = memoize(Objects.requireNonNull(catalog, "catalog"));
        this.prices = memoize(Objects.requireNonNull(prices, "prices"));
        this.priceBook = memoize(Objects.requireNonNull(priceBook, "priceBook"));
        this.runner = Optional.ofNullable(runner);
        this.debug = debug;
        this.terminal = terminal;
        this.loader = memoize(() -> new ScenarioLoader(this.catalog.get()));
    }

    public static void main(String[] args) {
        System.exit(new FleetsimCli().execute(System.out, System.err, args));
    }

    /** Runs one command line, writing to the given streams; returns the exit status. */
    public int execute(PrintStream stdout, PrintStream stderr, String... args) {
        out = new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        err = new PrintWriter(new java.io.OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        if (commandLine == null) {
            commandLine = commandLine();
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli handles exceptions only; an error must still be one line (SPEC section 5), and the JVM
            // can usually print one after unwinding.
            internalError(e);
            return INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private CommandLine commandLine() {
        CommandLine cmd = new CommandLine(this);
        cmd.setExitCodeExceptionMapper(e -> INTERNAL_ERROR);
        cmd.setParameterExceptionHandler((ex, args2) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("fleetsim: " + UserText.printable(UserText.abbreviate(String.valueOf(ex.getMessage()),
                    2_000)));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("see '" + c.getCommandSpec().qualifiedName() + " --help'");
            return INVALID_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
            internalError(ex);
            return INTERNAL_ERROR;
        });
        return cmd;
    }

    /** Without a subcommand: show the usage on stderr. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return INVALID_INPUT;
    }

    void internalError(Throwable ex) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        int nl = message.indexOf('\n');
        err.println("fleetsim: internal error: " + (nl < 0 ? message : message.substring(0, nl))
                + (debug ? "" : " (set FLEETSIM_DEBUG=1 for details)"));
        if (debug) {
            ex.printStackTrace(err);
        }
    }

    InstanceCatalog catalog() {
        return catalog.get();
    }

    /** The scenario loader, shared by every command of this CLI instance. */
    ScenarioLoader loader() {
        return loader.get();
    }

    OnDemandPriceTable prices() {
        return prices.get();
    }

    PriceBook priceBook() {
        return priceBook.get();
    }

    Optional<ScenarioRunner> runner() {
        return runner;
    }

    boolean terminal() {
        return terminal;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Thread-safe: sweeps and replications run scenarios on several threads that share the data. */
    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<T>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = Objects.requireNonNull(s.get());
                }
                return value;
            }
        };
    }

    /** The version from the jar manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FleetsimCli.class.getPackage().getImplementationVersion();
            return new String[] {"fleetsim " + (v == null ? "(development build)" : v)};
        }
    }
}

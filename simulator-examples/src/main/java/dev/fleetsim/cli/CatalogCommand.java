package dev.fleetsim.cli;

import dev.fleetsim.catalog.Category;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.pricing.OnDemandPrice;
import dev.fleetsim.pricing.OnDemandPriceTable;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.processor.Microarchitecture;
import dev.fleetsim.processor.ProcessorVendor;
import dev.fleetsim.report.Money;
import dev.fleetsim.report.TextTable;
import dev.fleetsim.scenario.DidYouMean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fleetsim catalog}: the instance types, filtered, with their On-Demand Linux price in a region. Prices
 * come from the bundled On-Demand table (simulator-pricing; dates and sources in its PROVENANCE.md).
 */
@Command(name = "catalog", description = "Lists EC2 instance types with vCPU, memory, processor and On-Demand"
        + " Linux price.")
final class CatalogCommand implements Callable<Integer> {

    @ParentCommand
    private FleetsimCli cli;

    @Option(names = "--family", paramLabel = "FAMILY", description = "e.g. m7g")
    private String family;

    @Option(names = "--processor", paramLabel = "NAME",
            description = "a vendor (intel, amd, graviton) or a generation (graviton3, sapphire-rapids, genoa, ...)")
    private String processor;

    @Option(names = "--category", paramLabel = "CATEGORY",
            description = "general, compute, memory, storage, accelerated or hpc")
    private String category;

    @Option(names = "--arch", paramLabel = "ARCH", description = "x86_64 or arm64")
    private String arch;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "region of the On-Demand price column (default: ${DEFAULT-VALUE})")
    private String region;

    @Override
    public Integer call() {
        InstanceCatalog catalog = cli.catalog();
        OnDemandPriceTable prices = cli.prices();
        List<String> problems = new ArrayList<>();
        Predicate<InstanceType> filter = t -> true;
        if (family != null) {
            if (catalog.family(family).isEmpty()) {
                List<String> longer = new ArrayList<>();
                for (String f : catalog.families()) {
                    if (f.startsWith(family) && longer.size() < 8) {
                        longer.add(f);
                    }
                }
                problems.add("--family: unknown instance family '" + family + "'" + (longer.isEmpty()
                        ? suffix(DidYouMean.suggestion(family, catalog.families()))
                        : "; families starting with it: " + String.join(", ", longer)));
            }
            filter = filter.and(t -> t.family().equals(family));
        }
        if (processor != null) {
            Map<String, Predicate<InstanceType>> choices = processorChoices();
            Predicate<InstanceType> p = choices.get(processor.toLowerCase(Locale.ROOT));
            if (p == null) {
                String suggestion = DidYouMean.suggestion(processor, choices.keySet());
                problems.add("--processor: unknown processor '" + processor + "'; "
                        + (suggestion.isEmpty() ? "" : suggestion + " ") + "valid: "
                        + String.join(", ", choices.keySet()));
            } else {
                filter = filter.and(p);
            }
        }
        if (category != null) {
            Optional<Category> c = Category.fromKey(category.toLowerCase(Locale.ROOT));
            if (c.isEmpty()) {
                problems.add("--category: unknown category '" + category + "'; valid: general, compute, memory,"
                        + " storage, accelerated, hpc");
            } else {
                filter = filter.and(t -> t.category() == c.get());
            }
        }
        if (arch != null) {
            Optional<Architecture> a = Architecture.fromKey(arch.toLowerCase(Locale.ROOT));
            if (a.isEmpty()) {
                problems.add("--arch: unknown architecture '" + arch + "'; valid: x86_64, arm64");
            } else {
                filter = filter.and(t -> t.architecture() == a.get());
            }
        }
        if (!prices.regions().contains(region)) {
            problems.add("--region: no prices for region '" + region + "'"
                    + suffix(DidYouMean.suggestion(region, prices.regions())));
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> cli.err().println("fleetsim catalog: " + p));
            return FleetsimCli.INVALID_INPUT;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"type", "vCPU", "memory GiB", "processor", "arch", "On-Demand $/h"});
        for (InstanceType t : catalog.all()) {
            if (!filter.test(t)) {
                continue;
            }
            Optional<OnDemandPrice> price = prices.find(t.name(), region);
            rows.add(new String[] {t.name(), Integer.toString(t.vcpu()), gib(t.memoryMiB()),
                t.microarchitecture().displayName(), t.architecture().key(),
                price.map(p -> Money.format(p.usdPerHour())).orElse("-")});
        }
        if (rows.size() == 1) {
            cli.err().println("fleetsim catalog: no instance types match");
            return FleetsimCli.OK;
        }
        cli.out().print(TextTable.render(rows, new boolean[] {false, true, true, false, false, true}));
        cli.out().println("On-Demand Linux shared-tenancy prices in " + region + "; '-' where the table has none.");
        return FleetsimCli.OK;
    }

    private static String suffix(String suggestion) {
        return suggestion.isEmpty() ? "" : "; " + suggestion;
    }

    private static String gib(int memoryMiB) {
        return new BigDecimal(memoryMiB).divide(BigDecimal.valueOf(1024)).stripTrailingZeros().toPlainString();
    }

    /**
     * Vendor names (intel, amd, graviton) and every microarchitecture key, also without its vendor prefix
     * (sapphire-rapids for intel-sapphire-rapids).
     */
    private static Map<String, Predicate<InstanceType>> processorChoices() {
        Map<String, Predicate<InstanceType>> m = new LinkedHashMap<>();
        m.put("intel", t -> t.microarchitecture().vendor() == ProcessorVendor.INTEL);
        m.put("amd", t -> t.microarchitecture().vendor() == ProcessorVendor.AMD);
        m.put("graviton", t -> t.microarchitecture().vendor() == ProcessorVendor.AWS_GRAVITON);
        for (Microarchitecture a : Microarchitecture.values()) {
            Predicate<InstanceType> p = t -> t.microarchitecture() == a;
            m.putIfAbsent(a.key(), p);
            for (String prefix : new String[] {"intel-", "amd-"}) {
                if (a.key().startsWith(prefix) && a != Microarchitecture.INTEL_OLDER) {
                    m.putIfAbsent(a.key().substring(prefix.length()), p);
                }
            }
        }
        return m;
    }
}

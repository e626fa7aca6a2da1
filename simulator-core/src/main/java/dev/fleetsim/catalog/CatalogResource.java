package dev.fleetsim.catalog;

import dev.fleetsim.processor.Architecture;
import dev.fleetsim.processor.Microarchitecture;
import dev.fleetsim.processor.Processor;
import dev.fleetsim.processor.ProcessorModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads instance-types.csv (written by tools/import-catalog.py) into {@link InstanceType} records. */
final class CatalogResource {
    static final String PATH = "/dev/fleetsim/catalog/instance-types.csv";

    private static final String[] COLUMNS = {
        "type", "family", "size", "generation", "category", "vcpu", "memory_mib", "processor_name",
        "architecture", "gpu_count", "gpu_model", "accelerator", "accelerator_count", "local_storage_gb",
        "network_gbps", "max_enis", "ipv4_per_eni", "max_pods", "bare_metal", "burstable", "current_generation",
    };

    private CatalogResource() {
    }

    static List<InstanceType> load() {
        String text;
        try (InputStream in = CatalogResource.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource " + PATH + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PATH, e);
        }
        return parse(text, PATH);
    }

    static List<InstanceType> parse(String text, String source) {
        CsvReader reader = new CsvReader(text);
        List<String> header = reader.next();
        if (header == null) {
            throw new IllegalStateException(source + " is empty");
        }
        int[] index = new int[COLUMNS.length];
        for (int c = 0; c < COLUMNS.length; c++) {
            index[c] = header.indexOf(COLUMNS[c]);
            if (index[c] < 0) {
                throw new IllegalStateException(source + ": missing column '" + COLUMNS[c] + "'");
            }
        }
        Map<String, Microarchitecture> byModel = new HashMap<>();
        List<InstanceType> types = new ArrayList<>(1500);
        while (true) {
            int line = reader.line();
            List<String> row = reader.next();
            if (row == null) {
                return types;
            }
            if (row.size() != header.size()) {
                throw new IllegalStateException(source + " line " + line + ": " + row.size() + " fields, header has "
                        + header.size());
            }
            try {
                types.add(toType(row, index, byModel));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + " line " + line + ": " + e.getMessage(), e);
            }
        }
    }

    private static InstanceType toType(List<String> row, int[] index, Map<String, Microarchitecture> byModel) {
        int i = 0;
        String name = row.get(index[i++]);
        String family = row.get(index[i++]);
        String size = row.get(index[i++]);
        int generation = integer(row.get(index[i++]), "generation");
        String categoryKey = row.get(index[i++]);
        Category category = Category.fromKey(categoryKey).orElse(null);
        if (category == null) {
            throw new IllegalArgumentException("unknown category '" + categoryKey + "'");
        }
        int vcpu = integer(row.get(index[i++]), "vcpu");
        int memoryMiB = integer(row.get(index[i++]), "memory_mib");
        String model = row.get(index[i++]);
        String archKey = row.get(index[i++]);
        Architecture architecture = Architecture.fromKey(archKey).orElse(null);
        if (architecture == null) {
            throw new IllegalArgumentException("unknown architecture '" + archKey + "'");
        }
        // No lambdas on this path: their first use costs a noticeable share of a cold start.
        Microarchitecture microarchitecture = byModel.get(model);
        if (microarchitecture == null) {
            microarchitecture = model.isEmpty() ? UnnamedProcessors.forFamily(family) : ProcessorModels.classify(model);
            if (!model.isEmpty()) {
                byModel.put(model, microarchitecture);
            }
        }
        Processor processor = new Processor(model, microarchitecture, architecture);
        int gpuCount = integer(row.get(index[i++]), "gpu_count");
        String gpuModel = row.get(index[i++]);
        String accelerator = row.get(index[i++]);
        int acceleratorCount = integer(row.get(index[i++]), "accelerator_count");
        int localStorageGb = integer(row.get(index[i++]), "local_storage_gb");
        double networkGbps = decimal(row.get(index[i++]), "network_gbps");
        int maxEnis = integer(row.get(index[i++]), "max_enis");
        int ipv4PerEni = integer(row.get(index[i++]), "ipv4_per_eni");
        int maxPods = integer(row.get(index[i++]), "max_pods");
        boolean bareMetal = bool(row.get(index[i++]), "bare_metal");
        boolean burstable = bool(row.get(index[i++]), "burstable");
        boolean currentGeneration = bool(row.get(index[i]), "current_generation");
        return new InstanceType(name, family, size, generation, category, vcpu, memoryMiB, processor, gpuCount,
                gpuModel, acceleratorCount, accelerator, localStorageGb, networkGbps, maxEnis, ipv4PerEni, maxPods,
                bareMetal, burstable, currentGeneration);
    }

    private static int integer(String text, String column) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not an integer", e);
        }
    }

    private static double decimal(String text, String column) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a number", e);
        }
    }

    private static boolean bool(String text, String column) {
        if (text.equals("true")) {
            return true;
        }
        if (text.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(column + " '" + text + "' is not true or false");
    }
}

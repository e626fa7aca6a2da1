package dev.fleetsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * report.html of the quick start, read as XML (the page is well-formed on purpose): the four charts, the bill
 * table, nothing loaded from anywhere, and the same bytes on every run. The browser check is
 * tools/check-report-html.sh.
 */
final class ReportHtmlTest {

    private static Map<String, byte[]> files;
    private static String html;
    private static Document page;

    @BeforeAll
    static void runQuickstart() throws Exception {
        Scenario s = new ScenarioLoader(HourlyCostsTest.CATALOG).load(Path.of("../scenarios/quickstart.yaml"));
        RunResult r = HourlyCostsTest.run(s);
        files = ReportFiles.of(s, r, r.report(), HourlyCostsTest.CATALOG);
        html = new String(files.get("report.html"), StandardCharsets.UTF_8);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        page = f.newDocumentBuilder().parse(new ByteArrayInputStream(files.get("report.html")));
    }

    @Test
    void html_hasTheFourChartsEachAsInlineSvg() {
        for (String id : List.of("cost", "capacity", "commitments", "demand")) {
            Element section = section(id);
            assertThat(section).as(id).isNotNull();
            assertThat(section.getElementsByTagName("svg").getLength()).as(id).isEqualTo(1);
        }
    }

    @Test
    void costChart_hasOneColumnPartPerPricingModelAndHourWithCost() {
        // quickstart: every hour has uncovered On-Demand usage, the RI fee and the SP fee (3 parts); the Spot
        // batch adds a fourth part in its six hours 02:00-08:00: 18 x 3 + 6 x 4 = 78.
        assertThat(section("cost").getElementsByTagName("rect").getLength()).isEqualTo(78);
    }

    @Test
    void commitmentChart_hasABarPerCommitment() {
        // ri-1 and sp-1: a track and a bar each.
        assertThat(section("commitments").getElementsByTagName("rect").getLength()).isEqualTo(4);
        assertThat(section("commitments").getTextContent()).contains("ri-1 (RI)", "sp-1 (Savings Plan)");
    }

    @Test
    void demandChart_saysThereIsNoSignalInsteadOfInventingOne() {
        Element demand = section("demand");
        assertThat(demand.getElementsByTagName("rect").getLength()).isZero();
        assertThat(demand.getTextContent()).contains("no demand signal in this scenario");
    }

    @Test
    void billTable_listsEveryPricingModel() {
        NodeList tables = page.getElementsByTagName("table");
        List<String> captions = new ArrayList<>();
        String byModel = null;
        for (int i = 0; i < tables.getLength(); i++) {
            Element t = (Element) tables.item(i);
            NodeList caption = t.getElementsByTagName("caption");
            if (caption.getLength() == 1) {
                captions.add(caption.item(0).getTextContent());
                if (caption.item(0).getTextContent().equals("By pricing model")) {
                    byModel = t.getTextContent();
                }
            }
        }
        assertThat(captions).contains("By pricing model", "By service", "By instance type");
        assertThat(byModel).contains("on-demand", "spot", "reserved", "savings-plan");
    }

    @Test
    void html_loadsNothingFromAnywhere() {
        Matcher urls = Pattern.compile("https?://[^\"'\\s<)]*").matcher(html);
        List<String> found = new ArrayList<>();
        while (urls.find()) {
            if (!urls.group().equals("http://www.w3.org/2000/svg")) {
                found.add(urls.group());
            }
        }
        assertThat(found).isEmpty();
        assertThat(html).doesNotContain("<script", "<link", "<img", "@import", "url(", "@font-face");
    }

    @Test
    void reportFiles_sameRun_sameBytes() throws Exception {
        Scenario s = new ScenarioLoader(HourlyCostsTest.CATALOG).load(Path.of("../scenarios/quickstart.yaml"));
        RunResult r = HourlyCostsTest.run(s);
        Map<String, byte[]> again = ReportFiles.of(s, r, r.report(), HourlyCostsTest.CATALOG);

        assertThat(again.keySet()).containsExactly("report.json", "line-items.csv", "timeseries.csv", "report.html");
        for (String name : again.keySet()) {
            assertThat(again.get(name)).as(name).isEqualTo(files.get(name));
        }
    }

    private static Element section(String id) {
        NodeList sections = page.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element e = (Element) sections.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }
}

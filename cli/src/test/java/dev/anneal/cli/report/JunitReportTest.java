package dev.anneal.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.cli.gate.GateResult;
import dev.anneal.cli.gate.GateResult.Outcome;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportTest {

    @TempDir
    Path dir;

    @Test
    void oneTestcasePerGatePlusTheJobWithFailuresForFailedGates() throws Exception {
        RunReport report = Reports.completedWith(
                List.of(
                        new GateResult(
                                "--fail-if best.val_accuracy < 0.9", Outcome.PASSED, "best.val_accuracy = 0.9667"),
                        new GateResult(
                                "--fail-if best.value >= 0.5",
                                Outcome.FAILED,
                                "best.value = 0.9667, which is >= 0.5 <&>")),
                1);

        Document xml = write(report);

        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("anneal iris-mlp");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        assertThat(suite.getAttribute("time")).isEqualTo("72.000");
        assertThat(((Element) suite.getElementsByTagName("property").item(0)).getAttribute("value"))
                .isEqualTo("7");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("job completes");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength())
                .isZero();
        Element failed = (Element) cases.item(2);
        assertThat(failed.getAttribute("name")).isEqualTo("--fail-if best.value >= 0.5");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("best.value = 0.9667, which is >= 0.5 <&>");
        assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(1);
    }

    @Test
    void aJobThatDidNotCompleteFailsItsTestcaseAndSkipsTheGates() throws Exception {
        RunReport report = Reports.failedWith(
                List.of(new GateResult("--fail-if best.value < 0.9", Outcome.SKIPPED, "not evaluated: FAILED")));

        Element suite = write(report).getDocumentElement();

        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element job = (Element) suite.getElementsByTagName("testcase").item(0);
        assertThat(((Element) job.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .startsWith("FAILED: 2 trials failed");
        assertThat(suite.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    private Document write(RunReport report) throws Exception {
        Path file = dir.resolve("reports/junit.xml");
        JunitReport.write(report, file);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}

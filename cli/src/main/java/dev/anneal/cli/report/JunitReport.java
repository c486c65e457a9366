package dev.anneal.cli.report;

import dev.anneal.cli.gate.GateResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JUnit XML report in the Surefire shape that GitHub Actions test reporters, GitLab's
 * {@code artifacts:reports:junit} and Jenkins read: one {@code testsuite} named after the job
 * (its name, e.g. {@code anneal iris-ci}),
 * a {@code testcase} for the job finishing COMPLETED and one per gate, with {@code failure}
 * for a failed check and {@code skipped} for gates not evaluated (the job did not complete).
 */
public final class JunitReport {

    private JunitReport() {}

    public static void write(RunReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            write(report, xml);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file, e);
        }
    }

    private static void write(RunReport report, XMLStreamWriter xml) throws XMLStreamException {
        String classname = "anneal." + jobName(report);
        long skipped = report.gates().stream()
                .filter(g -> g.outcome() == GateResult.Outcome.SKIPPED)
                .count();
        long failures = report.failedGates() + (report.finished() ? 0 : 1);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "anneal " + jobName(report));
        xml.writeAttribute("tests", Integer.toString(report.gates().size() + 1));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(skipped));
        xml.writeAttribute("time", seconds(report));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "anneal.job.id", Long.toString(report.job().id()));
        property(xml, "anneal.job.url", report.jobUrl().toString());
        property(xml, "anneal.exit-code", Integer.toString(report.exitCode()));
        xml.writeEndElement();

        testcase(xml, classname, "job completes", seconds(report));
        if (!report.finished()) {
            failure(xml, "JobNotCompleted", report.outcome());
        }
        xml.writeEndElement();
        for (GateResult gate : report.gates()) {
            testcase(xml, classname, gate.gate(), "0");
            switch (gate.outcome()) {
                case FAILED -> failure(xml, "GateFailed", gate.message());
                case SKIPPED -> {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", gate.message());
                }
                case PASSED -> {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(gate.message());
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void testcase(XMLStreamWriter xml, String classname, String name, String time)
            throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", classname);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", time);
    }

    private static void failure(XMLStreamWriter xml, String type, String message) throws XMLStreamException {
        xml.writeStartElement("failure");
        xml.writeAttribute("type", type);
        xml.writeAttribute("message", message);
        xml.writeCharacters(message);
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    /**
     * Names stay the same from run to run (the job id goes into a property), so that CI test
     * history follows each gate across builds instead of seeing new tests every time.
     */
    private static String jobName(RunReport report) {
        return report.job().name().isEmpty() ? "job" : report.job().name();
    }

    private static String seconds(RunReport report) {
        return String.format(Locale.ROOT, "%.3f", report.elapsed().toMillis() / 1000.0);
    }
}

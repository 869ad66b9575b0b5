package io.tlsbench.tool.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void niceTicks() {
        assertArrayEquals(new double[] {0, 200, 400, 600, 800, 1000}, SvgChart.ticks(819.2), 1e-9);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, SvgChart.ticks(1.0), 1e-9);
        assertArrayEquals(new double[] {0, 500, 1000, 1500, 2000}, SvgChart.ticks(2000), 1e-9);
        assertArrayEquals(new double[] {0, 1}, SvgChart.ticks(0), 1e-9);
    }

    @Test
    void textIsEscapedAndEveryChartIsWellFormed() throws Exception {
        List<String> cats = List.of("a<b", "c&d");
        assertEquals("a&lt;b c&amp;d &gt;", SvgChart.esc("a<b c&d >"));
        List<String> series = List.of("\"x\"", "y'z");
        double[][] v = {{1, Double.NaN}, {2, 3}};
        for (String svg : List.of(
                SvgChart.groupedBars("t<&>", "x", "y (MB/s)", cats, series, v, Fmt::num),
                SvgChart.lines("t", "size", "MB/s", List.of(64, 1024), series, v, Fmt::num),
                SvgChart.horizontalBars("t", "%", cats, new double[] {0.5, Double.NaN}, new int[] {0, 1}, series, 1.0, "100 %",
                        Fmt::num))) {
            Document d = parse(svg);
            assertEquals("svg", d.getDocumentElement().getLocalName());
            assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
            assertTrue(svg.contains("&quot;x&quot;") && svg.contains("y&apos;z"), svg);
        }
    }
}
